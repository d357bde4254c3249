package dev.supportkit.examples.webdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The survey link's public page: no login, the token decides; a bad token is refused with its reason. */
class SurveyPageTest {
    @TempDir
    static Path data;
    private static WebDesk desk;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        desk = DeskFixture.start(data);
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Accept-Language", "ru").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI page(String token) {
        return URI.create("http://127.0.0.1:" + desk.port() + "/survey/" + token);
    }

    @Test
    @DisplayName("the form opens without a login; a forged or malformed token is refused (422) naming its rule")
    void publicPageChecksTheToken() throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(page("not-a-token")));
        assertEquals(200, form.statusCode(), "no redirect to the login page");
        assertTrue(form.body().contains("id=\"survey-form\"") && form.body().contains("Как мы справились?"), form.body());
        assertTrue(form.body().contains("<option value=\"5\">5</option>"), form.body());

        HttpResponse<String> refused = send(HttpRequest.newBuilder(page("not-a-token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("score=5&comment=ok")));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"survey-error\"") && refused.body().contains("token [format]"),
                refused.body());

        HttpResponse<String> badScore = send(HttpRequest.newBuilder(page("a.b.c.d"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("score=lots")));
        assertEquals(422, badScore.statusCode());
        assertTrue(badScore.body().contains("answer.score [format]"), badScore.body());
    }
}
