package dev.supportkit.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.SharedStorageFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Directory entries are reused for a while on the node that read them, never past a save on that node. */
class DirectoryCacheTest {
    private final MutableClock clock = new MutableClock(EngineFixture.START);
    private final SharedStorageFactory storage = new SharedStorageFactory();
    private final List<SupportEngine> engines = new ArrayList<>();

    private SupportEngine node(String cacheSeconds) {
        SupportEngine engine = SupportEngine.builder().clock(clock).environment(Map.of()).storage(storage)
                .set("supportkit.jobs.poll-interval-ms", "0").set("supportkit.directory.cache-seconds", cacheSeconds)
                .build();
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void close() {
        engines.forEach(SupportEngine::close);
    }

    /** Moves the fixture's representative to the other organisation, through the given node. */
    private static void moveRepresentative(EngineFixture fx, SupportEngine through) {
        through.directory().saveRepresentative(fx.admin, new Representative(fx.rep, fx.otherOrg, "Irina Petrova",
                "irina@vasilek.example", null, false));
    }

    @Test
    @DisplayName("a save on this node is seen at once")
    void ownSaveIsSeenAtOnce() {
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), node("30"));
        fx.registered();
        moveRepresentative(fx, fx.engine);
        ValidationException error = assertThrows(ValidationException.class, fx::registered);
        assertEquals("contact.representative", error.errors().get(0).field());
    }

    @Test
    @DisplayName("another node's save is seen once this node's cached copy expires")
    void otherNodesSaveIsSeenAfterTheTtl() {
        SupportEngine first = node("30");
        SupportEngine second = node("30");
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), first);
        fx.registered();
        moveRepresentative(fx, second);

        assertEquals(RequestStatus.REGISTERED, fx.registered().status(), "within the TTL the cached copy is used");
        clock.advance(Duration.ofSeconds(31));
        assertThrows(ValidationException.class, fx::registered);
    }

    @Test
    @DisplayName("with the cache off, another node's save is seen at once")
    void cacheOff() {
        SupportEngine first = node("0");
        SupportEngine second = node("0");
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), first);
        fx.registered();
        moveRepresentative(fx, second);
        assertThrows(ValidationException.class, fx::registered);
    }

    private static final RepresentativeId NEWCOMER = RepresentativeId.of("rep-new");

    /** Saves a representative the fixture did not have, through the given node. */
    private static void addNewcomer(EngineFixture fx, SupportEngine through) {
        through.directory().saveRepresentative(fx.admin, new Representative(NEWCOMER, fx.org, "Anna Novikova",
                "anna@romashka.example", null, false));
    }

    @Test
    @DisplayName("an entry found absent and then saved on this node is seen at once")
    void absentThenSavedHereIsSeenAtOnce() {
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), node("30"));
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> fx.registered(fx.draft().representative(NEWCOMER)));
        assertEquals("contact.representative", unknown.errors().get(0).field());
        addNewcomer(fx, fx.engine);
        assertEquals(NEWCOMER, fx.registered(fx.draft().representative(NEWCOMER)).representative());
    }

    @Test
    @DisplayName("an entry found absent is not asked for again until its time runs out")
    void absenceIsCachedForTheTtl() {
        SupportEngine first = node("30");
        SupportEngine second = node("30");
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), first);
        assertThrows(ValidationException.class, () -> fx.registered(fx.draft().representative(NEWCOMER)));
        addNewcomer(fx, second);

        assertThrows(ValidationException.class, () -> fx.registered(fx.draft().representative(NEWCOMER)),
                "within the TTL this node still knows the representative as absent");
        clock.advance(Duration.ofSeconds(31));
        assertEquals(NEWCOMER, fx.registered(fx.draft().representative(NEWCOMER)).representative());
    }
}
