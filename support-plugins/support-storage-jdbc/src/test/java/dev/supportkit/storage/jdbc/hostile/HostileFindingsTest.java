package dev.supportkit.storage.jdbc.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalQuery;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.api.knowledge.KnowledgeKind;
import dev.supportkit.api.knowledge.KnowledgeRef;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The defects {@link HostileOtherCallsTest} found, each pinned on the memory store, H2 and PostgreSQL: before
 * the fix these calls stored an id or a model a store could not keep as given (H2 and PostgreSQL gave back
 * {@code ?} for a lone surrogate), failed in PostgreSQL on a NUL in a lookup key ({@code ProviderException}), or
 * threw an {@code IllegalArgumentException}; now each is a {@link ValidationException} naming the field and the
 * rule, on every store alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFindingsTest {
    private static final String LONE_SURROGATE = "id-\uD800";
    private static final String NUL = "id-\u0000";
    private final Map<String, EngineFixture> stores = new HashMap<>();
    private TestDatabase.Fresh h2;
    private TestDatabase.Fresh postgres;

    @BeforeAll
    void start() {
        stores.put("memory", new EngineFixture());
        h2 = TestDatabase.H2.create();
        stores.put("h2", new EngineFixture(jdbc(h2)));
        postgres = TestDatabase.POSTGRES.create();
        stores.put("postgres", new EngineFixture(jdbc(postgres)));
    }

    private static Map<String, String> jdbc(TestDatabase.Fresh database) {
        Map<String, String> settings = new HashMap<>();
        settings.put("supportkit.storage.provider", "jdbc");
        database.settings().forEach((key, value) -> settings.put("supportkit.providers.jdbc." + key, value));
        return settings;
    }

    @AfterAll
    void stop() {
        stores.values().forEach(EngineFixture::close);
        h2.drop().run();
        postgres.drop().run();
    }

    Stream<String> stores() {
        return Stream.of("memory", "h2", "postgres");
    }

    private static void refused(String field, String rule, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(List.of(field + " [" + rule + "]"), e.errors().stream()
                .map(error -> error.field() + " [" + error.rule() + "]").toList(), e.toString());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aDirectoryIdFollowsTheCharacterPolicy(String store) {
        EngineFixture fx = stores.get(store);
        refused("organization.id", "characters", () -> fx.engine.directory().saveOrganization(fx.admin,
                new Organization(OrganizationId.of(LONE_SURROGATE), "Hostile LLC", null)));
        refused("system.components[0].id", "characters", () -> fx.engine.directory().saveSystem(fx.admin,
                new SupportedSystem(SystemId.of("sys-fax"), fx.org, "Fax", "Nordtel", "NT-FAX", false,
                        List.of(new SystemComponent(ComponentId.of(NUL), ComponentKind.HARDWARE, "Roller", null,
                                fx.site)))));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aFaqEntrysModelFollowsTheCharacterPolicy(String store) {
        EngineFixture fx = stores.get(store);
        refused("faq.systemModels", "characters", () -> fx.engine.knowledge().saveFaqEntry(fx.operator,
                FaqId.of("faq-model-" + store), 0, "How do I forward calls?", "Dial *21*", Set.of("NT-\uD800")));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anOfferedKnowledgeIdFollowsTheCharacterPolicy(String store) {
        EngineFixture fx = stores.get(store);
        Request request = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        refused("knowledge.id", "characters", () -> fx.engine.consulting().offerKnowledge(fx.operator,
                request.ref(), new KnowledgeRef(KnowledgeKind.FAQ, NUL), false));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anIdArgumentIsNamedWhenItBreaksTheCharacterPolicy(String store) {
        EngineFixture fx = stores.get(store);
        refused("request", "characters", () -> fx.engine.journal().verify(fx.auditor, RequestId.of(NUL)));
        refused("id", "characters", () -> fx.engine.directory().organization(fx.admin, OrganizationId.of(NUL)));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aJournalSearchesActorIsChecked(String store) {
        EngineFixture fx = stores.get(store);
        refused("query.actorId", "characters", () -> fx.engine.journal().search(fx.auditor, new JournalQuery(
                Set.of(), Optional.of(NUL), EngineFixture.START.minus(Duration.ofDays(1)), fx.clock.instant()))
                .toList());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anEvaluationsSubjectIsChecked(String store) {
        EngineFixture fx = stores.get(store);
        refused("query.subject", "required", () -> fx.engine.reports().evaluate(fx.auditor, new MetricsQuery(
                MetricsScope.SPECIALIST, Optional.of(""), EngineFixture.START.minus(Duration.ofDays(1)),
                fx.clock.instant())));
        refused("query.subject", "characters", () -> fx.engine.reports().evaluate(fx.auditor, new MetricsQuery(
                MetricsScope.GROUP, Optional.of(NUL), EngineFixture.START.minus(Duration.ofDays(1)),
                fx.clock.instant())));
    }
}
