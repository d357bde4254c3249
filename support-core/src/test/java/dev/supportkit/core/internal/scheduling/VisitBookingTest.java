package dev.supportkit.core.internal.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Role;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.scheduling.TechnicianSchedule;
import dev.supportkit.api.scheduling.TimeWindow;
import dev.supportkit.api.scheduling.Visit;
import dev.supportkit.api.scheduling.VisitBooking;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.api.scheduling.VisitStatus;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Visits booked with technicians through the public API: working hours, absences, travel, moves, cancels. */
class VisitBookingTest {
    private static final SpecialistId TECH = SpecialistId.of("spc-tech");
    /** Friday 13 March 2026, 10:00 Moscow time. */
    private static final Instant FRIDAY_10 = Instant.parse("2026-03-13T07:00:00Z");

    private final EngineFixture fx = new EngineFixture();

    @BeforeEach
    void technician() {
        fx.engine.directory().saveSpecialist(fx.admin, new Specialist(TECH, "Field Technician",
                Role.SECOND_LINE_ENGINEER, fx.telephony));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Request atSecondLine() {
        return fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
    }

    private static VisitBooking booking(Instant start, Duration length) {
        return VisitBooking.builder().site(SiteIds.HQ).window(start, start.plus(length))
                .purpose(VisitPurpose.INSTALLATION).technicians(TECH).note("bring the rack").build();
    }

    private static final class SiteIds {
        static final dev.supportkit.api.directory.SiteId HQ = dev.supportkit.api.directory.SiteId.of("site-hq");
    }

    private Request book(Instant start, Duration length) {
        Request request = atSecondLine();
        return fx.engine.scheduling().bookVisit(fx.engineer, request.ref(), booking(start, length));
    }

    private String rule(org.junit.jupiter.api.function.Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        return e.errors().get(0).field() + "/" + e.errors().get(0).rule();
    }

    @Test
    @DisplayName("a booked technician is refused for an overlapping window and for the travel buffer after it")
    void noDoubleBooking() {
        Request first = book(FRIDAY_10, Duration.ofHours(2));
        Visit visit = fx.engine.scheduling().visits(fx.auditor, first.id()).get(0);
        assertEquals(List.of(TECH), visit.technicians());
        assertEquals(VisitStatus.BOOKED, visit.status());
        assertTrue(fx.engine.journal().entries(fx.customer, first.id()).stream()
                .anyMatch(e -> e.event() instanceof RequestEvent.VisitBooked), "the customer sees the booking");

        Request second = atSecondLine();
        assertEquals("visit.technicians/free", rule(() -> fx.engine.scheduling().bookVisit(fx.engineer, second.ref(),
                booking(FRIDAY_10.plus(Duration.ofHours(1)), Duration.ofHours(1)))));
        assertEquals("visit.technicians/free", rule(() -> fx.engine.scheduling().bookVisit(fx.engineer, second.ref(),
                booking(FRIDAY_10.plus(Duration.ofMinutes(135)), Duration.ofHours(1)))),
                "15 minutes after the end is inside the 30-minute travel buffer");
        assertEquals("visit.technicians/free", rule(() -> fx.engine.scheduling().bookVisit(fx.engineer, second.ref(),
                booking(FRIDAY_10.minus(Duration.ofHours(1)), Duration.ofMinutes(45)))),
                "a visit ending 15 minutes before needs its own travel buffer");
        assertEquals(second, fx.engine.quality().request(fx.auditor, second.id()), "nothing written");
        fx.engine.scheduling().bookVisit(fx.engineer, second.ref(), booking(FRIDAY_10.plus(Duration.ofMinutes(150)),
                Duration.ofHours(1)));
        assertEquals(2, fx.engine.scheduling().technicianVisits(fx.groupLead, TECH, FRIDAY_10,
                FRIDAY_10.plus(Duration.ofDays(1))).size());
    }

    @Test
    @DisplayName("moving or cancelling a visit frees its old window; the customer is told each change")
    void rescheduleAndCancel() {
        Request first = book(FRIDAY_10, Duration.ofHours(2));
        String visitId = fx.engine.scheduling().visits(fx.auditor, first.id()).get(0).id();
        Request moved = fx.engine.scheduling().rescheduleVisit(fx.engineer, first.ref(), visitId,
                FRIDAY_10.plus(Duration.ofDays(3)), FRIDAY_10.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)),
                "the customer's office is closed on Friday");
        Request other = book(FRIDAY_10, Duration.ofHours(2));
        assertEquals(1, fx.engine.scheduling().visits(fx.auditor, other.id()).size(), "the old window is free");

        Request cancelled = fx.engine.scheduling().cancelVisit(fx.engineer, moved.ref(), visitId, "not needed");
        assertEquals(VisitStatus.CANCELLED, fx.engine.scheduling().visits(fx.auditor, cancelled.id()).get(0).status());
        book(FRIDAY_10.plus(Duration.ofDays(3)), Duration.ofHours(2));
        assertEquals("visit/booked", rule(() -> fx.engine.scheduling().cancelVisit(fx.engineer, cancelled.ref(),
                visitId, "again")));
        assertThrows(NotFoundException.class, () -> fx.engine.scheduling().cancelVisit(fx.engineer, cancelled.ref(),
                "no-such-visit", "x"));

        fx.engine.runDueWork();
        List<String> told = fx.engine.quality().deliveries(fx.intakeLead, first.id()).stream()
                .filter(d -> d.recipient().equals(fx.rep.value())).map(Delivery::topic).toList();
        assertTrue(told.containsAll(List.of("works.scheduled", "works.rescheduled", "works.cancelled")), told.toString());
        assertTrue(fx.engine.quality().deliveries(fx.intakeLead, first.id()).stream()
                .anyMatch(d -> d.recipient().equals(TECH.value()) && d.topic().equals("visit.assigned")));
    }

    @Test
    @DisplayName("working hours and absences bound bookings and the free windows offered")
    void scheduleBoundsBookingsAndOffers() {
        fx.engine.scheduling().saveTechnicianSchedule(fx.admin, new TechnicianSchedule(TECH, "ru-production-5x8",
                List.of(new TechnicianSchedule.Absence(FRIDAY_10.plus(Duration.ofHours(4)),
                        FRIDAY_10.plus(Duration.ofHours(5)), "doctor"))));
        Request request = atSecondLine();
        var scheduling = fx.engine.scheduling();
        assertEquals("visit.technicians/working-hours", rule(() -> scheduling.bookVisit(fx.engineer, request.ref(),
                booking(FRIDAY_10.minus(Duration.ofHours(6)), Duration.ofHours(1)))), "04:00 Moscow time");
        assertEquals("visit.technicians/absent", rule(() -> scheduling.bookVisit(fx.engineer, request.ref(),
                booking(FRIDAY_10.plus(Duration.ofHours(4)), Duration.ofHours(1)))));
        assertEquals("visit.start/granularity", rule(() -> scheduling.bookVisit(fx.engineer, request.ref(),
                booking(FRIDAY_10.plus(Duration.ofMinutes(5)), Duration.ofHours(1)))));
        assertEquals("visit.start/not-in-past", rule(() -> scheduling.bookVisit(fx.engineer, request.ref(),
                booking(fx.clock.instant().minus(Duration.ofHours(1)), Duration.ofHours(1)))));
        assertEquals("schedule.calendar/exists", rule(() -> scheduling.saveTechnicianSchedule(fx.admin,
                new TechnicianSchedule(TECH, "no-such-calendar", List.of()))));

        scheduling.bookVisit(fx.engineer, request.ref(), booking(FRIDAY_10, Duration.ofHours(1)));
        List<TimeWindow> free = scheduling.freeWindows(fx.groupLead, TECH, FRIDAY_10,
                FRIDAY_10.plus(Duration.ofHours(6)), Duration.ofHours(1));
        for (TimeWindow window : free) {
            assertTrue(!window.start().isBefore(FRIDAY_10.plus(Duration.ofMinutes(90))), "clear of the visit and the"
                    + " travel buffer: " + window);
            assertTrue(!window.end().isAfter(FRIDAY_10.plus(Duration.ofHours(4)))
                    || !window.start().isBefore(FRIDAY_10.plus(Duration.ofHours(5))), "outside the absence: " + window);
        }
        assertTrue(free.contains(new TimeWindow(FRIDAY_10.plus(Duration.ofMinutes(90)),
                FRIDAY_10.plus(Duration.ofMinutes(150)))), free.toString());
        Request other = atSecondLine();
        TimeWindow offered = free.get(0);
        scheduling.bookVisit(fx.engineer, other.ref(), booking(offered.start(), Duration.ofHours(1)));
    }
}
