package dev.supportkit.core.internal.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.escalation.VendorCase;
import dev.supportkit.api.escalation.VendorMessage;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.VendorCaseState;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Vendor escalation (D/01.7): the request stays at second line and carries its vendor case. */
class VendorEscalationTest {
    private final EngineFixture fx = new EngineFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    private Request atSecondLine() {
        return fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
    }

    private List<JournalEntry> journal(Request r) {
        return fx.engine.journal().entries(fx.auditor, r.id());
    }

    private static Set<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("the vendor case is internal: the customer's view of the request has none, staff see it")
    void vendorCaseHiddenFromCustomer() {
        Request escalated = fx.engine.escalation().escalateToVendor(fx.groupLead, atSecondLine().ref(),
                new VendorCase(null, "NT-4711", "internal: PSU-300 firmware bug"));
        assertTrue(fx.engine.quality().request(fx.auditor, escalated.id()).vendorCase().isPresent());
        Request seen = fx.engine.quality().request(fx.customer, escalated.id());
        assertTrue(seen.vendorCase().isEmpty(), "the customer does not see the vendor case");
        assertEquals(escalated.version(), seen.version(), "the same version of the request");
        assertTrue(fx.engine.quality().requests(fx.customer, dev.supportkit.api.request.RequestQuery.builder()
                .limit(1000).build()).stream().allMatch(r -> r.vendorCase().isEmpty()), "nor in a list");
    }

    @Test
    @DisplayName("escalate, correspond, answer: stays at second line, journalled D/01.7, promised date on the request")
    void happyPath() {
        Request r = atSecondLine();
        int before = journal(r).size();

        Request escalated = fx.engine.escalation().escalateToVendor(fx.groupLead, r.ref(),
                new VendorCase(null, null, "PSU-300 fails after firmware 3.1"));
        assertEquals(RequestStatus.AT_SECOND_LINE, escalated.status());
        assertEquals(SupportLine.SECOND_LINE, escalated.line());
        VendorCaseState opened = escalated.vendorCase().orElseThrow();
        assertEquals("Nordtel", opened.vendor(), "defaults to the supported system's vendor");
        assertNull(opened.caseNumber());
        assertTrue(opened.open());
        assertEquals(fx.clock.instant(), opened.openedAt());

        Instant promised = fx.clock.instant().plus(Duration.ofDays(3));
        fx.clock.advance(Duration.ofMinutes(5));
        Request corresponded = fx.engine.escalation().recordVendorCorrespondence(fx.engineer, escalated.ref(),
                new VendorMessage(VendorMessage.Direction.IN, "Case registered, fix promised", "NT-4711", promised));
        assertEquals(promised, corresponded.vendorCase().orElseThrow().promisedDate());
        assertEquals("NT-4711", corresponded.vendorCase().orElseThrow().caseNumber());
        assertEquals(1, corresponded.vendorCase().orElseThrow().messages());

        Request again = fx.engine.escalation().recordVendorCorrespondence(fx.groupLead, corresponded.ref(),
                VendorMessage.of(VendorMessage.Direction.OUT, "Logs sent"));
        assertEquals("NT-4711", again.vendorCase().orElseThrow().caseNumber(), "kept when the message names none");
        assertEquals(promised, again.vendorCase().orElseThrow().promisedDate(), "kept when the message names none");
        assertEquals(promised, fx.engine.quality().request(fx.auditor, r.id()).vendorCase().orElseThrow()
                .promisedDate(), "the stored request shows the vendor's promised date");

        Request answered = fx.engine.escalation().recordVendorAnswer(fx.engineer, again.ref(),
                "Firmware 3.2 fixes the PSU monitoring");
        VendorCaseState closed = answered.vendorCase().orElseThrow();
        assertFalse(closed.open());
        assertEquals("Firmware 3.2 fixes the PSU monitoring", closed.answer());
        assertEquals(RequestStatus.AT_SECOND_LINE, answered.status());

        List<JournalEntry> added = journal(r).subList(before, journal(r).size());
        assertEquals(List.of(RequestEvent.VendorEscalated.class, RequestEvent.VendorCorrespondence.class,
                RequestEvent.VendorCorrespondence.class, RequestEvent.VendorAnswered.class),
                added.stream().map(e -> e.event().getClass()).toList());
        for (JournalEntry e : added) {
            assertEquals(LaborFunction.D_01_7, e.function(), e.toString());
            assertEquals("D/01.7", e.function().code());
            assertEquals(Visibility.INTERNAL, e.visibility(), e.toString());
        }
        assertEquals(new RequestEvent.VendorCorrespondence(VendorMessage.Direction.IN,
                "Case registered, fix promised", "NT-4711", promised), added.get(1).event());
        assertTrue(fx.engine.journal().entries(fx.customer, r.id()).stream()
                .noneMatch(e -> e.event() instanceof RequestEvent.VendorEscalated), "vendor entries are internal");

        Request reEscalated = fx.engine.escalation().escalateToVendor(fx.groupLead, answered.ref(),
                new VendorCase("Nordtel Service", "NT-5000", "Firmware 3.2 does not install"));
        assertTrue(reEscalated.vendorCase().orElseThrow().open(), "a new case may be opened once answered");
        assertEquals("Nordtel Service", reEscalated.vendorCase().orElseThrow().vendor());
    }

    @Test
    @DisplayName("every invalid field of a vendor case or message is reported at once, and nothing changes")
    void validation() {
        Request r = atSecondLine();
        ValidationException e = assertThrows(ValidationException.class, () -> fx.engine.escalation()
                .escalateToVendor(fx.groupLead, r.ref(), new VendorCase(" ", "x".repeat(101), "")));
        assertEquals(Set.of("vendor.vendor", "vendor.caseNumber", "vendor.summary"), fields(e));
        assertEquals(r, fx.engine.quality().request(fx.auditor, r.id()));

        ValidationException none = assertThrows(ValidationException.class, () -> fx.engine.escalation()
                .escalateToVendor(fx.groupLead, r.ref(), null));
        assertEquals(Set.of("vendor"), fields(none));

        Request open = fx.engine.escalation().escalateToVendor(fx.groupLead, r.ref(),
                new VendorCase(null, null, "PSU"));
        ValidationException message = assertThrows(ValidationException.class, () -> fx.engine.escalation()
                .recordVendorCorrespondence(fx.engineer, open.ref(), new VendorMessage(null, " ", "  ",
                        fx.clock.instant().minusSeconds(60))));
        assertEquals(Set.of("vendor.direction", "vendor.text", "vendor.caseNumber", "vendor.promisedDate"),
                fields(message));
        ValidationException answer = assertThrows(ValidationException.class, () -> fx.engine.escalation()
                .recordVendorAnswer(fx.engineer, open.ref(), "a".repeat(4001)));
        assertEquals(Set.of("vendor.answer"), fields(answer));
        assertEquals(open, fx.engine.quality().request(fx.auditor, r.id()));
    }

    @Test
    @DisplayName("without a supported system on the request the vendor must be named")
    void vendorRequiredWithoutSystem() {
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().system(null).build());
        r = fx.engine.intake().takeIntoWork(fx.operator, r.ref());
        Request second = fx.engine.escalation().redirect(fx.operator, r.ref(),
                RedirectTarget.secondLine(fx.telephony), "hardware");
        ValidationException e = assertThrows(ValidationException.class, () -> fx.engine.escalation()
                .escalateToVendor(fx.groupLead, second.ref(), new VendorCase(null, null, "PSU")));
        assertEquals(Set.of("vendor.vendor"), fields(e));
        Request named = fx.engine.escalation().escalateToVendor(fx.groupLead, second.ref(),
                new VendorCase("Nordtel", null, "PSU"));
        assertEquals("Nordtel", named.vendorCase().orElseThrow().vendor());
    }

    @Test
    @DisplayName("vendor actions outside second line, or with the wrong vendor-case state, are invalid transitions")
    void wrongState() {
        Request first = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        InvalidTransitionException notAtSecond = assertThrows(InvalidTransitionException.class, () -> fx.engine
                .escalation().escalateToVendor(fx.groupLead, first.ref(), new VendorCase(null, null, "PSU")));
        assertEquals("IN_PROGRESS_FIRST_LINE", notAtSecond.currentState());

        Request r = atSecondLine();
        assertThrows(InvalidTransitionException.class, () -> fx.engine.escalation()
                .recordVendorCorrespondence(fx.engineer, r.ref(), VendorMessage.of(VendorMessage.Direction.OUT, "?")));
        assertThrows(InvalidTransitionException.class, () -> fx.engine.escalation()
                .recordVendorAnswer(fx.engineer, r.ref(), "answer"));
        assertEquals(r, fx.engine.quality().request(fx.auditor, r.id()));

        Request open = fx.engine.escalation().escalateToVendor(fx.groupLead, r.ref(), new VendorCase(null, null, "PSU"));
        InvalidTransitionException twice = assertThrows(InvalidTransitionException.class, () -> fx.engine
                .escalation().escalateToVendor(fx.groupLead, open.ref(), new VendorCase(null, null, "again")));
        assertTrue(twice.currentState().contains("open vendor case"), twice.getMessage());
        int journal = journal(r).size();

        Request answered = fx.engine.escalation().recordVendorAnswer(fx.groupLead, open.ref(), "done");
        assertThrows(InvalidTransitionException.class, () -> fx.engine.escalation()
                .recordVendorAnswer(fx.groupLead, answered.ref(), "again"));
        assertEquals(journal + 1, journal(r).size());

        Request waiting = fx.engine.resolution().requestClarification(fx.engineer, answered.ref(), "Which PSU?");
        assertThrows(InvalidTransitionException.class, () -> fx.engine.escalation()
                .escalateToVendor(fx.groupLead, waiting.ref(), new VendorCase(null, null, "PSU")));
    }
}
