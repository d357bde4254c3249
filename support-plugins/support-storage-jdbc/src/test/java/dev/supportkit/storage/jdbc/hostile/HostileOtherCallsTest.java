package dev.supportkit.storage.jdbc.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.consulting.HandlingStep;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.Department;
import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportContract;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.escalation.VendorCase;
import dev.supportkit.api.escalation.VendorMessage;
import dev.supportkit.api.journal.JournalQuery;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleDraft;
import dev.supportkit.api.knowledge.ArticleId;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.api.knowledge.KnowledgeKind;
import dev.supportkit.api.knowledge.KnowledgeQuery;
import dev.supportkit.api.knowledge.KnowledgeRef;
import dev.supportkit.api.quality.SurveyAnswer;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.reports.ProposalQuery;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.resolution.EquipmentCheck;
import dev.supportkit.api.resolution.FailureReport;
import dev.supportkit.api.scheduling.ExecutorDeadline;
import dev.supportkit.api.scheduling.VisitBooking;
import dev.supportkit.api.scheduling.VisitPlan;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.api.scheduling.WorksKind;
import dev.supportkit.api.scheduling.WorksProposal;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Histogram;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Hostile input thrown at the public calls the two other hostile suites leave out: directory saves, consulting
 * (articles, FAQ, search, consultations), escalation, scheduling (works, visits), resolution (failure reports,
 * checks, sign-off), quality (surveys, evaluations, proposals), the journal (search, verify) and report queries.
 * Each try makes one call with one input on the memory store, H2 and PostgreSQL alike; the input puts a hostile
 * text (controls, NUL, lone surrogates, bidi overrides, empty, huge) in one of the call's text fields, an instant
 * from {@code Instant.MIN} to {@code Instant.MAX}, a number from {@code Integer.MIN_VALUE} to
 * {@code Integer.MAX_VALUE}, and an own, foreign, unknown or stale reference.
 *
 * <p>The figure: every call either succeeds, and the store then gives back exactly what the call returned, or
 * fails with a {@link SupportException} of the promised kinds (a {@link ValidationException} whose every error
 * names its field and rule; not found, denied, in conflict, not allowed in this status), never a provider's
 * failure or any other exception; and the outcome (stored, or which exception naming which fields) is the same on
 * every store. Bounded: 1,000 tries, each on three stores (about 30 s).
 */
class HostileOtherCallsTest {
    private static final List<Store> STORES = new ArrayList<>();
    private static final DepartmentId DEPARTMENT = DepartmentId.of("dep-install");
    private static final String CAUSES = "causes:\n  - code: power.psu\n    title: PSU failure\n";
    /** Numbers every try gets a fresh id suffix from; the same for every store within one try. */
    private static int tries;

    /** A store under test and its engine. */
    private record Store(String name, EngineFixture fx, TestDatabase.Fresh database) {
    }

    /** How a call refers to what it acts on. */
    enum Reference {
        /** The caller's own, current version. */
        OWN,
        /** Another organisation's (a customer acting on it, a save naming it). */
        FOREIGN,
        /** One that does not exist. */
        UNKNOWN,
        /** The caller's own, at a version that is no longer current. */
        STALE
    }

    /**
     * One generated input.
     *
     * @param text      a hostile text
     * @param position  which of the call's text fields gets it (0 to 2); the others get valid values
     * @param instant   an instant, often far out of range
     * @param number    a number, often far out of range
     * @param reference how the call refers to what it acts on
     */
    record Input(String text, int position, Instant instant, int number, Reference reference) {
        /** The hostile text in field {@code index}, a valid value in the others. */
        String at(int index, String valid) {
            return position == index ? text : valid;
        }
    }

    /** The state a call's request starts in, or none. */
    enum Start { NONE, FIRST_LINE, INTAKE_LEAD, SECOND_LINE, VENDOR, RESOLVED, SIGNED_OFF, CLOSED }

    /** What one try works with on one store. */
    static final class Env {
        final EngineFixture fx;
        final Input in;
        final String suffix;
        final Request request;
        /** Who made the call: a stored request is read back as they see it. */
        Actor actor;

        Env(EngineFixture fx, Input in, String suffix, Request request) {
            this.fx = fx;
            this.in = in;
            this.suffix = suffix;
            this.request = request;
        }

        Actor as(Actor who) {
            actor = who;
            return who;
        }

        /** The request reference the input asks for. */
        RequestRef ref() {
            return switch (in.reference()) {
                case UNKNOWN -> new RequestRef(RequestId.of("REQ-0000-" + suffix), request.version());
                case STALE -> new RequestRef(request.id(), Math.max(0, request.version() - 1));
                default -> request.ref();
            };
        }

        RequestId requestId() {
            return ref().id();
        }

        /** An organisation: the fixture's own, the other one, or one nobody registered. */
        OrganizationId organization() {
            return switch (in.reference()) {
                case FOREIGN -> fx.otherOrg;
                case UNKNOWN -> OrganizationId.of("org-unknown-" + suffix);
                default -> fx.org;
            };
        }

        /** A customer: the request's own, or one of another organisation. */
        Actor customer() {
            return as(in.reference() == Reference.FOREIGN ? fx.otherCustomer : fx.customer);
        }

        /** A site: the organisation's own, another organisation's, or unknown. */
        SiteId site() {
            return switch (in.reference()) {
                case FOREIGN -> fx.otherSite;
                case UNKNOWN -> SiteId.of("site-unknown-" + suffix);
                default -> fx.site;
            };
        }

        /** A fresh id: a plausible one, or (when the text is the hostile part) the text cut to an id's length. */
        String id(String prefix) {
            if (in.position() == 2 && !in.text().isBlank()) {
                String text = in.text().length() > 64 ? in.text().substring(0, 64) : in.text();
                return text.isBlank() ? prefix + suffix : text;
            }
            return prefix + suffix;
        }

        /** The instant of the input, or a near-future one when the input's instant is not its hostile part. */
        Instant when() {
            return in.position() == 1 ? in.instant() : fx.clock.instant().plus(Duration.ofDays(1));
        }

        /** An instant an hour after {@link #when()}, or the same when adding would overflow. */
        Instant hourLater() {
            Instant start = when();
            return start.isAfter(Instant.MAX.minus(Duration.ofHours(1))) ? start : start.plus(Duration.ofHours(1));
        }

        /** A list of {@code n} items, {@code n} from the input's number: none, one, a few or many. */
        <T> List<T> many(java.util.function.IntFunction<T> item) {
            int n = switch (Math.floorMod(in.number(), 5)) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> 3;
                case 3 -> 101;
                default -> 2_001;
            };
            return IntStream.range(0, in.position() == 0 ? n : 1).mapToObj(item).toList();
        }
    }

    /** One public call: what it needs, what it does, and whether it stores what it returns. */
    private record Call(Start start, java.util.function.Function<Env, Object> invoke, boolean stores) {
    }

    private static final Map<String, Call> CALLS = new LinkedHashMap<>();

    private static void call(String name, Start start, java.util.function.Function<Env, Object> invoke) {
        CALLS.put(name, new Call(start, invoke, true));
    }

    private static void query(String name, Start start, java.util.function.Function<Env, Object> invoke) {
        CALLS.put(name, new Call(start, invoke, false));
    }

    static {
        // directory
        call("directory.saveOrganization", Start.NONE, e -> e.fx.engine.directory().saveOrganization(e.as(e.fx.admin),
                build(() -> new Organization(OrganizationId.of(e.id("org-h")), e.in.at(0, "Hostile LLC"),
                        e.in.at(1, "7701234567")))));
        call("directory.saveRepresentative", Start.NONE, e -> e.fx.engine.directory().saveRepresentative(
                e.as(e.fx.admin), build(() -> new Representative(RepresentativeId.of(e.id("rep-h")),
                        e.organization(), e.in.at(0, "Pavel Hostile"), e.in.at(1, "pavel@romashka.example"),
                        e.in.position() == 1 ? null : "+74951234567", e.in.number() % 2 == 0))));
        call("directory.saveSite", Start.NONE, e -> e.fx.engine.directory().saveSite(e.as(e.fx.admin),
                build(() -> new Site(SiteId.of(e.id("site-h")), e.organization(), e.in.at(0, "Branch"),
                        e.in.at(1, "Moscow, Arbat 2")))));
        call("directory.saveSystem", Start.NONE, e -> e.fx.engine.directory().saveSystem(e.as(e.fx.admin),
                build(() -> new SupportedSystem(SystemId.of(e.id("sys-h")), e.organization(), e.in.at(1, "PBX"),
                        "Nordtel", e.in.at(2, "NT-PBX 100"), e.in.number() % 2 == 0,
                        e.many(i -> new SystemComponent(ComponentId.of("cmp-h" + e.suffix + "-" + i),
                                ComponentKind.HARDWARE, e.in.at(0, "PSU-100"), "SN-" + i, e.site()))))));
        call("directory.saveSpecialist", Start.NONE, e -> e.fx.engine.directory().saveSpecialist(e.as(e.fx.admin),
                build(() -> new Specialist(SpecialistId.of(e.id("spc-h")), e.in.at(1, "Petr Hostile"),
                        Role.SECOND_LINE_ENGINEER, e.in.reference() == Reference.UNKNOWN
                                ? GroupId.of("grp-unknown-" + e.suffix) : e.fx.telephony,
                        new TreeSet<>(e.many(i -> e.in.at(0, "skill") + i))))));
        call("directory.saveGroup", Start.NONE, e -> e.fx.engine.directory().saveGroup(e.as(e.fx.admin),
                build(() -> new SupportGroup(GroupId.of(e.id("grp-h")), e.in.at(0, "Network"),
                        SupportLine.values()[Math.floorMod(e.in.number(), SupportLine.values().length)]))));
        call("directory.saveContract", Start.NONE, e -> e.fx.engine.directory().saveContract(e.as(e.fx.admin),
                build(() -> new SupportContract(e.organization(), e.in.at(0, "SUP-" + e.suffix),
                        e.in.at(1, "standard"), e.in.at(2, "24x7")))));
        call("directory.savePreferences", Start.NONE, e -> {
            Actor who = e.in.reference() == Reference.FOREIGN ? e.as(e.fx.otherCustomer) : e.as(e.fx.customer);
            return e.fx.engine.directory().savePreferences(who, build(() -> new DeliveryPreferences(
                    e.fx.rep.value(), e.many(i -> new ContactPoint(Channel.EMAIL, e.in.at(0, "irina" + i
                    + "@romashka.example"))), null, e.in.position() == 1 ? Locale.forLanguageTag(e.in.text())
                    : Locale.ENGLISH)));
        });
        // consulting and knowledge
        call("knowledge.createArticle", Start.NONE, e -> e.fx.engine.knowledge().createArticle(e.as(e.fx.operator),
                build(() -> new ArticleDraft(e.in.at(1, "Calls drop"), e.in.at(2, "After 30 seconds"),
                        e.many(i -> e.in.at(0, "Restart the card") + i), new TreeSet<>(e.many(i -> "NT-" + i)),
                        null, true, e.in.number() % 2 == 0))));
        call("knowledge.reviseArticle", Start.NONE, e -> {
            Article draft = e.fx.engine.knowledge().createArticle(e.fx.operator, new ArticleDraft("Echo", "Echo on "
                    + "calls", List.of("Check the cable"), Set.of(), null, true, true));
            ArticleId id = e.in.reference() == Reference.UNKNOWN ? ArticleId.of("art-unknown-" + e.suffix) : draft.id();
            int version = e.in.reference() == Reference.STALE ? e.in.number() : draft.version();
            return e.fx.engine.knowledge().reviseArticle(e.as(e.fx.operator), id, version, build(() ->
                    new ArticleDraft(e.in.at(0, "Echo"), e.in.at(1, "Echo on calls"), List.of(e.in.at(2, "Check")),
                            Set.of(), null, true, true)));
        });
        call("knowledge.saveFaqEntry", Start.NONE, e -> e.fx.engine.knowledge().saveFaqEntry(e.as(e.fx.operator),
                build(() -> FaqId.of(e.id("faq-h"))), e.in.reference() == Reference.STALE ? e.in.number() : 0,
                e.in.at(1, "How do I forward calls?"), e.in.at(2, "Dial *21*"), new TreeSet<>(e.many(i ->
                        e.in.at(0, "NT-PBX 300") + (i == 0 ? "" : i)))));
        query("knowledge.search", Start.NONE, e -> e.fx.engine.knowledge().search(e.customer(), build(() ->
                new KnowledgeQuery(e.in.text(), Optional.of(e.fx.system), Set.of(KnowledgeKind.values()),
                        e.in.number()))));
        call("consulting.recordConsultation", Start.FIRST_LINE, e -> e.fx.engine.consulting().recordConsultation(
                e.as(e.fx.operator), e.ref(), e.in.text(), e.in.number() % 2 == 0));
        call("consulting.sendRemoteInstruction", Start.INTAKE_LEAD, e -> e.fx.engine.consulting()
                .sendRemoteInstruction(e.as(e.fx.intakeLead), e.ref(), e.in.text()));
        call("consulting.offerKnowledge", Start.FIRST_LINE, e -> e.fx.engine.consulting().offerKnowledge(
                e.as(e.fx.operator), e.ref(), build(() -> new KnowledgeRef(KnowledgeKind.FAQ, e.in.text())), false));
        call("consulting.explainHandlingPlan", Start.INTAKE_LEAD, e -> e.fx.engine.consulting().explainHandlingPlan(
                e.as(e.fx.intakeLead), e.ref(), e.many(i -> new HandlingStep(e.in.at(0, "Replace the PSU"),
                        date(e.when())))));
        // escalation
        call("escalation.redirect", Start.FIRST_LINE, e -> e.fx.engine.escalation().redirect(e.as(e.fx.operator),
                e.ref(), RedirectTarget.secondLine(e.in.reference() == Reference.UNKNOWN
                        ? GroupId.of("grp-unknown-" + e.suffix) : e.fx.telephony), e.in.text()));
        call("escalation.escalateToVendor", Start.SECOND_LINE, e -> e.fx.engine.escalation().escalateToVendor(
                e.as(e.fx.groupLead), e.ref(), build(() -> new VendorCase(e.in.at(0, "Nordtel"),
                        e.in.at(1, "NT-" + e.suffix), e.in.at(2, "Trunk card hangs")))));
        call("escalation.recordVendorCorrespondence", Start.VENDOR, e -> e.fx.engine.escalation()
                .recordVendorCorrespondence(e.as(e.fx.engineer), e.ref(), build(() -> new VendorMessage(
                        VendorMessage.Direction.IN, e.in.at(0, "Send the logs"), e.in.at(2, null),
                        e.in.position() == 1 ? e.in.instant() : null))));
        call("escalation.recordVendorAnswer", Start.VENDOR, e -> e.fx.engine.escalation().recordVendorAnswer(
                e.as(e.fx.engineer), e.ref(), e.in.text()));
        call("escalation.escalateToGroupLead", Start.SECOND_LINE, e -> e.fx.engine.escalation().escalateToGroupLead(
                e.as(e.fx.engineer), e.ref(), e.in.text()));
        // scheduling
        call("scheduling.scheduleVisit", Start.SECOND_LINE, e -> e.fx.engine.scheduling().scheduleVisit(
                e.as(e.fx.engineer), e.ref(), build(() -> new VisitPlan(e.site(), e.when(), e.hourLater(),
                        VisitPurpose.REPAIR, e.in.at(0, "Bring a PSU")))));
        call("scheduling.bookVisit", Start.SECOND_LINE, e -> e.fx.engine.scheduling().bookVisit(e.as(e.fx.engineer),
                e.ref(), build(() -> new VisitBooking(e.site(), e.when(), e.hourLater(), VisitPurpose.REPAIR,
                        Set.of(SpecialistId.of("spc-viktor")), e.in.at(0, "Bring a PSU")))));
        call("scheduling.setExecutorDeadline", Start.SECOND_LINE, e -> e.fx.engine.scheduling().setExecutorDeadline(
                e.as(e.fx.groupLead), e.ref(), build(() -> new ExecutorDeadline(SpecialistId.of("spc-viktor"),
                        e.when(), e.in.at(0, "Replace the PSU")))));
        call("scheduling.proposeWorks", Start.SECOND_LINE, e -> e.fx.engine.scheduling().proposeWorks(
                e.as(e.fx.engineer), e.ref(), build(() -> new WorksProposal(WorksKind.INSTALLATION, e.site(),
                        e.when(), e.hourLater(), Set.of(DEPARTMENT), true, e.in.at(0, "Mount the rack")))));
        // resolution
        call("resolution.recordFailure", Start.SECOND_LINE, e -> e.fx.engine.resolution().recordFailure(
                e.as(e.fx.engineer), e.ref(), build(() -> new FailureReport(e.in.at(2, "PSU-300"),
                        Optional.of(e.fx.psu), Optional.of("SN-001"), e.in.position() == 0 ? "power.psu"
                        : e.in.text(), e.in.position() == 1 ? e.in.instant() : e.fx.clock.instant().minus(
                        Duration.ofHours(2)), e.fx.clock.instant().minus(Duration.ofHours(1)),
                        e.in.at(0, "Burnt")))));
        call("resolution.recordCheck", Start.SECOND_LINE, e -> e.fx.engine.resolution().recordCheck(
                e.as(e.fx.engineer), e.ref(), build(() -> new EquipmentCheck(false, Optional.of(e.fx.psu),
                        e.in.at(1, "PSU ok"), e.many(i -> new EquipmentCheck.Measurement(e.in.at(0, "volts") + i,
                        e.in.at(2, "230")))))));
        call("resolution.resolve", Start.SECOND_LINE, e -> e.fx.engine.resolution().resolve(e.as(e.fx.engineer),
                e.ref(), build(() -> new ResolutionReport(e.in.at(0, "Replaced the PSU"), e.in.at(1, "PSU"),
                        e.in.position() == 2, e.in.position() == 2 ? ComponentId.of(e.id("cmp-")) : null))));
        call("resolution.signOff", Start.RESOLVED, e -> e.fx.engine.resolution().signOff(e.customer(), e.ref(),
                e.in.text()));
        // quality and reports
        call("quality.close", Start.SIGNED_OFF, e -> e.fx.engine.quality().close(e.as(e.fx.intakeLead), e.ref(),
                e.in.text()));
        call("quality.answerSurvey", Start.CLOSED, e -> e.fx.engine.quality().answerSurvey(e.customer(), e.ref(),
                new SurveyAnswer(e.in.position() == 1 ? e.in.number() : 4, e.in.at(0, "Fast"))));
        query("reports.evaluate", Start.NONE, e -> e.fx.engine.reports().evaluate(e.as(e.fx.auditor),
                build(() -> new MetricsQuery(MetricsScope.values()[Math.floorMod(e.in.number(), 3)],
                        Optional.of(e.in.text()), e.in.instant(), e.fx.clock.instant()))));
        query("reports.metrics", Start.NONE, e -> e.fx.engine.reports().metrics(e.as(e.fx.auditor),
                build(() -> new MetricsQuery(MetricsScope.TENANT, Optional.empty(), e.fx.clock.instant()
                        .minus(Duration.ofDays(1)), e.in.instant()))));
        query("reports.proposals", Start.NONE, e -> e.fx.engine.reports().proposals(e.as(e.fx.groupLead),
                build(() -> new ProposalQuery(e.in.instant(), e.fx.clock.instant(), ZoneId.of("Europe/Moscow"),
                        e.in.number() / 100.0, Duration.ofSeconds(e.in.number()), e.in.number(), e.in.number(),
                        e.in.number() / 7.0))));
        query("reports.laborFunctions", Start.NONE, e -> e.fx.engine.reports().laborFunctions(e.as(e.fx.auditor),
                e.in.instant(), e.fx.clock.instant()));
        query("reports.digest", Start.NONE, e -> e.fx.engine.reports().digest(e.as(e.fx.auditor),
                e.fx.clock.instant().minus(Duration.ofDays(1)), e.in.instant()));
        query("journal.search", Start.FIRST_LINE, e -> e.fx.engine.journal().search(e.as(e.fx.auditor), build(() ->
                new JournalQuery(Set.of(), Optional.of(e.in.text()), e.in.instant(), e.fx.clock.instant()))).toList());
        query("journal.verify", Start.FIRST_LINE, e -> e.fx.engine.journal().verify(e.as(e.fx.auditor),
                e.in.reference() == Reference.OWN ? e.request.id() : RequestId.of(e.id("REQ-"))));
        query("consulting.statistics", Start.NONE, e -> e.fx.engine.consulting().statistics(e.as(e.fx.intakeLead),
                e.in.instant(), e.fx.clock.instant()));
        query("resolution.failureStatistics", Start.NONE, e -> e.fx.engine.resolution().failureStatistics(
                e.as(e.fx.auditor), e.in.instant(), e.fx.clock.instant()));
    }

    /** The input could not even be built (a value type refused it in its constructor): no call was made. */
    private static final class Unbuildable extends RuntimeException {
        Unbuildable(RuntimeException cause) {
            super(cause);
        }
    }

    /** The instant's day, or the first or last day there is when the instant lies beyond them. */
    private static LocalDate date(Instant instant) {
        try {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return instant.isBefore(Instant.EPOCH) ? LocalDate.MIN : LocalDate.MAX;
        }
    }

    private static <T> T build(Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
            throw new Unbuildable(e);
        }
    }

    @BeforeContainer
    static void start() {
        STORES.add(new Store("memory", fixture(Map.of()), null));
        TestDatabase.Fresh h2 = TestDatabase.H2.create();
        STORES.add(new Store("h2", fixture(jdbc(h2)), h2));
        TestDatabase.Fresh postgres = TestDatabase.POSTGRES.create();
        STORES.add(new Store("postgres", fixture(jdbc(postgres)), postgres));
    }

    private static Map<String, String> jdbc(TestDatabase.Fresh database) {
        Map<String, String> settings = new HashMap<>();
        settings.put("supportkit.storage.provider", "jdbc");
        database.settings().forEach((key, value) -> settings.put("supportkit.providers.jdbc." + key, value));
        return settings;
    }

    /** The engine fixture with surveys on every closed request, a department for works and a cause catalogue. */
    private static EngineFixture fixture(Map<String, String> storage) {
        Map<String, String> settings = new HashMap<>(storage);
        settings.put("supportkit.quality.surveys.enabled", "true");
        settings.put("supportkit.quality.surveys.once-per-days", "0");
        settings.put("supportkit.quality.surveys.token-key", "k".repeat(32));
        EngineFixture fx = new EngineFixture(settings);
        fx.engine.directory().saveDepartment(fx.admin, new Department(DEPARTMENT, "Installation", "installation",
                List.of(SpecialistId.of("spc-viktor"), SpecialistId.of("spc-galina"))));
        fx.engine.resolution().defineFailureCauses(fx.admin, CAUSES);
        return fx;
    }

    @AfterContainer
    static void stop() {
        for (Store store : STORES) {
            store.fx().close();
            if (store.database() != null) {
                store.database().drop().run();
            }
        }
        STORES.clear();
    }

    @Provide
    Arbitrary<String> calls() {
        return Arbitraries.of(List.copyOf(CALLS.keySet()));
    }

    /** Instants: ordinary ones, ones at nanosecond precision, and ones far outside every store's range. */
    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(0, 400L * 24 * 3600).map(s ->
                        EngineFixture.START.minus(Duration.ofDays(200)).plusSeconds(s))),
                Tuple.of(2, Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.parse("1899-12-31T23:59:59Z"),
                        Instant.parse("-4714-11-24T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                        Instant.parse("9999-12-31T23:59:59.999999999Z"), EngineFixture.START.plusNanos(1))));
    }

    /** Numbers: small plausible ones and the edges. */
    @Provide
    Arbitrary<Integer> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-3, 12)),
                Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1_000_000, 1_000_000)));
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<Reference> references = Arbitraries.frequency(Tuple.of(7, Reference.OWN),
                Tuple.of(1, Reference.FOREIGN), Tuple.of(1, Reference.UNKNOWN), Tuple.of(1, Reference.STALE));
        return Combinators.combine(new HostileRegistrationTest().texts(), Arbitraries.integers().between(0, 2),
                instants(), numbers(), references).as(Input::new);
    }

    @Property(tries = 1000)
    @StatisticsReport(format = Histogram.class)
    void everyStoreAlike(@ForAll("calls") String call, @ForAll("inputs") Input input) {
        String suffix = Integer.toString(++tries, 36);
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Store store : STORES) {
            outcomes.put(store.name(), storedExactlyOrRefusedByField(store, call, input, suffix));
        }
        String memory = outcomes.get("memory");
        outcomes.forEach((store, outcome) -> assertEquals(memory, outcome, call + ": the outcome on " + store
                + " differs from the memory store's: " + outcomes));
        Statistics.label("outcome").collect(memory.startsWith("stored") ? "stored" : memory.startsWith("unbuildable")
                ? "unbuildable" : "refused");
        Statistics.label("call").collect(call, memory.replaceAll(" \\[.*", ""));
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("stored").percentage(p -> p >= 20);
            coverage.check("refused").percentage(p -> p >= 10);
        });
    }

    /**
     * Makes one call on one store.
     *
     * @return the outcome: {@code stored}, {@code unbuildable}, or the exception's kind and the fields it names
     */
    private static String storedExactlyOrRefusedByField(Store store, String name, Input input, String suffix) {
        EngineFixture fx = store.fx();
        Call call = CALLS.get(name);
        Env env = new Env(fx, input, suffix, request(fx, call.start()));
        String where = name + " on " + store.name() + " with " + escaped(input) + ": ";
        Object returned;
        try {
            returned = call.invoke().apply(env);
        } catch (Unbuildable e) {
            return "unbuildable";
        } catch (ValidationException e) {
            for (FieldError error : e.errors()) {
                assertFalse(error.field().isBlank() || error.rule().isBlank() || error.message().isBlank(),
                        where + "every error names its field and rule: " + error);
            }
            if (call.start() != Start.NONE) {
                assertEquals(env.request, fx.engine.quality().request(fx.auditor, env.request.id()),
                        where + "a refused call leaves the request as it was");
            }
            return "refused " + e.getClass().getSimpleName() + " " + new TreeSet<>(e.errors().stream()
                    .map(FieldError::field).toList());
        } catch (NotFoundException | AccessDeniedException | ConcurrencyConflictException
                 | InvalidTransitionException e) {
            return "refused " + e.getClass().getSimpleName();
        } catch (SupportException e) {
            fail(where + "only a validation, not-found, denied, conflict or transition error may refuse hostile "
                    + "input, was " + e, e);
            return "failed";
        } catch (RuntimeException e) {
            fail(where + "only SupportExceptions may leave the engine, was " + e, e);
            return "failed";
        }
        if (call.stores()) {
            Object stored = readBack(fx, env, returned);
            if (!returned.equals(stored)) {
                fail(where + "the store gives back exactly what the call returned; returned "
                        + escaped(returned) + ", stored " + escaped(stored));
            }
        }
        return "stored";
    }

    /** The request a call starts from, driven into its state through the public API; null for none. */
    private static Request request(EngineFixture fx, Start start) {
        return switch (start) {
            case NONE -> null;
            case FIRST_LINE -> fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
            case INTAKE_LEAD -> fx.requestIn(RequestStatus.AT_INTAKE_LEAD, SupportLine.INTAKE_LEAD);
            case SECOND_LINE -> fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
            case VENDOR -> {
                Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
                yield fx.engine.escalation().escalateToVendor(fx.groupLead, r.ref(), new VendorCase("Nordtel",
                        "NT-1", "Trunk card hangs"));
            }
            case RESOLVED -> fx.requestIn(RequestStatus.RESOLVED, SupportLine.SECOND_LINE);
            case SIGNED_OFF -> fx.requestIn(RequestStatus.SIGNED_OFF, SupportLine.SECOND_LINE);
            case CLOSED -> fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
        };
    }

    /** What the store now holds for a result: read back the way the caller sees it. */
    private static Object readBack(EngineFixture fx, Env env, Object returned) {
        var directory = fx.engine.directory();
        if (returned instanceof Request request) {
            return fx.engine.quality().request(env.actor, request.id());
        }
        if (returned instanceof Organization organization) {
            return directory.organization(fx.admin, organization.id());
        }
        if (returned instanceof Representative representative) {
            return only(directory.representatives(fx.admin, representative.organization()), representative.id());
        }
        if (returned instanceof Site site) {
            return only(directory.sites(fx.admin, site.organization()), site.id());
        }
        if (returned instanceof SupportedSystem system) {
            return only(directory.systems(fx.admin, system.organization()), system.id());
        }
        if (returned instanceof Specialist specialist) {
            return only(directory.specialists(fx.admin), specialist.id());
        }
        if (returned instanceof SupportGroup group) {
            return only(directory.groups(fx.admin), group.id());
        }
        if (returned instanceof SupportContract contract) {
            return directory.contract(fx.admin, contract.organization()).orElse(null);
        }
        if (returned instanceof DeliveryPreferences preferences) {
            return directory.preferences(env.actor, preferences.recipient()).orElse(null);
        }
        if (returned instanceof Article article) {
            return fx.engine.knowledge().article(env.actor, article.id());
        }
        if (returned instanceof FaqEntry entry) {
            return fx.engine.knowledge().faq(env.actor, Optional.empty()).stream()
                    .filter(f -> f.id().equals(entry.id())).findFirst().orElse(null);
        }
        throw new AssertionError("no way to read back " + returned.getClass());
    }

    /** A value's text with every character outside printable ASCII written as a Java escape, cut short. */
    private static String escaped(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 600; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return out.length() < 600 ? out.toString() : out + "... (" + text.length() + " characters)";
    }

    private static <T extends dev.supportkit.api.directory.IdentifiedEntry> T only(List<T> entries, Object id) {
        return entries.stream().filter(entry -> entry.id().equals(id)).findFirst().orElse(null);
    }
}
