package dev.supportkit.crm.bitrix24;

import dev.supportkit.crm.common.testing.CrmTestKit;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.storage.CatalogProviderState;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.SharedStorageFactory;
import dev.supportkit.crm.common.CrmUnavailableException;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmChange;
import dev.supportkit.spi.crm.CrmEntry;
import dev.supportkit.spi.state.ProviderStateStore;
import dev.supportkit.spi.storage.OutboxMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each fault of the issue against the WireMock Bitrix24 portal, on the adapter alone or through an engine. */
class Bitrix24FaultsTest {
    private static final String KEY = Bitrix24ContractTest.KEY;
    private static Bitrix24Fake fake;
    private final MutableClock clock = new MutableClock(CrmTestKit.NOW);
    private final SharedStorageFactory storage = new SharedStorageFactory();

    @BeforeAll
    static void start() {
        fake = new Bitrix24Fake(KEY);
    }

    @AfterAll
    static void stop() {
        fake.shutdown();
    }

    @BeforeEach
    void emptyPortal() {
        fake.reset();
    }

    private Map<String, String> settings(String... extra) {
        return CrmTestKit.with(Map.of("webhook-url", fake.webhook(KEY), "category", "7", "stages",
                Bitrix24ContractTest.STAGES), extra);
    }

    /** An adapter on its own provider state (as one engine has it). */
    private CrmAdapter adapter(String stateOwner, Map<String, String> settings) {
        ProviderStateStore state = new CatalogProviderState(storage.store, stateOwner, Clock.systemUTC());
        return new Bitrix24CrmFactory().create(CrmTestKit.context(settings, state, clock));
    }

    private static Request request() {
        try (EngineFixture fx = new EngineFixture()) {
            return fx.registered(fx.draft().subject("Тема"));
        }
    }

    @Test
    @DisplayName("a crash between Bitrix24's 'created' and the recorded link creates no second deal")
    void noDuplicateAfterLostLink() {
        Request request = request();
        adapter("engine-a", settings()).push(CrmChange.of(request, "k1"));
        adapter("engine-b", settings()).push(CrmChange.of(request, "k1"));
        assertEquals(1, fake.all("deal").size());
    }

    @Test
    @DisplayName("QUERY_LIMIT_EXCEEDED without Retry-After pauses the adapter for a doubling back-off, by the engine's clock")
    void queryLimitBackoff() {
        for (int i = 0; i < 2; i++) {
            fake.server.stubFor(post(urlPathMatching("/rest/1/" + KEY + "/.*")).atPriority(1)
                    .inScenario("limit").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "again")
                    .willSetStateTo(i == 0 ? "again" : "through")
                    .willReturn(aResponse().withStatus(503).withBody(
                            "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}")));
        }
        fake.server.stubFor(post(urlPathMatching("/rest/1/" + KEY + "/.*")).atPriority(1)
                .inScenario("limit").whenScenarioStateIs("through")
                .willReturn(aResponse().withTransformers(Bitrix24Fake.NAME)));
        CrmAdapter adapter = adapter("engine-a", settings());
        Request request = request();
        assertThrows(CrmUnavailableException.class, () -> adapter.push(CrmChange.of(request, "k1")));
        assertEquals(Optional.of(CrmTestKit.NOW.plusSeconds(1)), adapter.pausedUntil(), "the first back-off");
        clock.advance(Duration.ofSeconds(1));
        assertThrows(CrmUnavailableException.class, () -> adapter.push(CrmChange.of(request, "k1")));
        assertEquals(Optional.of(clock.instant().plusSeconds(2)), adapter.pausedUntil(), "doubled for the second failure in a row");
        clock.advance(Duration.ofSeconds(2));
        adapter.push(CrmChange.of(request, "k1"));
        assertEquals(1, fake.all("deal").size(), "one deal after the limit passed");
    }

    @Test
    @DisplayName("an error answer is dead-lettered by the engine with Bitrix24's error text")
    void rejectedIsDeadLettered() {
        fake.server.stubFor(post(urlPathMatching("/rest/1/" + KEY + "/crm.deal.add.json")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody(
                        "{\"error\":\"\",\"error_description\":\"Неверное значение поля STAGE_ID\"}")));
        Map<String, String> configured = new HashMap<>();
        settings().forEach((k, v) -> configured.put("supportkit.providers.bitrix24." + k, v));
        try (EngineFixture fx = new EngineFixture(TenantId.of("acme"), null, configured,
                b -> b.storage(storage).crmAdapter(new Bitrix24CrmFactory()))) {
            Request request = fx.registered();
            fx.engine.runDueWork();
            OutboxMessage push = storage.store.inTransaction(tx -> tx.findOutbox(fx.tenant, request.id())).stream()
                    .filter(m -> m.topic().equals("crm.push")).findFirst().orElseThrow();
            assertEquals(OutboxMessage.Status.DEAD, push.status(), push.toString());
            assertTrue(push.toString().contains("Неверное значение поля STAGE_ID"), push.toString());
        }
    }

    @Test
    @DisplayName("a wrong webhook key: 401 is a temporary failure, the key and URL in no message or log")
    void webhookNeverShown() throws IOException {
        String wrong = "wr0ngk3yf0rth1sh00k";
        CrmUnavailableException e = assertThrows(CrmUnavailableException.class,
                () -> adapter("engine-a", settings("webhook-url", fake.webhook(wrong))).push(CrmChange.of(request(),
                        "k1")));
        assertTrue(e.getMessage().contains("INVALID_CREDENTIALS"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        RuntimeException bad = assertThrows(RuntimeException.class, () -> adapter("engine-a",
                settings("webhook-url", "ftp://" + wrong)));
        assertFalse(bad.getMessage().contains(wrong), bad.getMessage());
        assertTrue(bad.getMessage().contains("supportkit.providers.bitrix24.webhook-url"), bad.getMessage());
        String logged = Files.readString(Path.of("target/supportkit-bitrix24-test.log"), StandardCharsets.UTF_8);
        assertTrue(logged.contains("Bitrix24"), "the adapter logged");
        assertFalse(logged.contains(wrong) || logged.contains(KEY), "no webhook key in the log");
    }

    @Test
    @DisplayName("a comment longer than the limit is cut, saying so; Cyrillic arrives intact")
    void longCommentCut() {
        String text = "Ответ клиенту: " + "очень длинный текст ".repeat(100);
        CrmChange change = new CrmChange("k1", request(), Set.of(CrmChange.Kind.COMMENT),
                List.of(new CrmEntry(2, text, "Анна", Instant.parse("2026-03-12T09:00:00Z"))), null, Optional.empty());
        adapter("engine-a", settings("comment-max-length", "300")).push(change);
        List<String> comments = fake.all("comment").stream().map(c -> c.path("COMMENT").asText()).toList();
        assertEquals(1, comments.size());
        assertTrue(comments.get(0).length() <= 300, comments.get(0).length() + " characters");
        assertTrue(comments.get(0).startsWith("Анна, 2026-03-12 09:00 UTC:\nОтвет клиенту: очень"), comments.get(0));
        assertTrue(comments.get(0).contains("cut by SupportKit"), comments.get(0));
    }
}
