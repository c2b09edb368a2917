// A typed client of the Commitment Tracker API in a few lines: types generated from openapi.yaml by
// openapi-typescript (npm run generate), calls made with openapi-fetch. Run it against a running service:
//   API_BASE=http://localhost:8080 npm run example        (TOKEN=... adds a bearer token to every call)
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "../generated/api.js";

type Problem = components["schemas"]["Problem"];

const baseUrl = process.env.API_BASE ?? "http://localhost:8080";

// Every list and progress table is also offered as text/csv. The second type parameter keeps only the JSON media
// types (answers and problems), so `data` is typed as the JSON schema (DepartmentPage), not DepartmentPage | string,
// and `error` as Problem.
const api = createClient<paths, "application/json" | "application/problem+json">({
  baseUrl,
  headers: { Accept: "application/json" },
});

// Writes need a bearer JWT: one middleware adds it to every request.
const token = process.env.TOKEN;
if (token) {
  const bearer: Middleware = {
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  };
  api.use(bearer);
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

// The departments, one typed page of them.
const departments = await api.GET("/api/v1/departments", { params: { query: { size: 200 } } });
check(departments.data !== undefined, `listing departments failed: ${JSON.stringify(departments.error)}`);
console.log(`departments: ${departments.data.total}`);
for (const department of departments.data.items) {
  console.log(`  ${department.code} ${department.name}`);
}

// A target and how far along it is, quarter by quarter (actual and the ratios are null where unknown).
const targets = await api.GET("/api/v1/targets", { params: { query: { size: 1, sort: "dueDate,asc" } } });
const target = targets.data?.items[0];
if (target) {
  const progress = await api.GET("/api/v1/targets/{id}/progress", { params: { path: { id: target.id } } });
  check(progress.data !== undefined, `reading progress failed: ${JSON.stringify(progress.error)}`);
  console.log(`progress of ${target.name} (${target.unit}):`);
  for (const quarter of progress.data) {
    console.log(`  ${quarter.quarter} actual=${quarter.actual ?? "-"} ratio=${quarter.completionRatio ?? "-"} ${quarter.status}`);
  }
}

// The overdue listing has its own page type; `listing` tells it apart from the plain one.
const overdue = await api.GET("/api/v1/milestones", {
  params: { query: { overdue: true, asOf: "2021-09-01", size: 5 } },
});
check(overdue.data?.listing === "overdue", "the overdue listing is an OverdueMilestonePage");
for (const milestone of overdue.data.items) {
  console.log(`overdue: ${milestone.departmentName} ${milestone.daysOverdue} days: ${milestone.description}`);
}

// The same table as CSV: ask for text/csv and read the body as text.
const csv = await api.GET("/api/v1/departments", {
  params: { query: { size: 200 } },
  headers: { Accept: "text/csv" },
  parseAs: "text",
});
check(csv.response.headers.get("Content-Type")?.startsWith("text/csv") === true, "CSV was asked for");
console.log(`csv header: ${String(csv.data).split("\n")[0]}`);

// Errors are typed problems (application/problem+json): an invalid report answers 400 naming the field, or 401
// when no token was given to a service that requires one.
const invalid = await api.POST("/api/v1/progress-reports", {
  body: { targetId: "00000000-0000-0000-0000-000000000000", asOf: "2021-06-28" } as never,
});
const problem: Problem | undefined = invalid.error;
check(problem !== undefined, "an invalid report is refused");
console.log(`problem: ${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
check(problem.status === 400 || problem.status === 401, `unexpected status ${problem.status}`);
