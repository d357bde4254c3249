package dev.supportkit.core.internal.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Role;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.scheduling.TimeWindow;
import dev.supportkit.api.scheduling.Visit;
import dev.supportkit.api.scheduling.VisitBooking;
import dev.supportkit.api.scheduling.VisitOffer;
import dev.supportkit.api.scheduling.VisitOfferQuery;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Windows offered to the customer and confirmed by them, through the public API. */
class VisitOfferTest {
    private static final SpecialistId TECH = SpecialistId.of("spc-tech");
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

    private VisitOfferQuery query() {
        return VisitOfferQuery.builder().site(fx.site).purpose(VisitPurpose.REPAIR).technicians(TECH, SpecialistId.of(
                "spc-viktor")).length(Duration.ofHours(1)).between(FRIDAY_10, FRIDAY_10.plus(Duration.ofHours(4)))
                .maxSlots(3).build();
    }

    private String rule(org.junit.jupiter.api.function.Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        return e.errors().get(0).field() + "/" + e.errors().get(0).rule();
    }

    @Test
    @DisplayName("offered windows avoid the technicians' visits; the customer confirms one and the visit is booked")
    void offerAndConfirm() {
        Request other = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        fx.engine.scheduling().bookVisit(fx.engineer, other.ref(), VisitBooking.builder().site(fx.site)
                .window(FRIDAY_10, FRIDAY_10.plus(Duration.ofHours(1))).purpose(VisitPurpose.REPAIR)
                .technicians(SpecialistId.of("spc-viktor")).build());

        Request request = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request offered = fx.engine.scheduling().offerVisit(fx.engineer, request.ref(), query());
        VisitOffer offer = fx.engine.scheduling().visitOffers(fx.customer, request.id()).get(0);
        assertEquals(List.of(new TimeWindow(FRIDAY_10.plus(Duration.ofMinutes(90)), FRIDAY_10.plus(Duration.ofMinutes(150))),
                new TimeWindow(FRIDAY_10.plus(Duration.ofMinutes(105)), FRIDAY_10.plus(Duration.ofMinutes(165))),
                new TimeWindow(FRIDAY_10.plus(Duration.ofMinutes(120)), FRIDAY_10.plus(Duration.ofMinutes(180)))),
                offer.slots(), "Viktor's visit until 11:00 and the travel buffer until 11:30 come first");
        assertFalse(offer.confirmed());

        assertEquals("offer.window/offered", rule(() -> fx.engine.scheduling().confirmVisit(fx.customer,
                offered.ref(), offer.id(), new TimeWindow(FRIDAY_10, FRIDAY_10.plus(Duration.ofHours(1))))));
        assertThrows(AccessDeniedException.class, () -> fx.engine.scheduling().confirmVisit(fx.engineer,
                offered.ref(), offer.id(), offer.slots().get(1)), "the customer confirms");
        Request confirmed = fx.engine.scheduling().confirmVisit(fx.customer, offered.ref(), offer.id(),
                offer.slots().get(1));
        Visit visit = fx.engine.scheduling().visits(fx.auditor, request.id()).get(0);
        assertEquals(offer.slots().get(1).start(), visit.start());
        assertEquals(List.of(TECH, SpecialistId.of("spc-viktor")), visit.technicians());
        assertTrue(fx.engine.scheduling().visitOffers(fx.auditor, request.id()).get(0).confirmed());
        assertEquals("offer/open", rule(() -> fx.engine.scheduling().confirmVisit(fx.customer, confirmed.ref(),
                offer.id(), offer.slots().get(2))));
        assertThrows(NotFoundException.class, () -> fx.engine.scheduling().confirmVisit(fx.customer,
                confirmed.ref(), "no-such-offer", offer.slots().get(2)));
    }

    @Test
    @DisplayName("an expired offer, or a window taken since, is refused; nothing is booked")
    void expiredOrTaken() {
        Request request = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request offered = fx.engine.scheduling().offerVisit(fx.engineer, request.ref(), query());
        VisitOffer offer = fx.engine.scheduling().visitOffers(fx.customer, request.id()).get(0);

        Request other = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        fx.engine.scheduling().bookVisit(fx.engineer, other.ref(), VisitBooking.builder().site(fx.site)
                .window(offer.slots().get(0).start(), offer.slots().get(0).end()).purpose(VisitPurpose.REPAIR)
                .technicians(TECH).build());
        assertEquals("visit.technicians/free", rule(() -> fx.engine.scheduling().confirmVisit(fx.customer,
                offered.ref(), offer.id(), offer.slots().get(0))), "taken since the offer");

        fx.clock.advance(Duration.ofDays(1));
        assertEquals("offer/expired", rule(() -> fx.engine.scheduling().confirmVisit(fx.customer, offered.ref(),
                offer.id(), offer.slots().get(2))));
        assertEquals(List.of(), fx.engine.scheduling().visits(fx.auditor, request.id()));
        assertEquals("offer.technicians/free", rule(() -> fx.engine.scheduling().offerVisit(fx.engineer,
                offered.ref(), VisitOfferQuery.builder().site(fx.site).purpose(VisitPurpose.REPAIR).technicians(TECH)
                        .length(Duration.ofHours(2)).between(fx.clock.instant(), fx.clock.instant()
                                .plus(Duration.ofMinutes(90))).build())), "no window of two hours in ninety minutes");
    }
}
