package dev.supportkit.crm.amocrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.storage.CatalogProviderState;
import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.crm.common.CrmUnavailableException;
import dev.supportkit.crm.common.testing.CrmTestKit;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmChange;
import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** amoCRM's rotating token pair: kept in the shared provider state, refreshed by one engine at a time. */
class AmoTokensTest {
    private static AmoFake fake;
    /** One database's provider state, as every engine on it sees it. */
    private final InMemoryStorageProvider storage = new InMemoryStorageProvider();

    @BeforeAll
    static void start() {
        fake = new AmoFake();
    }

    @AfterAll
    static void stop() {
        fake.shutdown();
    }

    @BeforeEach
    void emptyAccount() {
        fake.reset();
    }

    private ProviderStateStore state() {
        return new CatalogProviderState(storage, "amocrm", Clock.systemUTC());
    }

    /** The engines' shared clock: a push held after another engine's lease is tried again when it is due. */
    private final MutableClock clock = new MutableClock(CrmTestKit.NOW);

    private CrmAdapter engine(String... extra) {
        Map<String, String> settings = CrmTestKit.with(AmoContractTest.settings(fake), extra);
        return new AmoCrmFactory().create(CrmTestKit.context(settings, state(), clock));
    }

    /**
     * Pushes as the engine does: a push that fails for now (another engine holds the refresh lease) is tried again
     * once the adapter's pause is over, until it goes through; a rejection fails the test.
     */
    private static void pushLikeTheEngine(CrmAdapter adapter, CrmChange change) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(20)).until(() -> {
                    try {
                        adapter.push(change);
                        return true;
                    } catch (CrmUnavailableException e) {
                        return false;
                    }
                });
    }

    private static List<Request> requests(int count) {
        List<Request> requests = new ArrayList<>();
        try (EngineFixture fx = new EngineFixture()) {
            for (int i = 0; i < count; i++) {
                requests.add(fx.registered(fx.draft().subject("Заявка " + i)));
            }
        }
        return requests;
    }

    private String storedAccess() throws IOException {
        ProviderState stored = state().get(dev.supportkit.crm.common.OAuthTokens.KEY).orElseThrow();
        return new ObjectMapper().readTree(stored.value()).path("access").asText();
    }

    @Test
    @DisplayName("two engines refreshing at once: one refresh, one valid pair stored, no failed call")
    void twoEnginesRefreshConcurrently() throws Exception {
        List<Request> requests = requests(2);
        engine().push(CrmChange.of(requests.get(0), "warm-up"));
        assertEquals(1, fake.refreshes.get(), "the start-up refresh");
        // both engines start from a stored pair that has expired: each must refresh before its first call
        ProviderState stored = state().get(dev.supportkit.crm.common.OAuthTokens.KEY).orElseThrow();
        com.fasterxml.jackson.databind.node.ObjectNode expired = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(stored.value());
        expired.put("expiresAt", CrmTestKit.NOW.minusSeconds(60).toString());
        assertTrue(state().compareAndSet(dev.supportkit.crm.common.OAuthTokens.KEY, stored.version(), expired.toString()));
        fake.tokenDelayMs = 300;
        fake.refreshes.set(0);
        fake.unauthorized.set(0);
        CrmAdapter a = engine("refresh-poll", "20ms");
        CrmAdapter b = engine("refresh-poll", "20ms");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                await(start);
                pushLikeTheEngine(a, CrmChange.of(requests.get(0), "k-a"));
            }, pool);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                await(start);
                pushLikeTheEngine(b, CrmChange.of(requests.get(1), "k-b"));
            }, pool);
            CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, fake.unauthorized.get(), "no call with a stale token");
        assertEquals(1, fake.refreshes.get(), "one refresh for both engines");
        assertEquals(0, fake.refused.get(), "no refresh token used twice");
        assertEquals(fake.access, storedAccess(), "the stored pair is the one amoCRM accepts");
        assertEquals(2, fake.all("leads").size(), "both pushes went through");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("two engines meeting a revoked token (401) at once: one refresh, no refused refresh, both calls done")
    void twoEnginesAfter401() throws Exception {
        List<Request> requests = requests(2);
        engine().push(CrmChange.of(requests.get(0), "warm-up"));
        fake.access = "revoked-" + fake.access;
        fake.tokenDelayMs = 300;
        fake.refreshes.set(0);
        CrmAdapter a = engine("refresh-poll", "20ms");
        CrmAdapter b = engine("refresh-poll", "20ms");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> {
                await(start);
                pushLikeTheEngine(a, CrmChange.of(requests.get(0), "k-a"));
            }, pool), CompletableFuture.runAsync(() -> {
                await(start);
                pushLikeTheEngine(b, CrmChange.of(requests.get(1), "k-b"));
            }, pool)).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(fake.unauthorized.get() >= 1, "the revoked token was met");
        assertEquals(1, fake.refreshes.get(), "one refresh for both engines");
        assertEquals(0, fake.refused.get(), "no refresh token used twice");
        assertEquals(fake.access, storedAccess());
        assertEquals(2, fake.all("leads").size());
    }

    @Test
    @DisplayName("the pair survives the engine: a new adapter on the same state uses it without a refresh")
    void pairSurvivesRestart() throws IOException {
        List<Request> requests = requests(2);
        engine().push(CrmChange.of(requests.get(0), "k1"));
        engine().push(CrmChange.of(requests.get(1), "k2"));
        assertEquals(1, fake.refreshes.get(), "the seed is used once; the second engine uses the stored pair");
        assertEquals(fake.access, storedAccess());
    }

    @Test
    @DisplayName("a 401 triggers exactly one refresh, then the call is repeated")
    void unauthorizedRefreshesOnce() {
        List<Request> requests = requests(2);
        CrmAdapter adapter = engine();
        adapter.push(CrmChange.of(requests.get(0), "k1"));
        fake.access = "revoked-" + fake.access;
        int before = fake.refreshes.get();
        adapter.push(CrmChange.of(requests.get(1), "k2"));
        assertEquals(before + 1, fake.refreshes.get());
        assertEquals(1, fake.unauthorized.get(), "one 401, then the new token");
        assertEquals(2, fake.all("leads").size());
    }

    @Test
    @DisplayName("a refused refresh keeps the stored pair, fails the push for a later retry, shows no secret")
    void refusedRefreshLosesNothing() throws IOException {
        List<Request> requests = requests(2);
        CrmAdapter adapter = engine();
        adapter.push(CrmChange.of(requests.get(0), "k1"));
        String stored = storedAccess();
        String refreshToken = fake.refresh;
        fake.refresh = "rotated-elsewhere";
        fake.access = "revoked";
        CrmUnavailableException e = assertThrows(CrmUnavailableException.class,
                () -> adapter.push(CrmChange.of(requests.get(1), "k2")));
        assertTrue(e.getMessage().contains("Invalid grant") || e.getMessage().contains("Модифицированный"),
                e.getMessage());
        assertEquals(stored, storedAccess(), "the old pair is kept, the lease given back");
        for (String secret : List.of(AmoFake.CLIENT_SECRET, stored, refreshToken)) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
        String logged = Files.readString(Path.of("target/supportkit-amocrm-test.log"), StandardCharsets.UTF_8);
        assertTrue(logged.contains("amoCRM"), "the adapter logged");
        assertFalse(logged.contains(AmoFake.CLIENT_SECRET) || logged.contains(stored) || logged.contains(refreshToken),
                "no secret in the log");
    }

    @Test
    @DisplayName("without a stored pair or a start-up grant the push fails for later, naming the settings")
    void noGrant() {
        Map<String, String> settings = new java.util.HashMap<>(AmoContractTest.settings(fake));
        settings.remove("refresh-token");
        CrmAdapter adapter = new AmoCrmFactory().create(CrmTestKit.context(settings, state(), clock));
        CrmUnavailableException e = assertThrows(CrmUnavailableException.class,
                () -> adapter.push(CrmChange.of(requests(1).get(0), "k1")));
        assertTrue(e.getMessage().contains("supportkit.providers.amocrm.refresh-token"), e.getMessage());
    }
}
