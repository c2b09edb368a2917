package org.commitmenttracker.common;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.client.ApiClient;
import org.commitmenttracker.client.ApiException;
import org.commitmenttracker.client.api.DepartmentsApi;
import org.commitmenttracker.client.api.MilestonesApi;
import org.commitmenttracker.client.api.ProgressReportsApi;
import org.commitmenttracker.client.api.TargetsApi;
import org.commitmenttracker.client.model.MilestonePage;
import org.commitmenttracker.client.model.OverdueMilestonePage;
import org.commitmenttracker.client.model.Problem;
import org.commitmenttracker.client.model.ProgressReportRequest;
import org.commitmenttracker.client.model.ProgressStatus;
import org.commitmenttracker.client.model.ReviewStatus;
import org.commitmenttracker.client.model.TargetQuarter;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Java client that openapi-generator makes from openapi.yaml at build time (pom.xml, into target/) works against
 * the running service, as a partner system would use it: typed pages, progress rows, a created report, a typed problem.
 */
@QuarkusTest
class GeneratedJavaClientTest {

    @TestHTTPResource("/")
    URI root;

    /** A client of the service under test, calling with {@code token} (reads need none). */
    private ApiClient client(String token) {
        var client = new ApiClient();
        client.updateBaseUri(root.toString().replaceFirst("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private ApiClient client() {
        return client(Tokens.admin());
    }

    @Test
    void shouldListDepartmentsThroughTheGeneratedClient() throws ApiException {
        var code = "g" + UUID.randomUUID().toString().substring(0, 8);
        var id = Fixtures.department(code, "生成客户端测试局");

        var page = new DepartmentsApi(client()).listDepartments(
                DepartmentsApi.APIListDepartmentsRequest.newBuilder().code(code).build());

        assertEquals(1L, page.getTotal());
        assertEquals(UUID.fromString(id), page.getItems().get(0).getId());
        assertEquals("生成客户端测试局", page.getItems().get(0).getName());
    }

    @Test
    void shouldReadQuarterlyProgressAndCreateReportsThroughTheGeneratedClient() throws ApiException {
        var target = UUID.fromString(Fixtures.target(Fixtures.commitment(), Map.of()));
        var reports = new ProgressReportsApi(client(Fixtures.reporterOfTarget(target.toString())));

        var report = reports.createProgressReport(ProgressReportsApi.APICreateProgressReportRequest.newBuilder()
                .progressReportRequest(new ProgressReportRequest().targetId(target).asOf(LocalDate.of(2021, 6, 28))
                        .value(new BigDecimal("4500.5")).note("二季度开工4500套"))
                .build());
        List<TargetQuarter> quarters = new TargetsApi(client()).targetProgress(
                TargetsApi.APITargetProgressRequest.newBuilder().id(target).build());

        assertEquals(target, report.getTargetId());
        assertEquals(ReviewStatus.SUBMITTED, report.getStatus());
        assertNull(report.getReviewedAt());
        assertEquals(List.of("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"),
                quarters.stream().map(TargetQuarter::getQuarter).toList());
        assertNull(quarters.get(0).getActual());
        assertEquals(0, new BigDecimal("4500.5").compareTo(quarters.get(1).getActual()));
        assertEquals(ProgressStatus.NOT_DUE, quarters.get(0).getStatus());
    }

    @Test
    void shouldTellTheTwoMilestoneListingsApart() throws ApiException {
        var commitment = Fixtures.commitment();
        var milestones = new MilestonesApi(client());

        var plain = milestones.listMilestones(MilestonesApi.APIListMilestonesRequest.newBuilder()
                .commitmentId(UUID.fromString(commitment)).build());
        var overdue = milestones.listMilestones(MilestonesApi.APIListMilestonesRequest.newBuilder()
                .commitmentId(UUID.fromString(commitment)).overdue(true).asOf(LocalDate.of(2021, 9, 1)).build());

        assertTrue(plain.getActualInstance() instanceof MilestonePage, "an empty page is still a MilestonePage");
        assertTrue(overdue.getActualInstance() instanceof OverdueMilestonePage);
    }

    @Test
    void shouldReceiveAProblemAsATypedError() throws Exception {
        var client = client(Tokens.as("reporter", java.util.Set.of("reporter"), "any"));
        var invalid = new ProgressReportRequest().targetId(UUID.randomUUID()).asOf(LocalDate.of(2021, 6, 28));

        var error = assertThrows(ApiException.class, () -> new ProgressReportsApi(client).createProgressReport(
                ProgressReportsApi.APICreateProgressReportRequest.newBuilder().progressReportRequest(invalid).build()));
        var problem = client.getObjectMapper().readValue(error.getResponseBody(), Problem.class);

        assertEquals(400, error.getCode());
        assertTrue(error.getResponseHeaders().firstValue("Content-Type").orElseThrow()
                .startsWith(Problems.PROBLEM_JSON));
        assertEquals(400, problem.getStatus());
        assertFalse(problem.getViolations().isEmpty());
        assertEquals("value", problem.getViolations().get(0).getField());
    }
}
