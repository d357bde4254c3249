package dev.supportkit.examples.webdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** One API user: a cookie jar, the CSRF token of the session, and every response checked against the document. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private final OpenApiConformance conformance;
    String csrf;

    /** A response: status, headers and the body as JSON (null when empty). */
    record Response(int status, HttpResponse<String> raw, JsonNode json) {
        String etag() {
            return raw.headers().firstValue("ETag").orElseThrow();
        }
    }

    ApiClient(String base, OpenApiConformance conformance) {
        this.base = base;
        this.conformance = conformance;
    }

    static ApiClient login(String base, OpenApiConformance conformance, String login) {
        ApiClient client = new ApiClient(base, conformance);
        Response r = client.call("POST", "/api/v1/session", Map.of("login", login, "password", "demo"), Map.of());
        assertEquals(200, r.status(), r.raw().body());
        client.csrf = r.json().get("csrfToken").asText();
        return client;
    }

    Response get(String path) {
        return call("GET", path, null, Map.of());
    }

    Response post(String path, Object body) {
        return call("POST", path, body, csrf == null ? Map.of() : Map.of("X-CSRF-Token", csrf));
    }

    Response command(String id, String command, String ifMatch, Object body) {
        return call("POST", "/api/v1/requests/" + id + "/commands/" + command, body,
                ifMatch == null ? Map.of("X-CSRF-Token", csrf) : Map.of("X-CSRF-Token", csrf, "If-Match", ifMatch));
    }

    Response call(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
            conformance.check(method, path, response);
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
