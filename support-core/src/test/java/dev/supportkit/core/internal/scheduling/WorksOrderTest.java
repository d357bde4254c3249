package dev.supportkit.core.internal.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.Department;
import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.scheduling.WorksKind;
import dev.supportkit.api.scheduling.WorksOrder;
import dev.supportkit.api.scheduling.WorksOutcome;
import dev.supportkit.api.scheduling.WorksProposal;
import dev.supportkit.api.scheduling.WorksStatus;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Works agreed with two departments and the customer, through the public API (C/01.6). */
class WorksOrderTest {
    private static final DepartmentId INSTALL = DepartmentId.of("dep-install");
    private static final DepartmentId COMMISSION = DepartmentId.of("dep-commission");
    private static final Instant MONDAY = Instant.parse("2026-03-16T07:00:00Z");

    private final EngineFixture fx = new EngineFixture();
    private Actor ivan;
    private Actor petr;

    @BeforeEach
    void departments() {
        var dir = fx.engine.directory();
        dir.saveSpecialist(fx.admin, new Specialist(SpecialistId.of("spc-ivan"), "Ivan Installer",
                Role.SECOND_LINE_ENGINEER, null));
        dir.saveSpecialist(fx.admin, new Specialist(SpecialistId.of("spc-petr"), "Petr Commissioner",
                Role.SECOND_LINE_ENGINEER, null));
        dir.saveDepartment(fx.admin, new Department(INSTALL, "Installation", "installation",
                List.of(SpecialistId.of("spc-ivan"))));
        dir.saveDepartment(fx.admin, new Department(COMMISSION, "Commissioning", "commissioning",
                List.of(SpecialistId.of("spc-petr"))));
        for (DepartmentId department : List.of(INSTALL, COMMISSION)) {
            dir.savePreferences(fx.admin, new DeliveryPreferences(department.value(), List.of(new ContactPoint(
                    Channel.EMAIL, department.value() + "@nordtel.example")), null, Locale.forLanguageTag("ru")));
        }
        ivan = Actor.staff("spc-ivan", "Ivan Installer", Role.SECOND_LINE_ENGINEER, fx.tenant);
        petr = Actor.staff("spc-petr", "Petr Commissioner", Role.SECOND_LINE_ENGINEER, fx.tenant);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private WorksProposal installation() {
        return WorksProposal.builder(WorksKind.INSTALLATION).site(fx.site)
                .window(MONDAY, MONDAY.plus(Duration.ofHours(4))).departments(INSTALL, COMMISSION)
                .signOffRequired().note("Rack and PBX").build();
    }

    private static WorksOrder only(Request request) {
        assertEquals(1, request.works().size());
        return request.works().get(0);
    }

    private JournalEntry last(Request request) {
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, request.id());
        return entries.get(entries.size() - 1);
    }

    private List<String> topicsTo(Request request, String recipient) {
        return fx.engine.quality().deliveries(fx.intakeLead, request.id()).stream()
                .filter(d -> d.recipient().equals(recipient)).map(Delivery::topic).sorted().toList();
    }

    @Test
    @DisplayName("proposed, other dates from one department, agreed by both, customer told, moved, done, signed off")
    void wholeLife() {
        Request request = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        var scheduling = fx.engine.scheduling();
        Request proposed = scheduling.proposeWorks(fx.engineer, request.ref(), installation());
        String id = only(proposed).id();
        assertEquals(WorksStatus.PROPOSED, only(proposed).status());
        assertEquals(LaborFunction.C_01_6, last(proposed).function());
        assertEquals(Visibility.INTERNAL, last(proposed).visibility());

        Request installAgreed = scheduling.agreeWorks(ivan, proposed.ref(), id, INSTALL);
        assertEquals(List.of(INSTALL), only(installAgreed).agreedBy());
        ValidationException twice = assertThrows(ValidationException.class,
                () -> scheduling.agreeWorks(ivan, installAgreed.ref(), id, INSTALL));
        assertEquals("agreed-once", twice.errors().get(0).rule());
        assertThrows(AccessDeniedException.class, () -> scheduling.agreeWorks(ivan, installAgreed.ref(), id,
                COMMISSION), "Ivan is not a person of commissioning");

        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        Request otherDates = scheduling.proposeOtherDates(petr, installAgreed.ref(), id, COMMISSION, tuesday,
                tuesday.plus(Duration.ofHours(4)), "our team is busy on Monday");
        assertEquals(List.of(COMMISSION), only(otherDates).agreedBy(), "installation must agree again");
        assertEquals(tuesday, only(otherDates).start());
        Request agreed = scheduling.agreeWorks(ivan, otherDates.ref(), id, INSTALL);
        assertEquals(WorksStatus.AGREED, only(agreed).status());
        assertEquals(new RequestEvent.WorksAgreed(id, INSTALL, true), last(agreed).event());
        assertEquals(Visibility.CUSTOMER_VISIBLE, last(agreed).visibility());

        Instant wednesday = tuesday.plus(Duration.ofDays(1));
        Request moved = scheduling.rescheduleWorks(fx.engineer, agreed.ref(), id, wednesday,
                wednesday.plus(Duration.ofHours(4)), "the customer's office is closed on Tuesday");
        Request done = scheduling.completeWorks(fx.engineer, moved.ref(), id, new WorksOutcome("Rack and PBX"
                + " installed", List.of("all 24 extensions ring", "trunk 1 and 2 up")));
        assertEquals(WorksStatus.DONE, only(done).status());
        Request signed = scheduling.signOffWorks(fx.customer, done.ref(), id, "Works fine");
        assertEquals(WorksStatus.SIGNED_OFF, only(signed).status());
        assertEquals(java.util.Optional.of(fx.rep.value()), only(signed).signedOffBy());
        assertEquals(signed, fx.engine.quality().request(fx.auditor, request.id()), "the order is on the snapshot");

        fx.engine.runDueWork();
        assertEquals(List.of("works.rescheduled", "works.scheduled"), topicsTo(signed, fx.rep.value()).stream()
                .filter(t -> t.startsWith("works.")).toList(), "the customer is told the dates and the change");
        assertEquals(List.of("works.proposed", "works.proposed", "works.rescheduled"), topicsTo(signed,
                INSTALL.value()), "installation: asked, asked again for commissioning's dates, told of the move");
        assertTrue(topicsTo(signed, COMMISSION.value()).contains("works.proposed"));
        assertTrue(fx.engine.journal().entries(fx.customer, request.id()).stream()
                .noneMatch(e -> e.event() instanceof RequestEvent.WorksProposed), "proposals are internal");
    }

    @Test
    @DisplayName("bad proposals and out-of-turn steps are refused naming the field; nothing is written")
    void refusals() {
        Request request = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        var scheduling = fx.engine.scheduling();
        ValidationException past = assertThrows(ValidationException.class, () -> scheduling.proposeWorks(
                fx.engineer, request.ref(), WorksProposal.builder(WorksKind.COMMISSIONING).site(fx.site)
                        .window(fx.clock.instant().minusSeconds(3600), fx.clock.instant()).departments(INSTALL)
                        .build()));
        assertEquals("works.start", past.errors().get(0).field());
        ValidationException unknown = assertThrows(ValidationException.class, () -> scheduling.proposeWorks(
                fx.engineer, request.ref(), WorksProposal.builder(WorksKind.COMMISSIONING).site(fx.site)
                        .window(MONDAY, MONDAY.plusSeconds(3600)).departments(DepartmentId.of("dep-ghost")).build()));
        assertEquals("works.departments", unknown.errors().get(0).field());
        assertEquals("exists", unknown.errors().get(0).rule());
        assertEquals(request, fx.engine.quality().request(fx.auditor, request.id()));

        Request proposed = scheduling.proposeWorks(fx.engineer, request.ref(), installation());
        String id = only(proposed).id();
        ValidationException notAgreed = assertThrows(ValidationException.class, () -> scheduling.completeWorks(
                fx.engineer, proposed.ref(), id, new WorksOutcome("done", List.of())));
        assertEquals("agreed", notAgreed.errors().get(0).rule());
        ValidationException notDone = assertThrows(ValidationException.class,
                () -> scheduling.signOffWorks(fx.customer, proposed.ref(), id, "ok"));
        assertEquals("done", notDone.errors().get(0).rule());
        Request cancelled = scheduling.cancelWorks(fx.engineer, proposed.ref(), id, "customer postponed the move");
        assertEquals(WorksStatus.CANCELLED, only(cancelled).status());
        assertEquals(Visibility.INTERNAL, last(cancelled).visibility(), "the customer never knew the dates");
    }
}
