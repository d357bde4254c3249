package dev.supportkit.crm.common;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.spi.crm.CrmRejectedException;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared CRM client's parts on their own. */
class CrmCommonTest {
    private static final Instant NOW = Instant.parse("2026-03-12T09:00:00Z");

    @Test
    @DisplayName("the limiter lets a burst of the bucket's size pass, then names when the next permit frees")
    void limiterPaces() {
        MutableClock clock = new MutableClock(NOW);
        RateLimiter limiter = new RateLimiter(7, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 7; i++) {
            assertEquals(Optional.empty(), limiter.tryAcquire(), "a burst of 7 passes");
        }
        Instant next = limiter.tryAcquire().orElseThrow();
        Duration wait = Duration.between(NOW, next);
        assertTrue(wait.toMillis() >= 142 && wait.toMillis() <= 143, "a seventh of a second later: " + wait);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 7; i++) {
            assertEquals(Optional.empty(), limiter.tryAcquire(), "refilled after a second");
        }
        assertTrue(limiter.tryAcquire().isPresent());
    }

    @Test
    @DisplayName("a long text is cut to the limit, saying so, never inside a surrogate pair; a short one is kept")
    void textsCut() {
        assertEquals("Привет", CrmTexts.cut("Привет", 100));
        String cut = CrmTexts.cut("я".repeat(500), 200);
        assertEquals(200, cut.length(), cut);
        assertTrue(cut.contains("cut by SupportKit") && cut.contains("500"), cut);
        String emoji = CrmTexts.cut("a".repeat(50) + "😀".repeat(200), 200);
        assertFalse(Character.isHighSurrogate(emoji.charAt(emoji.indexOf('\n') - 1)), emoji);
    }

    @Test
    @DisplayName("Retry-After as an HTTP date pauses the client until then by the clock; a 4xx is rejected with the CRM's text, masked")
    void retryAfterDateAndRejection() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(12).atZone(ZoneOffset.UTC));
            server.stubFor(get(urlEqualTo("/x")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                    .willSetStateTo("ok").willReturn(aResponse().withStatus(503).withHeader("Retry-After", date)));
            server.stubFor(get(urlEqualTo("/x")).inScenario("s").whenScenarioStateIs("ok")
                    .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
            server.stubFor(get(urlEqualTo("/bad")).willReturn(aResponse().withStatus(422)
                    .withBody("{\"message\":\"field sk-secret-value is invalid\"}")));
            MutableClock clock = new MutableClock(NOW);
            CrmHttp http = new CrmHttp("Test CRM", HttpClient.newHttpClient(), new ObjectMapper(),
                    new RateLimiter(10, Duration.ofSeconds(1), clock),
                    new CrmHttp.Options(Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMinutes(1)),
                    CrmHttp.Auth.bearer("sk-secret-value"), () -> List.of("sk-secret-value"), clock);
            URI base = URI.create("http://127.0.0.1:" + server.port());
            CrmUnavailableException down = assertThrows(CrmUnavailableException.class,
                    () -> http.call("GET", base.resolve("/x"), null, "GET x"));
            assertTrue(down.getMessage().contains("503"), down.getMessage());
            assertEquals(Optional.of(NOW.plusSeconds(12)), http.pausedUntil(), "paused until the Retry-After date");
            assertThrows(CrmUnavailableException.class, () -> http.call("GET", base.resolve("/x"), null, "GET x"));
            assertEquals(1, server.getAllServeEvents().size(), "no call while paused");
            clock.advance(Duration.ofSeconds(12));
            assertTrue(http.call("GET", base.resolve("/x"), null, "GET x").path("ok").asBoolean());
            assertEquals(Optional.empty(), http.pausedUntil());
            CrmRejectedException e = assertThrows(CrmRejectedException.class,
                    () -> http.call("GET", base.resolve("/bad"), null, "GET bad"));
            assertTrue(e.getMessage().contains("422") && e.getMessage().contains("field **** is invalid"),
                    e.getMessage());
        } finally {
            server.stop();
        }
    }

    private static final Setting<String> URL = Setting.string("base-url").description("the API").build();
    private static final Setting<String> IDS = Setting.string("owners").defaultValue("").description("ids").build();

    private static SettingsReader reader(Map<String, String> values) {
        return SettingsReader.of("supportkit.providers.crm.", values, List.of(URL, IDS));
    }

    @Test
    @DisplayName("httpUrl drops one trailing slash, passes over an unset address and reports a bad one by name")
    void httpUrl() {
        SettingsReader good = reader(Map.of("base-url", "https://crm.example.com/api/"));
        assertEquals(URI.create("https://crm.example.com/api"), CommonSettings.httpUrl(good, URL, "https://x.y"));
        good.throwIfProblems();
        SettingsReader unset = reader(Map.of());
        assertNull(CommonSettings.httpUrl(unset, URL, "https://x.y"));
        unset.throwIfProblems();
        for (String bad : List.of("ftp://crm.example.com", "no url at all", "https:///path")) {
            SettingsReader reader = reader(Map.of("base-url", bad));
            assertNull(CommonSettings.httpUrl(reader, URL, "https://x.y"));
            ConfigurationException problems = assertThrows(ConfigurationException.class, reader::throwIfProblems);
            assertEquals(1, problems.problems().size(), bad);
            assertTrue(problems.problems().get(0).contains("supportkit.providers.crm.base-url"), bad);
            assertTrue(problems.problems().get(0).contains("must be an http(s) URL like https://x.y, was '" + bad
                    + "'"), problems.problems().get(0));
        }
    }

    @Test
    @DisplayName("specialistIds reads specialist=id pairs, skips blanks and reports each malformed pair")
    void specialistIds() {
        SettingsReader good = reader(Map.of("owners", " anna = 17 ;; boris=crm-2;"));
        assertEquals(Map.of("anna", "17", "boris", "crm-2"), CommonSettings.specialistIds(good, IDS, "owner"));
        good.throwIfProblems();
        SettingsReader bad = reader(Map.of("owners", "anna=17;lonely;=5;carl="));
        assertEquals(Map.of("anna", "17"), CommonSettings.specialistIds(bad, IDS, "owner"));
        ConfigurationException problems = assertThrows(ConfigurationException.class, bad::throwIfProblems);
        assertEquals(3, problems.problems().size(), problems.problems().toString());
        assertTrue(problems.problems().get(0).contains("must be specialist=owner pairs separated by ';', was "
                + "'lonely'"), problems.problems().get(0));
    }
}
