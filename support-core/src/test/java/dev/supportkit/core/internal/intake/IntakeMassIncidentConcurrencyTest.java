package dev.supportkit.core.internal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.intake.MassIncident;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.SharedStorageFactory;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageProviderFactory;
import dev.supportkit.spi.storage.StorageTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Detection with several engines on one store: the versioned catalogue documents are the lock, so concurrent
 * registrations about one scope value make exactly one incident, and a registration that loses the race is
 * retried with the other's request counted.
 */
class IntakeMassIncidentConcurrencyTest {
    private static final Map<String, String> DETECTION = Map.of(
            "supportkit.intake.mass-incident.threshold", "3",
            "supportkit.intake.mass-incident.window", "PT30M",
            "supportkit.intake.mass-incident.scopes", "system-model",
            "supportkit.jobs.poll-interval-ms", "0");

    private final MutableClock clock = new MutableClock(EngineFixture.START);
    private final SharedStorageFactory shared = new SharedStorageFactory();
    private final List<SupportEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(SupportEngine::close);
    }

    private SupportEngine engine(String node, StorageProviderFactory storage, Map<String, String> settings) {
        SupportEngine.Builder builder = SupportEngine.builder().clock(clock).environment(Map.of()).storage(storage)
                .set("supportkit.node-id", node);
        settings.forEach(builder::set);
        SupportEngine engine = builder.build();
        engines.add(engine);
        return engine;
    }

    @Test
    @DisplayName("two engines registering concurrently about one model make exactly one incident linking every request")
    void twoEnginesOneIncident() throws Exception {
        EngineFixture a = new EngineFixture(TenantId.of("acme"), engine("node-a", shared, DETECTION));
        EngineFixture b = new EngineFixture(TenantId.of("acme"), engine("node-b", shared, DETECTION));
        int threads = 8;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<RequestId>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                EngineFixture fx = t % 2 == 0 ? a : b;
                boolean other = t % 4 >= 2;
                results.add(pool.submit(() -> {
                    go.await();
                    List<RequestId> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        ContactDraft.Builder draft = other
                                ? fx.draft().organization(fx.otherOrg).representative(fx.otherOrgRep)
                                        .system(dev.supportkit.api.directory.SystemId.of("sys-vasilek-pbx"))
                                : fx.draft();
                        ids.add(fx.engine.intake().registerContact(fx.operator, draft.newRequest(true).build()).id());
                    }
                    return ids;
                }));
            }
            a.engine.directory().saveSystem(a.admin, new dev.supportkit.api.directory.SupportedSystem(
                    dev.supportkit.api.directory.SystemId.of("sys-vasilek-pbx"), a.otherOrg, "PBX", "Nordtel",
                    "NT-PBX 300", false, List.of()));
            go.countDown();
            Set<RequestId> registered = new HashSet<>();
            for (Future<List<RequestId>> result : results) {
                registered.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(threads * each, registered.size());

            List<MassIncident> incidents = b.engine.intake().massIncidents(b.auditor, false);
            assertEquals(1, incidents.size(), "exactly one incident: " + incidents);
            MassIncident incident = incidents.get(0);
            assertEquals(registered, Set.copyOf(incident.requests()), "every request is linked once");
            assertEquals(threads * each, incident.requests().size());
            for (Request r : a.engine.quality().requests(a.auditor, RequestQuery.builder().limit(1000).build())) {
                assertEquals(java.util.Optional.of(incident.id()), r.intake().incident(), r.id().value());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A store whose first write of a detection document first lets another engine register a whole request on
     * the same store, as another node committing between this registration's read and its write.
     */
    private static final class RacingStorage implements StorageProviderFactory {
        final InMemoryStorageProvider store;
        final AtomicBoolean raced = new AtomicBoolean();
        volatile Runnable otherNode;

        RacingStorage(InMemoryStorageProvider store) {
            this.store = store;
        }

        @Override
        public String id() {
            return "racing";
        }

        @Override
        public StorageProvider create(ProviderContext context) {
            return new StorageProvider() {
                @Override
                public <T> T inTransaction(java.util.function.Function<StorageTransaction, T> work) {
                    return store.inTransaction(tx -> work.apply(racing(tx)));
                }
            };
        }

        private StorageTransaction racing(StorageTransaction tx) {
            return (StorageTransaction) Proxy.newProxyInstance(StorageTransaction.class.getClassLoader(),
                    new Class<?>[] {StorageTransaction.class}, (proxy, method, args) -> {
                        if (method.getName().equals("insertCatalogRecord") && otherNode != null
                                && ((CatalogRecord) args[0]).kind().equals(MassIncidents.WINDOW_KIND)
                                && raced.compareAndSet(false, true)) {
                            otherNode.run();
                        }
                        try {
                            return method.invoke(tx, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Test
    @DisplayName("a registration that loses the race for a detection document is retried, and counts the winner's")
    void lostRaceIsRetried() {
        Map<String, String> two = new java.util.HashMap<>(DETECTION);
        two.put("supportkit.intake.mass-incident.threshold", "2");
        RacingStorage racing = new RacingStorage(shared.store);
        EngineFixture a = new EngineFixture(TenantId.of("acme"), engine("node-a", racing, two));
        EngineFixture b = new EngineFixture(TenantId.of("acme"), engine("node-b", shared, two));
        b.engine.directory().saveSystem(b.admin, new dev.supportkit.api.directory.SupportedSystem(
                dev.supportkit.api.directory.SystemId.of("sys-vasilek-pbx"), b.otherOrg, "PBX", "Nordtel",
                "NT-PBX 300", false, List.of()));
        Request[] theirs = new Request[1];
        racing.otherNode = () -> theirs[0] = b.engine.intake().registerContact(b.operator, b.draft()
                .organization(b.otherOrg).representative(b.otherOrgRep)
                .system(dev.supportkit.api.directory.SystemId.of("sys-vasilek-pbx")).build());

        Request ours = a.engine.intake().registerContact(a.operator, a.draft().build());

        assertTrue(racing.raced.get(), "the other node registered in between");
        List<MassIncident> incidents = a.engine.intake().massIncidents(a.auditor, false);
        assertEquals(1, incidents.size(), "the retry counted the other node's request: " + incidents);
        assertEquals(List.of(theirs[0].id(), ours.id()), incidents.get(0).requests());
        assertEquals(2, a.engine.quality().requests(a.auditor, RequestQuery.builder().limit(1000).build()).size(),
                "the lost attempt left nothing behind");
        assertEquals(1, a.engine.intake().contacts(a.auditor, ours.id()).size());
    }
}
