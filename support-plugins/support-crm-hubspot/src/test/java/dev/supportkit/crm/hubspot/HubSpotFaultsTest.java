package dev.supportkit.crm.hubspot;

import dev.supportkit.crm.common.testing.CrmTestKit;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import dev.supportkit.spi.crm.CrmRejectedException;
import dev.supportkit.spi.state.ProviderStateStore;
import dev.supportkit.spi.storage.OutboxMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/** Each fault of the issue against the WireMock HubSpot, on the adapter alone or through an engine. */
class HubSpotFaultsTest {
    private static final String TOKEN = HubSpotContractTest.TOKEN;
    private static HubSpotFake fake;
    private final MutableClock clock = new MutableClock(CrmTestKit.NOW);
    private final SharedStorageFactory storage = new SharedStorageFactory();

    @BeforeAll
    static void start() {
        fake = new HubSpotFake(TOKEN);
    }

    @AfterAll
    static void stop() {
        fake.shutdown();
    }

    @BeforeEach
    void emptyAccount() {
        fake.reset();
    }

    private Map<String, String> settings(String... extra) {
        return CrmTestKit.with(Map.of("token", TOKEN, "base-url", fake.baseUrl(), "stages", HubSpotContractTest.STAGES), extra);
    }

    /** An adapter on its own provider state (as one engine has it). */
    private CrmAdapter adapter(String stateOwner, Map<String, String> settings) {
        ProviderStateStore state = new CatalogProviderState(storage.store, stateOwner, Clock.systemUTC());
        return new HubSpotCrmFactory().create(CrmTestKit.context(settings, state, clock));
    }

    private Request request() {
        try (EngineFixture fx = new EngineFixture()) {
            return fx.registered(fx.draft().subject("Тема"));
        }
    }

    @Test
    @DisplayName("a crash between HubSpot's 'created' and the recorded link creates no second ticket")
    void noDuplicateAfterLostLink() {
        Request request = request();
        adapter("engine-a", settings()).push(CrmChange.of(request, "k1"));
        // another engine whose state never got the link (the first crashed before recording it)
        adapter("engine-b", settings()).push(CrmChange.of(request, "k1"));
        assertEquals(1, fake.all("tickets").size(), "one ticket");
    }

    @Test
    @DisplayName("a 503 with Retry-After pauses the adapter until then by the engine's clock; then the push goes on")
    void retryAfter() {
        fake.server.stubFor(post(urlPathEqualTo("/crm/v3/objects/tickets")).atPriority(1).inScenario("down")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")
                        .withBody("{\"status\":\"error\",\"message\":\"Service Unavailable\"}")));
        fake.server.stubFor(post(urlPathEqualTo("/crm/v3/objects/tickets")).atPriority(1).inScenario("down")
                .whenScenarioStateIs("up").willReturn(aResponse().withTransformers(HubSpotFake.NAME)));
        CrmAdapter adapter = adapter("engine-a", settings());
        Request request = request();
        assertThrows(CrmUnavailableException.class, () -> adapter.push(CrmChange.of(request, "k1")));
        assertEquals(Optional.of(CrmTestKit.NOW.plusSeconds(7)), adapter.pausedUntil());
        int calls = fake.server.getAllServeEvents().size();
        assertThrows(CrmUnavailableException.class, () -> adapter.push(CrmChange.of(request, "k1")));
        assertEquals(calls, fake.server.getAllServeEvents().size(), "no call while paused");
        clock.advance(Duration.ofSeconds(7));
        adapter.push(CrmChange.of(request, "k1"));
        assertEquals(1, fake.all("tickets").size());
        assertEquals(Optional.empty(), adapter.pausedUntil());
    }

    @Test
    @DisplayName("a long Retry-After is honoured as given; the engine holds the pushes without counting attempts")
    void longRetryAfterHoldsPushes() {
        fake.server.stubFor(post(urlPathEqualTo("/crm/v3/objects/tickets/search")).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                        .withBody("{\"status\":\"error\",\"message\":\"daily limit\"}")));
        Map<String, String> configured = new HashMap<>();
        settings().forEach((k, v) -> configured.put("supportkit.providers.hubspot." + k, v));
        try (EngineFixture fx = new EngineFixture(TenantId.of("acme"), null, configured,
                b -> b.storage(storage).crmAdapter(new HubSpotCrmFactory()))) {
            Request first = fx.registered();
            Request second = fx.registered();
            fx.engine.runDueWork();
            fx.clock.advance(Duration.ofMinutes(10));
            fx.engine.runDueWork();
            List<OutboxMessage> pushes = storage.store.inTransaction(tx -> {
                List<OutboxMessage> all = new java.util.ArrayList<>(tx.findOutbox(fx.tenant, first.id()));
                all.addAll(tx.findOutbox(fx.tenant, second.id()));
                return all;
            }).stream().filter(m -> m.topic().equals("crm.push")).toList();
            assertEquals(2, pushes.size());
            assertTrue(pushes.stream().allMatch(m -> m.status() == OutboxMessage.Status.PENDING), pushes.toString());
            assertEquals(1, pushes.stream().mapToInt(OutboxMessage::attempts).sum(),
                    "one attempt met the 429; the rest are held until the Retry-After: " + pushes);
            assertTrue(pushes.stream().allMatch(m -> m.nextAttemptAt().isAfter(fx.clock.instant())),
                    pushes.toString());
            assertEquals(0, fake.all("tickets").size());
        }
    }

    @Test
    @DisplayName("another 4xx is dead-lettered by the engine with HubSpot's error text")
    void rejectedIsDeadLettered() {
        fake.server.stubFor(post(urlPathEqualTo("/crm/v3/objects/tickets")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"error\",\"message\":\"Property values were not valid: "
                                + "hs_pipeline_stage 'new' is not a valid stage\",\"category\":\"VALIDATION_ERROR\"}")));
        Map<String, String> configured = new HashMap<>();
        settings().forEach((k, v) -> configured.put("supportkit.providers.hubspot." + k, v));
        try (EngineFixture fx = new EngineFixture(TenantId.of("acme"), null, configured,
                b -> b.storage(storage).crmAdapter(new HubSpotCrmFactory()))) {
            Request request = fx.registered();
            fx.engine.runDueWork();
            List<OutboxMessage> pushes = storage.store.inTransaction(tx -> tx.findOutbox(fx.tenant, request.id()))
                    .stream().filter(m -> m.topic().equals("crm.push")).toList();
            assertEquals(1, pushes.size());
            assertEquals(OutboxMessage.Status.DEAD, pushes.get(0).status(), pushes.get(0).toString());
            assertTrue(pushes.get(0).toString().contains("is not a valid stage"), pushes.get(0).toString());
        }
    }

    @Test
    @DisplayName("a 401 with a wrong token: no token refresh for a private app, the token in no message or log")
    void secretNeverShown() throws IOException {
        String wrong = "pat-eu1-wrong-token-aaaaaaaaaaaaaaaaaaaaaaaaa";
        CrmUnavailableException e = assertThrows(CrmUnavailableException.class,
                () -> adapter("engine-a", settings("token", wrong)).push(CrmChange.of(request(), "k1")));
        assertTrue(e.getMessage().contains("401"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        CrmAdapter adapter = adapter("engine-a", settings("token", wrong));
        assertFalse(adapter.toString().contains(wrong));
        Path log = Path.of("target/supportkit-hubspot-test.log");
        assertTrue(Files.exists(log), "the test log is written");
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logged.contains("HubSpot"), "the adapter logged");
        assertFalse(logged.contains(wrong) || logged.contains(TOKEN), "no token in the log");
    }

    @Test
    @DisplayName("a comment longer than the limit is cut, saying so; Cyrillic arrives intact")
    void longCommentCut() {
        Request request = request();
        String text = "Ответ клиенту: " + "очень длинный текст ".repeat(100);
        CrmChange change = new CrmChange("k1", request, Set.of(CrmChange.Kind.COMMENT),
                List.of(new CrmEntry(2, text, "Анна", Instant.parse("2026-03-12T09:00:00Z"))), null, Optional.empty());
        adapter("engine-a", settings("comment-max-length", "300")).push(change);
        List<String> bodies = fake.all("notes").stream().map(n -> n.path("properties").path("hs_note_body").asText())
                .toList();
        assertEquals(1, bodies.size());
        assertTrue(bodies.get(0).length() <= 300, bodies.get(0).length() + " characters");
        assertTrue(bodies.get(0).startsWith("Анна, 2026-03-12 09:00 UTC:\nОтвет клиенту: очень"), bodies.get(0));
        assertTrue(bodies.get(0).contains("cut by SupportKit"), bodies.get(0));
    }

    @Test
    @DisplayName("bad settings are refused naming the setting and the rule, never echoing the token")
    void badSettings() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> adapter("engine-a",
                settings("stages", "REGISTERED=new;BOGUS=x")));
        assertTrue(e.getMessage().contains("supportkit.providers.hubspot.stages"), e.getMessage());
        assertTrue(e.getMessage().contains("BOGUS") && e.getMessage().contains("missing"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    @DisplayName("the client-side limiter pauses the adapter when its bucket is spent, by the engine's clock")
    void clientSideLimit() {
        Request request = request();
        CrmAdapter adapter = adapter("engine-a", settings("burst-limit", "2"));
        CrmChange reply = new CrmChange("k2", request, Set.of(CrmChange.Kind.COMMENT), List.of(new CrmEntry(2,
                "Ответ", "Анна", CrmTestKit.NOW)), null, Optional.empty());
        // search, then create: the bucket of 2 is spent; the request has no customer, so no other call
        adapter.push(CrmChange.of(request, "k1"));
        CrmUnavailableException e = assertThrows(CrmUnavailableException.class, () -> adapter.push(reply));
        assertTrue(e.getMessage().contains("rate limit"), e.getMessage());
        Instant until = adapter.pausedUntil().orElseThrow();
        assertEquals(Duration.ofSeconds(5), Duration.between(CrmTestKit.NOW, until), "2 per 10 s: one every 5 s");
        clock.advance(Duration.ofSeconds(5));
        adapter.push(reply);
        assertEquals(1, fake.all("notes").size());
    }
}
