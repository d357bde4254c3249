package dev.supportkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.crm.CrmDirectorySync;
import dev.supportkit.spi.crm.CrmParty;
import dev.supportkit.spi.storage.OutboxMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every CRM adapter keeps against a fake of its CRM: extend it, hand it the adapter's factory, its
 * settings pointing at the fake, and a way to read back what the fake holds. The fake must start empty for every
 * test (reset it in a {@code @BeforeEach}). The kit runs a real engine and drives a request through its whole
 * life: registered (Cyrillic subject), taken into work, a long Cyrillic reply, redirected to the second line,
 * resolved, signed off, closed. After every step the CRM must hold exactly one object for
 * the request, in the stage mapped from the request's status, with one comment per customer-visible journal
 * entry; also when the CRM answers every third call with a rate-limit error, when the engine restarts mid-life
 * and when a change is pushed again. A caller the CRM knows is found by a differently formatted phone number,
 * imported into the directory, and a request of theirs lands on the CRM's existing contact and company. At intake,
 * a contact registered by the caller's phone number alone is matched to the CRM's existing contact and company
 * (the organisation the directory has with the company's INN); with the CRM answering 503, refusing connections
 * or answering too slowly, the registration still succeeds at once, under the unknown-caller representative.
 */
public abstract class CrmAdapterContract {
    /** The Cyrillic subject of the request the kit drives. */
    public static final String SUBJECT = "АТС не принимает звонки — офис «Ромашка»";
    /** The phone number the kit asks {@link CrmAdapter#findCaller} about; the fake knows it as {@link #KNOWN_PHONE_AS_STORED}. */
    public static final String KNOWN_PHONE = "+74951234567";
    /** The same number as the fake CRM stores it. */
    public static final String KNOWN_PHONE_AS_STORED = "+7 (495) 123-45-67";

    /** The same number as an operator types it at intake. */
    public static final String KNOWN_PHONE_AS_DIALLED = "+7 495 123-45-67";
    /** The placeholder representative contacts of unrecognised callers are registered under. */
    public static final RepresentativeId UNKNOWN_CALLER = RepresentativeId.of("rep-unknown-caller");
    /** How long the kit's engines wait for a CRM to recognise a caller. */
    public static final Duration LOOKUP_TIMEOUT = Duration.ofMillis(500);
    /** How long a fake CRM takes to answer in {@link Outage#SLOW}: far beyond the lookup timeout. */
    public static final Duration SLOW_ANSWER = Duration.ofSeconds(8);

    /** How the CRM fails in the intake outage tests. */
    public enum Outage {
        /** Every call is answered 503. */
        UNAVAILABLE,
        /** Nothing listens: connections are refused. */
        REFUSED,
        /** Every call is answered only after several seconds, far beyond {@link #LOOKUP_TIMEOUT}. */
        SLOW
    }

    @TempDir
    Path temp;

    /**
     * What the fake CRM holds for one request.
     *
     * @param objects   how many CRM objects (deals, leads, tickets) carry the request's id
     * @param stage     the stage of the object, or null when there is none
     * @param comments  the texts of the object's comments or notes, in order
     * @param contacts  the CRM ids of the contacts the object is linked to
     * @param companies the CRM ids of the companies the object is linked to
     */
    public record CrmView(int objects, String stage, List<String> comments, Set<String> contacts,
                          Set<String> companies) {
    }

    /**
     * Returns the factory under test.
     *
     * @return the factory
     */
    protected abstract CrmAdapterFactory factory();

    /**
     * Returns the adapter's settings, without the {@code supportkit.providers.<id>.} prefix, pointing at the fake.
     *
     * @return the settings
     */
    protected abstract Map<String, String> settings();

    /**
     * Reads back what the fake CRM holds for a request.
     *
     * @param tenant  the tenant
     * @param request the request's id
     * @return the view
     */
    protected abstract CrmView view(TenantId tenant, String request);

    /**
     * Returns the stage the adapter's settings map a status to.
     *
     * @param status the request status
     * @return the CRM stage id
     */
    protected abstract String stageOf(RequestStatus status);

    /** Makes the fake answer every third call from now on with its rate-limit error (429 or the CRM's own). */
    protected abstract void rateLimitEveryThirdCall();

    /**
     * Puts a contact with the phone {@link #KNOWN_PHONE_AS_STORED} into the fake, linked to a company.
     *
     * @param contactName the contact's name
     * @param companyName the company's name
     * @param taxNumber   the company's INN
     * @return the party as the fake holds it, with its CRM ids
     */
    protected abstract CrmParty knownCaller(String contactName, String companyName, String taxNumber);

    /** Makes the fake store the next comment or note but lose its answer (the adapter sees a 502 or a fault). */
    protected abstract void loseNextCommentAnswer();

    /**
     * Makes the fake CRM fail from now on, until it is reset for the next test. Called before the engine is built, so
     * a refused outage may hand the adapter settings that name a port nothing listens on.
     *
     * @param outage how it fails
     */
    protected abstract void outage(Outage outage);

    /**
     * The storage settings of an engine that survives a restart, given a directory for its files (e.g. an H2 file
     * database through the JDBC plugin). Empty (the default) restarts on the same in-memory storage.
     *
     * @param directory a fresh directory
     * @return the settings, or empty
     */
    protected Optional<Map<String, String>> restartableStorage(Path directory) {
        return Optional.empty();
    }

    private Map<String, String> configured() {
        String prefix = "supportkit.providers." + factory().id() + ".";
        Map<String, String> configured = new HashMap<>();
        settings().forEach((key, value) -> configured.put(prefix + key, value));
        configured.put(prefix + "enabled", "true");
        configured.put("supportkit.intake.unknown-caller.representative", UNKNOWN_CALLER.value());
        configured.put("supportkit.intake.caller-lookup.timeout", LOOKUP_TIMEOUT.toMillis() + "ms");
        return configured;
    }

    private EngineFixture engine(SharedStorageFactory storage, Optional<Map<String, String>> fileStorage) {
        Map<String, String> configured = configured();
        fileStorage.ifPresent(configured::putAll);
        return new EngineFixture(TenantId.of("acme"), null, configured, builder -> {
            if (fileStorage.isEmpty()) {
                builder.storage(storage);
            }
            builder.crmAdapter(factory());
        });
    }

    @Test
    @DisplayName("a whole life gives one CRM object in the right stage after every step, one comment per visible entry")
    void wholeLife() {
        life(false);
    }

    @Test
    @DisplayName("the same holds when the CRM answers every third call with its rate-limit error")
    void wholeLifeRateLimited() {
        rateLimitEveryThirdCall();
        life(false);
    }

    @Test
    @DisplayName("the same holds when the engine restarts mid-life before the pushes of a command")
    void wholeLifeWithRestart() {
        life(true);
    }

    @Test
    @DisplayName("a change pushed again adds no object and no comment")
    void repeatedPush() {
        SharedStorageFactory storage = new SharedStorageFactory();
        try (EngineFixture fx = engine(storage, Optional.empty())) {
            Request inWork = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, dev.supportkit.api.directory.SupportLine.FIRST_LINE);
            Request replied = fx.engine.work().reply(fx.operator, inWork.ref(), "Перезагрузите АТС, пожалуйста.");
            drain(fx);
            CrmView before = view(fx.tenant, replied.id().value());
            for (OutboxMessage push : storage.store.inTransaction(tx -> tx.findOutbox(fx.tenant, replied.id()))
                    .stream().filter(m -> m.topic().equals("crm.push")).toList()) {
                boolean reset = storage.store.inTransaction(tx -> tx.resetOutbox(fx.tenant, push.id(),
                        fx.clock.instant()));
                assertTrue(reset, "the push is repeated");
            }
            drain(fx);
            CrmView after = view(fx.tenant, replied.id().value());
            assertEquals(1, after.objects(), "one object");
            assertEquals(before.comments(), after.comments(), "no comment added by a repeated push");
            assertEquals(stageOf(RequestStatus.IN_PROGRESS_FIRST_LINE), after.stage());
        }
    }

    @Test
    @DisplayName("a caller registered by phone is found in the CRM, imported, and their request lands on the CRM's contact")
    void callerByPhone() {
        CrmParty known = knownCaller("Ирина Петрова", "ООО «Ромашка»", "7701234567");
        SharedStorageFactory storage = new SharedStorageFactory();
        try (EngineFixture fx = engine(storage, Optional.empty())) {
            CrmAdapter adapter = fx.engine.crmAdapter(factory().id()).orElseThrow();
            CrmParty found = adapter.findCaller(fx.tenant, KNOWN_PHONE).orElseThrow(
                    () -> new AssertionError("the caller " + KNOWN_PHONE + " is not found"));
            assertEquals(known.crmContactId(), found.crmContactId(), "the contact");
            assertEquals(known.crmCompanyId(), found.crmCompanyId(), "the contact's company");
            assertEquals(Optional.of("ООО «Ромашка»"), found.companyName());
            assertTrue(adapter.findCaller(fx.tenant, "+70000000001").isEmpty(), "an unknown caller is not found");

            RepresentativeId rep = CrmDirectorySync.importParty(fx.engine.directory(), fx.admin, factory().id(), found)
                    .orElseThrow();
            Organization org = fx.engine.directory().organization(fx.admin,
                    CrmDirectorySync.organizationId(factory().id(), found.crmCompanyId().orElseThrow()));
            assertEquals("7701234567", org.taxNumber(), "the INN");
            Request request = fx.registered(fx.draft().organization(org.id()).representative(rep).system(null)
                    .subject(SUBJECT));
            drain(fx);
            CrmView view = view(fx.tenant, request.id().value());
            assertEquals(1, view.objects());
            assertEquals(Set.of(found.crmContactId().orElseThrow()), view.contacts(), "the existing contact");
            assertEquals(Set.of(found.crmCompanyId().orElseThrow()), view.companies(), "the existing company");

            CrmDirectorySync.Result result = CrmDirectorySync.sync(adapter, factory().id(), fx.engine.directory(),
                    fx.admin);
            assertTrue(result.organizations() >= 1 && result.representatives() >= 1, result.toString());
            assertTrue(fx.engine.directory().representatives(fx.admin, org.id()).stream()
                    .anyMatch(r -> r.id().equals(rep)), "a sync keeps the imported ids");
        }
    }

    @Test
    @DisplayName("a comment the CRM stored while its answer was lost is not posted again on retry")
    void commentAnswerLost() {
        try (EngineFixture fx = engine(new SharedStorageFactory(), Optional.empty())) {
            Request r = fx.registered(fx.draft().subject(SUBJECT));
            r = fx.engine.intake().takeIntoWork(fx.operator, r.ref());
            drain(fx);
            loseNextCommentAnswer();
            String reply = "Ответ, который CRM сохранила, а ответ потерялся";
            r = fx.engine.work().reply(fx.operator, r.ref(), reply);
            check(fx, r);
            assertEquals(1, view(fx.tenant, r.id().value()).comments().stream().filter(c -> c.contains(reply))
                    .count(), "the reply is posted once");
        }
    }

    @Test
    @DisplayName("at intake, a contact registered by phone number is matched to the CRM's existing contact and company")
    void callerRecognisedAtIntake() {
        CrmParty known = knownCaller("Ирина Петрова", "ООО «Ромашка»", "7701234567");
        try (EngineFixture fx = engine(new SharedStorageFactory(), Optional.empty())) {
            Request request = fx.registered(byCaller(fx, KNOWN_PHONE_AS_DIALLED));
            assertEquals(CrmDirectorySync.representativeId(factory().id(), known.crmContactId().orElseThrow()),
                    request.representative(), "the CRM's contact, imported as a representative");
            assertEquals(fx.org, request.organization(), "the organisation the directory has with the company's INN");
            RequestEvent.CallerLookedUp lookup = callerLookup(fx, request);
            assertEquals("CRM", lookup.outcome(), lookup.toString());
            assertEquals(factory().id(), lookup.source());
            drain(fx);
            CrmView view = view(fx.tenant, request.id().value());
            assertEquals(1, view.objects());
            assertEquals(Set.of(known.crmContactId().orElseThrow()), view.contacts(), "the existing contact");
            assertEquals(Set.of(known.crmCompanyId().orElseThrow()), view.companies(), "the existing company");
        }
    }

    @Test
    @DisplayName("at intake, a CRM answering 503 neither fails nor slows the registration")
    void intakeWhileCrmUnavailable() {
        intakeDuring(Outage.UNAVAILABLE);
    }

    @Test
    @DisplayName("at intake, a CRM refusing connections neither fails nor slows the registration")
    void intakeWhileCrmRefuses() {
        intakeDuring(Outage.REFUSED);
    }

    @Test
    @DisplayName("at intake, a CRM slower than the lookup timeout does not hold the registration")
    void intakeWhileCrmSlow() {
        intakeDuring(Outage.SLOW);
    }

    private void intakeDuring(Outage outage) {
        knownCaller("Ирина Петрова", "ООО «Ромашка»", "7701234567");
        outage(outage); // before the engine: a refused outage points new adapters at a closed port
        try (EngineFixture fx = engine(new SharedStorageFactory(), Optional.empty())) {
            long started = System.nanoTime();
            Request request = fx.registered(byCaller(fx, KNOWN_PHONE_AS_DIALLED));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // the UNAVAILABLE outcome below shows the lookup gave up rather than waiting for an answer; the bound
            // only catches a registration that waited for the slow CRM (not a timing target: see the benchmarks)
            assertTrue(took.compareTo(SLOW_ANSWER) < 0, "registration took " + took);
            assertEquals(UNKNOWN_CALLER, request.representative(), "the unknown-caller path");
            assertEquals(RequestStatus.REGISTERED, request.status());
            RequestEvent.CallerLookedUp lookup = callerLookup(fx, request);
            assertEquals("UNAVAILABLE", lookup.outcome(), lookup.toString());
            assertEquals(factory().id(), lookup.source());
        }
    }

    private static ContactDraft.Builder byCaller(EngineFixture fx, String caller) {
        fx.engine.directory().saveOrganization(fx.admin, new Organization(OrganizationId.of("org-unknown-callers"),
                "Unknown callers", null));
        fx.engine.directory().saveRepresentative(fx.admin, new Representative(UNKNOWN_CALLER,
                OrganizationId.of("org-unknown-callers"), "Unknown caller", "unknown@support.example", null, false));
        return fx.draft().organization(null).representative(null).system(null).subject(SUBJECT).caller(caller);
    }

    private static RequestEvent.CallerLookedUp callerLookup(EngineFixture fx, Request request) {
        return fx.engine.journal().entries(fx.auditor, request.id()).stream()
                .map(JournalEntry::event).filter(RequestEvent.CallerLookedUp.class::isInstance)
                .map(RequestEvent.CallerLookedUp.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no CallerLookedUp entry"));
    }

    private void life(boolean restart) {
        SharedStorageFactory storage = new SharedStorageFactory();
        Optional<Map<String, String>> files = restart ? restartableStorage(temp.resolve("db")) : Optional.empty();
        EngineFixture fx = engine(storage, files);
        try {
            Request r = fx.registered(fx.draft().subject(SUBJECT).text("С 9:00 входящие звонки не доходят до офиса."));
            check(fx, r);
            r = fx.engine.intake().takeIntoWork(fx.operator, r.ref());
            check(fx, r);
            r = fx.engine.work().reply(fx.operator, r.ref(), "Проверяем линию. " + "Подробности: ".repeat(700));
            check(fx, r);
            r = fx.engine.escalation().redirect(fx.operator, r.ref(), RedirectTarget.secondLine(fx.telephony),
                    "нужен инженер");
            if (restart) {
                // the redirect is committed, its push is not made: the next engine makes it
                java.time.Instant stopped = fx.clock.instant();
                fx.close();
                fx = engine(storage, files);
                fx.clock.advance(Duration.between(fx.clock.instant(), stopped).plusHours(1));
            }
            check(fx, r);
            Actor engineer = fx.engineer;
            r = fx.engine.resolution().resolve(engineer, r.ref(), ResolutionReport.of("Перезапустили транк",
                    "Транк завис"));
            check(fx, r);
            r = fx.engine.resolution().signOff(fx.customer, r.ref(), "Работает, спасибо");
            check(fx, r);
            r = fx.engine.quality().close(fx.intakeLead, r.ref(), "готово");
            check(fx, r);
        } finally {
            fx.close();
        }
    }

    private void check(EngineFixture fx, Request r) {
        drain(fx);
        long visible = fx.engine.journal().entries(fx.auditor, r.id()).stream()
                .filter(e -> e.visibility() == Visibility.CUSTOMER_VISIBLE).count();
        CrmView view = view(fx.tenant, r.id().value());
        assertEquals(1, view.objects(), "one CRM object at " + r.status());
        assertEquals(stageOf(r.status()), view.stage(), "the stage at " + r.status());
        assertEquals(visible, view.comments().size(), "one comment per customer-visible entry at " + r.status()
                + ": " + view.comments());
        assertTrue(view.comments().stream().noneMatch(c -> c.contains("\uFFFD") || c.contains("??")),
                "Cyrillic intact: " + view.comments());
    }

    /** Minutes without due work after which the outbox has nothing left (its back-off is at most an hour). */
    private static final int IDLE_MINUTES = 61;

    /**
     * Runs the engine's due work until it has been idle for an hour (a push held or backed off comes due within
     * that), advancing its clock a minute a pass.
     *
     * @param fx the engine
     */
    protected static void drain(EngineFixture fx) {
        int idle = 0;
        for (int pass = 0; pass < 1000 && idle <= IDLE_MINUTES; pass++) {
            idle = fx.engine.runDueWork().idle() ? idle + 1 : 0;
            fx.clock.advance(Duration.ofMinutes(1));
        }
    }
}
