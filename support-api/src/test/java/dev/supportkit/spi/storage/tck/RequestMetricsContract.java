package dev.supportkit.spi.storage.tck;

import static dev.supportkit.spi.storage.tck.StorageFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.reports.RequestMetrics;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.DeadlineState;
import dev.supportkit.api.request.Milestones;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.Survey;
import dev.supportkit.spi.storage.RequestCountKey;
import dev.supportkit.spi.storage.RequestMetricsCounter;
import dev.supportkit.spi.storage.StorageProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every store's {@code requestMetrics} must answer: figures checked against a hand count over a small
 * data set with known answers, and against {@link RequestMetricsCounter} (the reference meaning) over a
 * generated one. A store's test extends this kit and opens a fresh provider.
 */
@DisplayName("Request metrics contract")
public abstract class RequestMetricsContract {
    private static final long H = 3600;
    private static final long DAY = 24 * H;
    private static final Instant FROM = at(0);
    private static final Instant UNTIL = at(DAY);

    private StorageProvider provider;
    private TenantId tenant;

    /**
     * Opens the provider under test over an empty store; the kit closes it.
     *
     * @return a ready provider
     */
    protected abstract StorageProvider createProvider();

    @BeforeEach
    final void open() {
        provider = createProvider();
        tenant = StorageFixtures.tenant();
    }

    @AfterEach
    final void close() {
        provider.close();
    }

    /** The hand-counted data set: see each request's comment for what it contributes. */
    private void storeKnownSet() {
        List<Request> set = List.of(
                // ana r1: answered in 10 min in time, resolved at first contact after 1 h in time; surveyed, score 4;
                // in working time (its calendar's hours, without pauses) 5 min and 30 min
                request("r1", "ana", "g1", "org-1", H, RequestStatus.RESOLVED,
                        milestones(H + 600, H + 3600, null, null, 0),
                        deadline(DeadlineKind.FIRST_RESPONSE, H, H + 1800, H + 600, 300L),
                        deadline(DeadlineKind.RESOLUTION, H, H + 8 * H, H + 3600, 1800L))
                        .toBuilder().survey(Survey.sent(at(2 * H), at(5 * H)).answered(at(3 * H), 4, "Спасибо"))
                        .build(),
                // ana r2: answered late (40 min, due in 30; 2,000 s of working time), escalated, reopened once,
                // resolved after 2 h
                request("r2", "ana", "g1", "org-1", 2 * H, RequestStatus.RESOLVED,
                        milestones(2 * H + 2400, 2 * H + 7200, 2 * H + 3000, null, 1),
                        deadline(DeadlineKind.FIRST_RESPONSE, 2 * H, 2 * H + 1800, 2 * H + 2400, 2000L)),
                // ana r3: never answered, its first-response deadline passed in the period; still open
                request("r3", "ana", "g1", "org-1", 3 * H, RequestStatus.REGISTERED, Milestones.NONE,
                        deadline(DeadlineKind.FIRST_RESPONSE, 3 * H, 3 * H + 1800, null)),
                // ana r4: registered two days before, resolved in the period at first contact; survey unanswered
                request("r4", "ana", "g1", "org-1", -2 * DAY, RequestStatus.RESOLVED,
                        milestones(-2 * DAY + 60, 5 * H, null, null, 0))
                        .toBuilder().survey(Survey.sent(at(6 * H), at(9 * H))).build(),
                // ana r5: registered three days before and still open: the oldest backlog
                request("r5", "ana", "g1", "org-1", -3 * DAY, RequestStatus.AT_SECOND_LINE,
                        milestones(-3 * DAY + 60, null, -3 * DAY + 120, null, 0)),
                // ana r6: registered after the period: counts nowhere
                request("r6", "ana", "g1", "org-1", 2 * DAY, RequestStatus.REGISTERED, Milestones.NONE),
                // boris r7: answered after a minute, closed without a resolution; surveyed after the period
                request("r7", "boris", "g2", "org-1", 4 * H, RequestStatus.CLOSED,
                        milestones(4 * H + 60, null, null, 5 * H, 0))
                        .toBuilder().survey(Survey.sent(at(DAY + H), at(DAY + 4 * H))).build(),
                // boris r8: its first-response deadline falls after the period: not due yet; open
                request("r8", "boris", "g2", "org-2", 5 * H, RequestStatus.REGISTERED, Milestones.NONE,
                        deadline(DeadlineKind.FIRST_RESPONSE, 5 * H, 2 * DAY, null)),
                // unassigned r9, no group: the tenant counts it, specialists and groups do not
                request("r9", null, null, "org-1", 6 * H, RequestStatus.REGISTERED, Milestones.NONE));
        provider.inTransaction(tx -> {
            set.forEach(tx::insertRequest);
            return null;
        });
    }

    @Test
    @DisplayName("per specialist: every figure equals the hand count")
    void perSpecialistMatchesTheHandCount() {
        storeKnownSet();
        List<RequestMetrics> rows = metrics(MetricsScope.SPECIALIST, null);
        assertEquals(List.of(
                RequestMetrics.builder("ana").received(3).resolved(3, 1, 2).firstResponse(3, 1).resolution(1, 1)
                        .firstResponseTimes(seconds(600), seconds(2400))
                        .resolutionTimes(seconds(7200), seconds(2 * DAY + 5 * H))
                        .firstResponseWorkingTimes(seconds(300), seconds(2000))
                        .resolutionWorkingTimes(seconds(1800), seconds(1800))
                        .backlog(2, seconds(4 * DAY)).surveys(2, 1, 4).build(),
                RequestMetrics.builder("boris").received(2).firstResponseTimes(seconds(60), seconds(60))
                        .backlog(1, seconds(DAY - 5 * H)).build()), rows);
        assertEquals(4.0, rows.get(0).satisfactionAverage().getAsDouble());
        assertEquals(0.5, rows.get(0).surveyResponseRate().getAsDouble());
    }

    @Test
    @DisplayName("for the tenant: one row with the unassigned request counted")
    void forTheTenantMatchesTheHandCount() {
        storeKnownSet();
        assertEquals(List.of(RequestMetrics.builder(RequestMetrics.TENANT_KEY).received(6).resolved(3, 1, 2)
                .firstResponse(3, 1).resolution(1, 1).firstResponseTimes(seconds(600), seconds(2400))
                .resolutionTimes(seconds(7200), seconds(2 * DAY + 5 * H))
                .firstResponseWorkingTimes(seconds(300), seconds(2000)).resolutionWorkingTimes(seconds(1800), seconds(1800))
                .backlog(4, seconds(4 * DAY)).surveys(2, 1, 4).build()), metrics(MetricsScope.TENANT, null));
    }

    @Test
    @DisplayName("per group and organisation, and one subject only")
    void perGroupOrganisationAndSubject() {
        storeKnownSet();
        List<RequestMetrics> groups = metrics(MetricsScope.GROUP, null);
        assertEquals(List.of("g1", "g2"), groups.stream().map(RequestMetrics::key).toList());
        assertEquals(2, groups.get(1).received());
        List<RequestMetrics> organisations = metrics(MetricsScope.ORGANIZATION, null);
        assertEquals(List.of("org-1", "org-2"), organisations.stream().map(RequestMetrics::key).toList());
        assertEquals(5, organisations.get(0).received());
        assertEquals(1, organisations.get(1).backlog());
        List<RequestMetrics> boris = metrics(MetricsScope.SPECIALIST, "boris");
        assertEquals(List.of("boris"), boris.stream().map(RequestMetrics::key).toList());
        assertEquals(List.of(), metrics(MetricsScope.SPECIALIST, "nobody"));
    }

    @Test
    @DisplayName("another tenant's requests are never counted")
    void otherTenantsAreNotCounted() {
        storeKnownSet();
        TenantId mine = tenant;
        tenant = StorageFixtures.tenant();
        assertEquals(List.of(), metrics(MetricsScope.TENANT, null));
        tenant = mine;
        assertEquals(6, metrics(MetricsScope.TENANT, null).get(0).received());
    }

    @Test
    @DisplayName("over 300 generated requests every scope equals the reference counter")
    void generatedSetEqualsTheReference() {
        Random random = new Random(16);
        List<Request> set = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long registered = random.nextInt((int) (3 * DAY)) - DAY;
            long answered = registered + 1 + random.nextInt((int) (2 * H));
            boolean resolved = random.nextInt(3) > 0;
            long resolvedAt = answered + random.nextInt((int) DAY);
            boolean closed = !resolved && random.nextInt(4) == 0;
            Milestones milestones = random.nextInt(5) == 0 ? Milestones.NONE : milestones(answered,
                    resolved ? resolvedAt : null, random.nextInt(3) == 0 ? answered + 5 : null,
                    closed ? resolvedAt : null, random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
            long due = registered + 1800 + random.nextInt((int) H);
            // working time: some share of the elapsed time (a calendar's hours), or none recorded (met before it was)
            boolean answeredHere = milestones.firstResponse().isPresent();
            Deadline first = deadline(DeadlineKind.FIRST_RESPONSE, registered, due, answeredHere ? answered : null,
                    answeredHere && random.nextInt(5) > 0 ? (long) random.nextInt((int) (answered - registered)) : null);
            Deadline resolution = deadline(DeadlineKind.RESOLUTION, registered, registered + DAY,
                    milestones.resolved().isPresent() ? resolvedAt : null,
                    milestones.resolved().isPresent() && random.nextInt(5) > 0
                            ? (long) random.nextInt((int) (resolvedAt - registered)) : null);
            String who = random.nextInt(6) == 0 ? null : "spec-" + random.nextInt(4);
            Request generated = request("g" + i, who, who == null ? null : "grp-" + random.nextInt(2),
                    "org-" + random.nextInt(3), registered,
                    milestones.resolved().isPresent() ? RequestStatus.RESOLVED : RequestStatus.IN_PROGRESS_FIRST_LINE,
                    milestones, first, resolution);
            generated = generated.toBuilder().category(random.nextInt(3) == 0 ? null : "cat-" + random.nextInt(3))
                    .model(random.nextInt(4) == 0 ? null : "Модель " + random.nextInt(2)).build();
            if (random.nextBoolean()) {
                Survey survey = Survey.sent(at(registered + H), at(registered + 4 * H));
                generated = generated.toBuilder().survey(random.nextBoolean() ? survey
                        : survey.answered(at(registered + 2 * H), 1 + random.nextInt(5), null)).build();
            }
            set.add(generated);
        }
        provider.inTransaction(tx -> {
            set.forEach(tx::insertRequest);
            return null;
        });
        for (MetricsScope scope : MetricsScope.values()) {
            MetricsQuery query = MetricsQuery.builder().scope(scope).period(FROM, UNTIL).build();
            assertEquals(RequestMetricsCounter.count(query, set), metrics(scope, null), "scope " + scope);
        }
        for (RequestCountKey key : RequestCountKey.values()) {
            java.util.Map<String, Long> expected = new java.util.TreeMap<>();
            set.stream().filter(r -> !r.registeredAt().isBefore(FROM) && r.registeredAt().isBefore(UNTIL))
                    .forEach(r -> (switch (key) {
                        case CATEGORY -> r.category();
                        case MODEL -> r.model();
                        case REGISTRATION_HOUR -> Optional.of(Long.toString(
                                Math.floorDiv(r.registeredAt().getEpochSecond(), 3600)));
                        case LINE -> Optional.of(r.line().name());
                        case PATH -> Optional.of((r.milestones().escalated().isPresent() ? "ESCALATED" : "FIRST_LINE")
                                + (r.milestones().reopens() > 0 ? "/REOPENED" : ""));
                    }).ifPresent(k -> expected.merge(k, 1L, Long::sum)));
            java.util.Map<String, Long> counted = provider.inTransaction(tx -> tx.countRegistered(tenant, key, FROM,
                    UNTIL));
            assertEquals(expected, new java.util.TreeMap<String, Long>(counted), "count by " + key);
        }
    }

    private List<RequestMetrics> metrics(MetricsScope scope, String subject) {
        MetricsQuery.Builder query = MetricsQuery.builder().scope(scope).period(FROM, UNTIL);
        if (subject != null) {
            query.subject(subject);
        }
        MetricsQuery built = query.build();
        return provider.inTransaction(tx -> tx.requestMetrics(tenant, built));
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    private static Milestones milestones(Long firstResponse, Long resolved, Long escalated, Long closed,
                                         int reopens) {
        return new Milestones(instant(firstResponse), instant(resolved), Optional.empty(), instant(closed),
                instant(escalated), reopens);
    }

    private static Optional<Instant> instant(Long seconds) {
        return Optional.ofNullable(seconds).map(StorageFixtures::at);
    }

    private static Deadline deadline(DeadlineKind kind, long started, long due, Long met) {
        return deadline(kind, started, due, met, null);
    }

    private static Deadline deadline(DeadlineKind kind, long started, long due, Long met, Long worked) {
        DeadlineState state = met != null ? (met <= due ? DeadlineState.MET : DeadlineState.BREACHED)
                : DeadlineState.PENDING;
        return Deadline.builder().kind(kind).state(state).calendar("24x7").startedAt(at(started))
                .target(Duration.ofSeconds(due - started)).dueAt(at(due)).metAt(met == null ? null : at(met))
                .workedTime(worked == null ? null : Duration.ofSeconds(worked)).build();
    }

    private Request request(String id, String assignee, String group, String organization, long registered,
                            RequestStatus status, Milestones milestones, Deadline... deadlines) {
        Request base = StorageFixtures.request(tenant, StorageFixtures.requestId(), OrganizationId.of(organization),
                status, milestones.escalated().isPresent() ? SupportLine.SECOND_LINE : SupportLine.FIRST_LINE,
                at(registered));
        return base.toBuilder().assignee(assignee == null ? null : SpecialistId.of(assignee))
                .group(group == null ? null : GroupId.of(group)).milestones(milestones)
                .deadlines(List.of(deadlines)).subject("Metrics " + id).build();
    }
}
