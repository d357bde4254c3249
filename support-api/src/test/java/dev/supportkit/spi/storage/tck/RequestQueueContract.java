package dev.supportkit.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.request.AssigneeFilter;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineCondition;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.DeadlineState;
import dev.supportkit.api.request.IncidentId;
import dev.supportkit.api.request.IntakeDetails;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestSort;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.request.VendorCaseState;
import dev.supportkit.spi.storage.RequestFacts;
import dev.supportkit.spi.storage.RequestPosition;
import dev.supportkit.spi.storage.RequestSelection;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Queues on a store: every filter, every order, keyset paging (also while requests are inserted between
 * pages) and counts, against the reference meaning in {@link RequestFacts}, plus hand-checked cases of
 * that meaning. Extend it with a {@link #createProvider()} over an empty store, as the
 * {@link StorageProviderContract}; every store SupportKit ships passes it.
 */
@DisplayName("Request queue contract")
public abstract class RequestQueueContract {
    /** "Now" of every selection: deadlines fall due around it. */
    protected static final Instant NOW = Instant.parse("2026-03-12T12:00:00Z");
    private static final List<GroupId> GROUPS = List.of(GroupId.of("grp-a"), GroupId.of("grp-b"));
    private static final List<SpecialistId> SPECIALISTS = List.of(SpecialistId.of("spc-1"), SpecialistId.of("spc-2"),
            SpecialistId.of("spc-3"));
    private static final List<OrganizationId> ORGS = List.of(OrganizationId.of("org-a"), OrganizationId.of("org-b"),
            OrganizationId.of("org-c"));
    private static final List<SystemId> SYSTEMS = List.of(SystemId.of("sys-1"), SystemId.of("sys-2"));

    private StorageProvider provider;
    private TenantId tenant;
    private TenantId otherTenant;
    /** Every request stored in the main tenant by the running test. */
    private final List<Request> stored = new ArrayList<>();
    private int sequence;

    /**
     * Creates the provider under test, over an empty store; the kit closes it after each test.
     *
     * @return a ready provider
     */
    protected abstract StorageProvider createProvider();

    @BeforeEach
    final void open() {
        tenant = StorageFixtures.tenant();
        otherTenant = StorageFixtures.tenant();
        provider = createProvider();
        assertNotNull(provider, "createProvider() returned null");
    }

    @AfterEach
    final void close() {
        if (provider != null) {
            provider.close();
        }
    }

    // ============================================================================================= seeding

    /** A random request: every fact that queues filter by drawn from a small set, so filters hit and miss. */
    private Request random(Random random, TenantId in) {
        String id = "rq-" + String.format("%04d", sequence++) + "-" + random.nextInt(10);
        // registration times in whole minutes: many ties, which the id must break
        Instant registered = NOW.minus(Duration.ofMinutes(random.nextInt(40) * 10L));
        Instant updated = registered.plus(Duration.ofMinutes(random.nextInt(3) * 10L))
                .plus(random.nextInt(2), ChronoUnit.MICROS);
        RequestStatus status = RequestStatus.values()[random.nextInt(RequestStatus.values().length)];
        Optional<SystemId> system = pick(random, SYSTEMS);
        Request.Builder b = Request.builder().id(RequestId.of(id)).tenant(in)
                .organization(ORGS.get(random.nextInt(ORGS.size())))
                .representative(RepresentativeId.of("rep-" + random.nextInt(3))).system(system.orElse(null))
                .model(system.map(s -> s.value().equals("sys-1") ? "PBX-100" : "PBX-200").orElse(null))
                .subject("Subject " + id).description("Text of " + id).channel(Channel.PHONE)
                .priority(Priority.values()[random.nextInt(Priority.values().length)]).status(status)
                .line(SupportLine.values()[random.nextInt(3)]).group(pick(random, GROUPS).orElse(null))
                .assignee(pick(random, SPECIALISTS).orElse(null))
                .category(random.nextBoolean() ? null : random.nextBoolean() ? "hardware" : "software")
                .registeredAt(registered).updatedAt(updated).version(1 + random.nextInt(5))
                .journalHead(1, StorageFixtures.hash(id))
                .intake(new IntakeDetails(Optional.empty(), Map.of(), random.nextInt(4) == 0, List.of(),
                        random.nextInt(5) == 0 ? Optional.of(IncidentId.of("inc-1")) : Optional.empty()))
                .deadlines(deadlines(random, registered));
        if (random.nextInt(6) == 0) {
            b.vendorCase(new VendorCaseState("Vendor", "V-1", "asked", registered, null, 1, null, null));
        }
        if (status.compareTo(RequestStatus.RESOLVED) >= 0) {
            b.resolution(new ResolutionReport("done", "worn part", random.nextBoolean(),
                    ComponentId.of("cmp-1")));
        }
        return b.build();
    }

    private static <T> Optional<T> pick(Random random, List<T> values) {
        int i = random.nextInt(values.size() + 1);
        return i == values.size() ? Optional.empty() : Optional.of(values.get(i));
    }

    /** None, or one or two deadlines in any state, due from two hours before now to two hours after. */
    private static List<Deadline> deadlines(Random random, Instant start) {
        int count = random.nextInt(3);
        List<Deadline> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DeadlineState state = DeadlineState.values()[random.nextInt(DeadlineState.values().length)];
            Instant due = NOW.plus(Duration.ofMinutes(random.nextInt(25) * 10L - 120));
            result.add(Deadline.builder().kind(i == 0 ? DeadlineKind.FIRST_RESPONSE : DeadlineKind.RESOLUTION)
                    .state(state).calendar("24x7").startedAt(start).target(Duration.ofHours(4)).dueAt(due)
                    .pausedAt(state == DeadlineState.PAUSED ? NOW.minus(Duration.ofMinutes(5)) : null)
                    .metAt(state == DeadlineState.MET ? due.minus(Duration.ofMinutes(1)) : null).build());
        }
        return result;
    }

    /** Stores {@code count} random requests in the main tenant and a few in the other one. */
    private void seed(long seed, int count) {
        Random random = new Random(seed);
        List<Request> mine = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mine.add(random(random, tenant));
        }
        List<Request> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(random(random, otherTenant));
        }
        insert(mine);
        run(tx -> others.forEach(tx::insertRequest));
    }

    private void insert(List<Request> requests) {
        run(tx -> requests.forEach(tx::insertRequest));
        stored.addAll(requests);
    }

    // ============================================================================================= helpers

    private <T> T tx(Function<StorageTransaction, T> work) {
        return provider.inTransaction(work);
    }

    private void run(java.util.function.Consumer<StorageTransaction> work) {
        provider.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private static RequestSelection select(RequestQuery query, Optional<RequestPosition> after, int limit) {
        return new RequestSelection(query, NOW, after, limit);
    }

    /** What the reference says a selection holds, in order. */
    private List<Request> expected(RequestSelection selection) {
        return stored.stream().filter(r -> RequestFacts.matches(r, selection))
                .sorted((x, y) -> RequestFacts.order(selection.query().sort())
                        .compare(RequestFacts.position(x, selection.query().sort()),
                                RequestFacts.position(y, selection.query().sort())))
                .limit(selection.limit()).toList();
    }

    private static List<String> ids(List<Request> requests) {
        return requests.stream().map(r -> r.id().value()).toList();
    }

    /** Checks the first page, every page of 7 to the end, and the count, against the reference. */
    private void assertQueue(RequestQuery query) {
        RequestSelection all = select(query, Optional.empty(), 1000);
        List<Request> whole = expected(all);
        List<Request> found = tx(tx -> tx.findRequests(tenant, all));
        assertEquals(ids(whole), ids(found), "requests (in order) for " + query);
        assertEquals(whole, found, "snapshots for " + query);
        assertEquals(whole.size(), (long) tx(tx -> tx.countRequests(tenant, all)), "count for " + query);

        List<Request> paged = new ArrayList<>();
        Optional<RequestPosition> after = Optional.empty();
        for (int pages = 0; pages < 200; pages++) {
            RequestSelection page = select(query, after, 7);
            List<Request> read = tx(tx -> tx.findRequests(tenant, page));
            assertEquals(ids(expected(page)), ids(read), "page " + (pages + 1) + " of " + query);
            paged.addAll(read);
            if (read.size() < 7) {
                break;
            }
            after = Optional.of(RequestFacts.position(read.get(6), query.sort()));
        }
        assertEquals(ids(whole), ids(paged), "all pages of 7 together for " + query);
    }

    private static RequestQuery.Builder q() {
        return RequestQuery.builder();
    }

    // =============================================================================================== tests

    @Test
    @DisplayName("every single filter matches as the reference says, on every page, and counts agree")
    void everyFilter() {
        seed(13, 160);
        List<RequestQuery> queries = List.of(
                q().build(),
                q().open().build(),
                q().status(RequestStatus.CLOSED, RequestStatus.RESOLVED).build(),
                q().line(SupportLine.SECOND_LINE).build(),
                q().group(GROUPS.get(0)).build(),
                q().assignee(AssigneeFilter.unassigned()).build(),
                q().assignee(AssigneeFilter.of(SPECIALISTS.get(1))).build(),
                q().priority(Priority.CRITICAL, Priority.HIGH).build(),
                q().category("hardware").build(),
                q().organization(ORGS.get(2)).build(),
                q().system(SYSTEMS.get(0)).build(),
                q().model("PBX-200").build(),
                q().emergency(true).build(),
                q().emergency(false).build(),
                q().deadline(DeadlineCondition.breached()).build(),
                q().deadline(DeadlineCondition.atRisk(Duration.ofHours(1))).build(),
                q().deadline(DeadlineCondition.met()).build(),
                q().deadline(DeadlineCondition.breached(), DeadlineCondition.atRisk(Duration.ofMinutes(30))).build(),
                q().registered(NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(1))).build(),
                q().updated(NOW.minus(Duration.ofHours(2)), null).build(),
                q().updated(null, NOW.minus(Duration.ofHours(4))).build());
        queries.forEach(this::assertQueue);
    }

    @Test
    @DisplayName("every order, alone and with filters, pages without a gap or a repeat")
    void everyOrder() {
        seed(29, 160);
        for (RequestSort sort : RequestSort.values()) {
            assertQueue(q().sort(sort).build());
            assertQueue(q().open().group(GROUPS.get(1)).sort(sort).build());
            assertQueue(q().assignee(AssigneeFilter.unassigned()).priority(Priority.LOW, Priority.CRITICAL)
                    .sort(sort).build());
        }
    }

    @Test
    @DisplayName("the operator's queues: my group's open at-risk-or-breached by due, mine, unassigned, a customer's")
    void combinedQueues() {
        seed(41, 200);
        assertQueue(q().open().group(GROUPS.get(0)).deadline(DeadlineCondition.breached(),
                DeadlineCondition.atRisk(Duration.ofHours(1))).sort(RequestSort.DUE).build());
        assertQueue(q().open().assignee(AssigneeFilter.of(SPECIALISTS.get(0))).sort(RequestSort.PRIORITY_THEN_DUE)
                .build());
        assertQueue(q().open().group(GROUPS.get(1)).assignee(AssigneeFilter.unassigned())
                .sort(RequestSort.REGISTERED).build());
        assertQueue(q().open().organization(ORGS.get(0)).system(SYSTEMS.get(1)).sort(RequestSort.NEWEST_FIRST)
                .build());
        assertQueue(q().line(SupportLine.FIRST_LINE).category("software").emergency(false).model("PBX-100")
                .registered(NOW.minus(Duration.ofHours(5)), NOW).sort(RequestSort.RECENTLY_UPDATED).build());
    }

    @Test
    @DisplayName("pages stay exact while requests are inserted between them: nothing skipped or repeated")
    void pagingUnderConcurrentInserts() {
        seed(57, 120);
        Random random = new Random(58);
        for (RequestSort sort : RequestSort.values()) {
            RequestQuery query = q().open().sort(sort).build();
            Set<String> before = new HashSet<>(ids(expected(select(query, Optional.empty(), 1000))));
            List<String> seen = new ArrayList<>();
            Optional<RequestPosition> after = Optional.empty();
            while (true) {
                RequestSelection page = select(query, after, 9);
                List<Request> read = tx(tx -> tx.findRequests(tenant, page));
                seen.addAll(ids(read));
                if (read.size() < 9) {
                    break;
                }
                after = Optional.of(RequestFacts.position(read.get(8), sort));
                // others register requests meanwhile, sorting anywhere in the queue
                List<Request> inserted = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    inserted.add(random(random, tenant));
                }
                insert(inserted);
            }
            assertEquals(seen.size(), new HashSet<>(seen).size(), sort + ": a request was repeated: " + seen);
            assertTrue(seen.containsAll(before), sort + ": requests stored before paging began were skipped");
            Map<String, Request> byId = stored.stream().collect(Collectors.toMap(r -> r.id().value(), r -> r,
                    (x, y) -> x, LinkedHashMap::new));
            for (int i = 1; i < seen.size(); i++) {
                RequestPosition previous = RequestFacts.position(byId.get(seen.get(i - 1)), sort);
                RequestPosition next = RequestFacts.position(byId.get(seen.get(i)), sort);
                assertTrue(RequestFacts.order(sort).compare(previous, next) < 0,
                        sort + ": out of order at " + seen.get(i));
            }
        }
    }

    @Test
    @DisplayName("queues follow updates: a request taken by a specialist leaves the unassigned queue")
    void queuesFollowUpdates() {
        seed(71, 40);
        RequestQuery unassigned = q().assignee(AssigneeFilter.unassigned()).build();
        Request target = expected(select(unassigned, Optional.empty(), 1000)).get(0);
        Request taken = target.toBuilder().assignee(SPECIALISTS.get(2)).version(target.version() + 1).build();
        run(tx -> tx.updateRequest(taken, target.version()));
        stored.replaceAll(r -> r.id().equals(taken.id()) ? taken : r);
        assertQueue(unassigned);
        assertQueue(q().assignee(AssigneeFilter.of(SPECIALISTS.get(2))).build());
        assertTrue(tx(tx -> tx.findRequests(tenant, select(q().assignee(AssigneeFilter.of(SPECIALISTS.get(2)))
                .build(), Optional.empty(), 1000))).contains(taken), "the taken request in its taker's queue");
    }

    @Test
    @DisplayName("the meaning, checked by hand: breached, at risk, met, no deadline last, priority first")
    void meaningByHand() {
        Request breachedByState = fixed("h-1", Priority.LOW, deadline(DeadlineState.BREACHED, -90));
        Request pastDue = fixed("h-2", Priority.NORMAL, deadline(DeadlineState.PENDING, -1));
        Request dueSoon = fixed("h-3", Priority.NORMAL, deadline(DeadlineState.PENDING, 30));
        Request dueLater = fixed("h-4", Priority.CRITICAL, deadline(DeadlineState.PENDING, 90));
        Request paused = fixed("h-5", Priority.HIGH, deadline(DeadlineState.PAUSED, 10));
        Request met = fixed("h-6", Priority.HIGH, deadline(DeadlineState.MET, -30));
        Request none = fixed("h-7", Priority.CRITICAL);
        Request metLate = fixed("h-8", Priority.LOW, deadline(DeadlineState.BREACHED, -60).toBuilder()
                .metAt(NOW.minus(Duration.ofMinutes(10))).build());
        insert(List.of(none, met, paused, dueLater, dueSoon, pastDue, breachedByState, metLate));

        assertEquals(List.of("h-1", "h-2", "h-8"), found(q().deadline(DeadlineCondition.breached())));
        assertEquals(List.of("h-3"), found(q().deadline(DeadlineCondition.atRisk(Duration.ofHours(1)))));
        assertEquals(List.of("h-3", "h-4"), found(q().deadline(DeadlineCondition.atRisk(Duration.ofMinutes(90)))));
        assertEquals(List.of("h-6"), found(q().deadline(DeadlineCondition.met())));
        // by due: the most overdue first (breached, not met), then running ones; paused, met, met late and none
        // have no unmet deadline: last, by id
        assertEquals(List.of("h-1", "h-2", "h-3", "h-4", "h-5", "h-6", "h-7", "h-8"),
                found(q().sort(RequestSort.DUE)));
        assertEquals(List.of("h-4", "h-7", "h-5", "h-6", "h-2", "h-3", "h-1", "h-8"),
                found(q().sort(RequestSort.PRIORITY_THEN_DUE)));
    }

    private List<String> found(RequestQuery.Builder query) {
        RequestSelection selection = select(query.build(), Optional.empty(), 1000);
        return ids(tx(tx -> tx.findRequests(tenant, selection)));
    }

    private Request fixed(String id, Priority priority, Deadline... deadlines) {
        return Request.builder().id(RequestId.of(id)).tenant(tenant).organization(ORGS.get(0))
                .representative(RepresentativeId.of("rep-1")).subject("S").description("D").channel(Channel.EMAIL)
                .priority(priority).status(RequestStatus.IN_PROGRESS_FIRST_LINE).line(SupportLine.FIRST_LINE)
                .registeredAt(NOW.minus(Duration.ofHours(3))).updatedAt(NOW.minus(Duration.ofHours(2))).version(1)
                .journalHead(1, StorageFixtures.hash(id)).deadlines(List.of(deadlines)).build();
    }

    private static Deadline deadline(DeadlineState state, int dueInMinutes) {
        Instant due = NOW.plus(Duration.ofMinutes(dueInMinutes));
        return Deadline.builder().kind(DeadlineKind.RESOLUTION).state(state).calendar("24x7")
                .startedAt(NOW.minus(Duration.ofHours(4))).target(Duration.ofHours(4)).dueAt(due)
                .pausedAt(state == DeadlineState.PAUSED ? NOW.minus(Duration.ofMinutes(5)) : null)
                .metAt(state == DeadlineState.MET ? due.minus(Duration.ofMinutes(1)) : null).build();
    }

    @Test
    @DisplayName("another tenant's requests are never found or counted")
    void tenantScoped() {
        seed(83, 30);
        RequestSelection all = select(q().build(), Optional.empty(), 1000);
        assertEquals(30, tx(tx -> tx.findRequests(tenant, all)).size());
        assertEquals(10, (long) tx(tx -> tx.countRequests(otherTenant, all)));
        assertTrue(tx(tx -> tx.findRequests(otherTenant, all)).stream().allMatch(r -> r.tenant().equals(otherTenant)));
    }
}
