package dev.supportkit.core.internal.intake;

import static dev.supportkit.core.internal.intake.IntakeSamples.PBX;
import static dev.supportkit.core.internal.intake.IntakeSamples.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.QuestionnaireRef;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.testing.EngineFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A contact about a system the customer already has an open request about is attached to that request (A/01.3:
 * register contacts, creating or attaching to a request), unless the operator asks for a new request; the
 * answers of an attached contact are merged into the request's.
 */
class IntakeAttachTest {
    private EngineFixture fx = new EngineFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    private int requestCount() {
        return fx.engine.quality().requests(fx.auditor, RequestQuery.builder().limit(1000).build()).size();
    }

    private Request read(Request r) {
        return fx.engine.quality().request(fx.auditor, r.id());
    }

    private JournalEntry last(Request r) {
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, r.id());
        return entries.get(entries.size() - 1);
    }

    @Test
    @DisplayName("a contact about the same system goes to the most recent open request of the organisation")
    void attachesToMostRecentOpenRequest() {
        Request older = fx.registered();
        Request newer = fx.requestIn(RequestStatus.WAITING_FOR_CUSTOMER, SupportLine.SECOND_LINE);
        int before = requestCount();

        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().subject("Still no calls")
                .text("Nothing changed since this morning").build());

        assertEquals(newer.id(), r.id());
        assertEquals(newer.version() + 1, r.version());
        assertEquals(RequestStatus.WAITING_FOR_CUSTOMER, r.status(), "attaching does not move the request");
        assertEquals(before, requestCount(), "no new request");
        assertEquals(2, fx.engine.intake().contacts(fx.auditor, r.id()).size());
        JournalEntry attached = last(r);
        assertTrue(attached.event() instanceof RequestEvent.ContactAttached, attached.toString());
        assertTrue(attached.description().contains("open request about the same system"), attached.description());
        assertEquals(older, read(older), "the older request is untouched");
    }

    @Test
    @DisplayName("the operator's newRequest(true) and an explicit attachTo override the automatic choice")
    void overrides() {
        Request older = fx.registered();
        Request newer = fx.registered();

        Request fresh = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).build());
        assertNotEquals(older.id(), fresh.id());
        assertNotEquals(newer.id(), fresh.id());
        assertEquals(1, fresh.version());

        Request chosen = fx.engine.intake().registerContact(fx.operator, fx.draft().subject(null)
                .text("About the first one").attachTo(older.id()).build());
        assertEquals(older.id(), chosen.id());
        assertTrue(!last(chosen).description().contains("open request about the same system"));
    }

    @Test
    @DisplayName("resolved, signed-off and closed requests are not open: the contact registers a new request")
    void onlyOpenRequests() {
        Request resolved = fx.requestIn(RequestStatus.RESOLVED, SupportLine.FIRST_LINE);
        fx.requestIn(RequestStatus.SIGNED_OFF, SupportLine.SECOND_LINE);
        fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
        int before = requestCount();

        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().build());

        assertEquals(1, r.version());
        assertEquals(before + 1, requestCount());
        assertEquals(resolved, read(resolved));
    }

    @Test
    @DisplayName("another system, no system, or another organisation's request: a new request")
    void onlySameSystemAndOrganization() {
        SystemId cctv = SystemId.of("sys-cctv");
        fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(cctv, fx.org, "CCTV", "Vision", "V-100", false,
                List.of(new SystemComponent(ComponentId.of("cmp-camera"), ComponentKind.HARDWARE, "CAM", "1",
                        fx.site))));
        Request pbx = fx.registered();
        Request theirs = fx.engine.intake().registerContact(fx.otherCustomer, fx.draft().organization(fx.otherOrg)
                .representative(fx.otherOrgRep).system(null).build());

        assertEquals(1, fx.engine.intake().registerContact(fx.operator, fx.draft().system(cctv).build()).version());
        assertEquals(1, fx.engine.intake().registerContact(fx.operator, fx.draft().system(null).build()).version());
        assertEquals(pbx, read(pbx));
        assertEquals(theirs, read(theirs));
    }

    @Test
    @DisplayName("a customer's own contact is attached the same way")
    void customerSelfService() {
        Request open = fx.registered();
        Request r = fx.engine.intake().registerContact(fx.customer, fx.draft().build());
        assertEquals(open.id(), r.id());
    }

    @Test
    @DisplayName("supportkit.intake.attach-to-open-request = false registers every contact as a new request")
    void turnedOff() {
        fx.close();
        fx = new EngineFixture(Map.of("supportkit.intake.attach-to-open-request", "false"));
        Request open = fx.registered();
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().build());
        assertNotEquals(open.id(), r.id());
        assertEquals(open, read(open));
    }

    @Test
    @DisplayName("answers on an attached contact are checked against the request's version and merged into its answers")
    void answersMerged() {
        fx.engine.intake().defineQuestionnaire(fx.admin, IntakeSamples.pbx(1));
        Request open = fx.engine.intake().registerContact(fx.operator, fx.draft().answer("users-affected", "all")
                .answer("whole-office", "yes").answer("handsets", "3").build());

        Request noAnswers = fx.engine.intake().registerContact(fx.operator, fx.draft().build());
        assertEquals(open.id(), noAnswers.id(), "a further contact need not answer the required questions again");
        assertEquals(open.intake(), noAnswers.intake());

        Request merged = fx.engine.intake().registerContact(fx.operator, fx.draft().answer("users-affected", "several")
                .answer("symptoms", "busy-tone").build());
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("users-affected", List.of("several"));
        expected.put("symptoms", List.of("busy-tone"));
        expected.put("handsets", List.of("3"));
        assertEquals(expected, merged.intake().answers(), "changed, added, kept; whole-office is no longer asked");
        assertEquals(Optional.of(new QuestionnaireRef(PBX, 1)), merged.intake().questionnaire());
        assertTrue(last(merged).description().contains("answers now users-affected=several, symptoms=busy-tone, "
                + "handsets=3"), last(merged).description());

        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, fx.draft().answer("whole-office", "no")
                .answer("handsets", "0").build()), "answers.whole-office not-asked", "answers.handsets min");
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, fx.draft()
                .questionnaire(QuestionnaireId.of("q-other")).build()), "contact.questionnaire same-as-request");
        assertEquals(merged, read(merged), "rejected contacts change nothing");
        assertEquals(3, fx.engine.intake().contacts(fx.auditor, open.id()).size());
    }

    @Test
    @DisplayName("a request taken without a questionnaire takes the one that applies with the first answers")
    void requestWithoutQuestionnaireAdoptsOne() {
        Request open = fx.registered();
        fx.engine.intake().defineQuestionnaire(fx.admin, IntakeSamples.pbx(1));
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().answer("handsets", "7").build());
        assertEquals(open.id(), r.id());
        assertEquals(Optional.of(new QuestionnaireRef(PBX, 1)), r.intake().questionnaire());
        assertEquals(Map.of("handsets", List.of("7")), r.intake().answers());
    }
}
