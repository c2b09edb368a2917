package org.commitmenttracker.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;

/** Fires the same HTTP request from several threads at once, released together by a barrier. */
public final class Concurrently {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Concurrently() {
    }

    /** Sends {@code method path} with a JSON {@code body} and {@code headers} from {@code threads} threads at once. */
    public static List<HttpResponse<String>> send(int threads, String method, String path, String body,
            Map<String, String> headers) throws Exception {
        var uri = URI.create("http://localhost:" + RestAssured.port + path);
        var barrier = new CyclicBarrier(threads);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < threads; i++) {
                Callable<HttpResponse<String>> call = () -> {
                    var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json; charset=UTF-8")
                            .method(method, HttpRequest.BodyPublishers.ofString(body));
                    headers.forEach(request::header);
                    barrier.await(10, TimeUnit.SECONDS);
                    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                };
                futures.add(pool.submit(call));
            }
            var responses = new ArrayList<HttpResponse<String>>();
            for (var future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
