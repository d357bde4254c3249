package dev.supportkit.core.internal.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.reports.Figure;
import dev.supportkit.api.reports.Proposal;
import dev.supportkit.api.reports.ProposalKind;
import dev.supportkit.api.reports.ProposalQuery;
import dev.supportkit.api.reports.StaffingHour;
import dev.supportkit.api.request.AssigneeFilter;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.spi.storage.FailureRow;
import dev.supportkit.spi.storage.TimeRecord;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The proposals' figures from data written straight into a store, with known answers. */
class ProposalsTest {
    /** A Monday. */
    private static final Instant MONDAY = Instant.parse("2026-03-09T00:00:00Z");
    private final InMemoryStorageProvider store = new InMemoryStorageProvider();
    private final TenantId tenant = StorageFixtures.tenant();
    private final Actor lead = Actor.staff("lead", "Lead", Role.GROUP_LEAD, tenant);
    private final Proposals proposals = new Proposals(null);
    private final ProposalQuery twoWeeks = ProposalQuery.builder().period(MONDAY, MONDAY.plus(Duration.ofDays(14)))
            .zone(ZoneOffset.UTC).target(0.8, Duration.ofSeconds(20)).failureThreshold(3).imbalanceFactor(1.5)
            .build();

    @AfterEach
    void close() {
        store.close();
    }

    private Request request(String assignee, Instant registered) {
        Request r = StorageFixtures.request(tenant, StorageFixtures.requestId(), OrganizationId.of("org-1"),
                RequestStatus.REGISTERED, SupportLine.FIRST_LINE, registered);
        return assignee == null ? r : r.toBuilder().assignee(SpecialistId.of(assignee)).build();
    }

    @Test
    @DisplayName("staffing: arrivals per hour of the week over the period and the recorded handling time")
    void staffingFromArrivalsAndHandlingTime() {
        store.inTransaction(tx -> {
            // Mondays 09:00-10:00: 40 arrivals on each of the two Mondays, 3 minutes recorded for each
            for (int week = 0; week < 2; week++) {
                for (int i = 0; i < 40; i++) {
                    Request r = request("spc-" + (i % 4), MONDAY.plus(Duration.ofDays(7L * week))
                            .plus(Duration.ofHours(9)).plusSeconds(i * 60L));
                    tx.insertRequest(r);
                    tx.insertTimeRecord(new TimeRecord(tenant, "t-" + r.id().value(), r.id(),
                            SpecialistId.of("spc-1"), LaborFunction.A_02_3, Duration.ofMinutes(3), "answer", "",
                            r.registeredAt()));
                }
            }
            return null;
        });
        List<StaffingHour> week = store.inTransaction(tx -> proposals.staffing(tx, lead, twoWeeks));
        assertEquals(168, week.size());
        StaffingHour monday9 = week.get(9);
        assertEquals(DayOfWeek.MONDAY, monday9.day());
        assertEquals(9, monday9.hour());
        assertEquals(80, monday9.arrivals());
        assertEquals(40.0, monday9.arrivalRate(), 1e-9, "80 arrivals over two Monday 09:00 hours");
        assertEquals(Duration.ofMinutes(3), monday9.handlingTime());
        assertEquals(2.0, monday9.load(), 1e-9, "40 per hour times 3 minutes");
        assertEquals(4, monday9.specialists(), "Erlang C: 4 answer 86 % within 20 s, 3 only 60 %");
        assertEquals(0, week.get(10).specialists());
        Proposal staffing = proposals.staffingProposal(week, twoWeeks).orElseThrow();
        assertEquals(ProposalKind.STAFFING, staffing.kind());
        assertTrue(staffing.figures().contains(new Figure("handling time", "3 min")), staffing.figures().toString());
        assertTrue(staffing.figures().stream().anyMatch(f -> f.name().equals("Mon 09:00")
                && f.value().startsWith("4 specialists")), staffing.figures().toString());
    }

    @Test
    @DisplayName("no time recorded: no staffing figures and no staffing proposal")
    void noTimeNoStaffing() {
        store.inTransaction(tx -> {
            tx.insertRequest(request("spc-1", MONDAY.plus(Duration.ofHours(9))));
            return null;
        });
        List<StaffingHour> week = store.inTransaction(tx -> proposals.staffing(tx, lead, twoWeeks));
        assertEquals(List.of(), week);
        assertTrue(proposals.staffingProposal(week, twoWeeks).isEmpty());
    }

    @Test
    @DisplayName("a component failing three times is worth a vendor case; two failures are not")
    void repeatedFailuresProposeAVendorCase() {
        store.inTransaction(tx -> {
            RequestId r = request(null, MONDAY).id();
            tx.insertRequest(request(null, MONDAY).toBuilder().id(r).build());
            for (int i = 0; i < 3; i++) {
                tx.insertFailure(new FailureRow(tenant, "f" + i, r, "NT-PBX 300", ComponentId.of("psu"), null,
                        i == 0 ? "power.surge" : "power.wear", MONDAY.plus(Duration.ofHours(i)),
                        MONDAY.plus(Duration.ofHours(i + 1)), "", "x", MONDAY));
            }
            for (int i = 0; i < 2; i++) {
                tx.insertFailure(new FailureRow(tenant, "g" + i, r, "NT-PBX 300", ComponentId.of("fan"), null,
                        "wear", MONDAY.plus(Duration.ofHours(i)), MONDAY.plus(Duration.ofHours(i + 1)), "", "x",
                        MONDAY));
            }
            return null;
        });
        List<Proposal> cases = store.inTransaction(tx -> proposals.vendorEscalations(tx, tenant, twoWeeks));
        assertEquals(List.of("NT-PBX 300 / psu"), cases.stream().map(Proposal::subject).toList());
        assertEquals(List.of(new Figure("failures", "3"), new Figure("cause power.surge", "1"),
                new Figure("cause power.wear", "2")), cases.get(0).figures());
        assertEquals("NT-PBX 300", cases.get(0).requests().model().orElseThrow());
    }

    @Test
    @DisplayName("a specialist above 1.5 times the mean of received requests is overloaded")
    void routingImbalance() {
        store.inTransaction(tx -> {
            Map.of("spc-a", 10, "spc-b", 2, "spc-c", 3).forEach((who, n) -> {
                for (int i = 0; i < n; i++) {
                    tx.insertRequest(request(who, MONDAY.plus(Duration.ofHours(i))));
                }
            });
            return null;
        });
        List<Proposal> imbalance = store.inTransaction(tx -> proposals.routingImbalance(tx, tenant, twoWeeks));
        assertEquals(1, imbalance.size());
        Proposal busiest = imbalance.get(0);
        assertEquals("spc-a", busiest.subject());
        assertEquals(List.of(new Figure("received", "10"), new Figure("mean received", "5.0"),
                new Figure("specialists", "3"), new Figure("backlog", "10")), busiest.figures());
        assertEquals(AssigneeFilter.of(SpecialistId.of("spc-a")), busiest.requests().assignee());
    }
}
