package dev.supportkit.core.internal.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.resolution.EquipmentCheck;
import dev.supportkit.api.scheduling.TrainingRecord;
import dev.supportkit.api.scheduling.TrainingSession;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Equipment checks (C/03.6), configuration help (C/02.6) and training of the customer's staff (C/02.6). */
class ChecksAndTrainingTest {
    private final EngineFixture fx = new EngineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private JournalEntry last(Request request) {
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, request.id());
        return entries.get(entries.size() - 1);
    }

    @Test
    @DisplayName("a remote check is journalled internal under C/03.6 with its findings and measurements in order")
    void check() {
        Request request = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request checked = fx.engine.resolution().recordCheck(fx.engineer, request.ref(),
                EquipmentCheck.remote("PSU output sags under load").of(fx.psu).measured("PSU output, V", "10.9")
                        .measured("Fan, rpm", "0"));
        JournalEntry entry = last(checked);
        assertEquals(LaborFunction.C_03_6, entry.function());
        assertEquals(Visibility.INTERNAL, entry.visibility());
        RequestEvent.EquipmentChecked event = (RequestEvent.EquipmentChecked) entry.event();
        assertEquals(List.of(new EquipmentCheck.Measurement("PSU output, V", "10.9"),
                new EquipmentCheck.Measurement("Fan, rpm", "0")), event.measurements());
        assertEquals(fx.psu, event.component());
        ValidationException blank = assertThrows(ValidationException.class, () -> fx.engine.resolution()
                .recordCheck(fx.engineer, checked.ref(), EquipmentCheck.onSite(" ")));
        assertEquals("check.findings", blank.errors().get(0).field());
    }

    @Test
    @DisplayName("a configuration request is resolved as C/02.6, any other at second line as C/03.6")
    void configurationHelpIsCodedC026() {
        Request configuration = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE,
                fx.draft().category("configuration.software"));
        Request resolved = fx.engine.resolution().resolve(fx.engineer, configuration.ref(),
                ResolutionReport.of("Configured call forwarding groups 1-3", "Initial configuration"));
        assertEquals(LaborFunction.C_02_6, last(resolved).function());
        Request repair = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request fixed = fx.engine.resolution().resolve(fx.engineer, repair.ref(),
                ResolutionReport.of("Restarted the trunk", "Trunk hung"));
        assertEquals(LaborFunction.C_03_6, last(fixed).function());
    }

    @Test
    @DisplayName("a training is journalled C/02.6 for the customer and listed per organisation and attendee")
    void training() {
        Request request = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        TrainingSession session = new TrainingSession("Call forwarding and voicemail", List.of(fx.rep),
                fx.clock.instant().minus(Duration.ofHours(2)), Duration.ofMinutes(90),
                "Irina sets up forwarding groups and voicemail boxes herself", List.of("NT-PBX 300 user guide, ch. 4"));
        Request trained = fx.engine.scheduling().recordTraining(fx.engineer, request.ref(), session);
        assertEquals(LaborFunction.C_02_6, last(trained).function());
        assertEquals(Visibility.CUSTOMER_VISIBLE, last(trained).visibility());

        List<TrainingRecord> ofOrganization = fx.engine.scheduling().trainings(fx.customer, fx.org);
        assertEquals(1, ofOrganization.size());
        assertEquals(session, ofOrganization.get(0).session());
        assertEquals(fx.engineer.id(), ofOrganization.get(0).trainer());
        assertEquals(ofOrganization, fx.engine.scheduling().trainingsOf(fx.intakeLead, fx.rep));
        assertEquals(List.of(), fx.engine.scheduling().trainings(fx.otherCustomer, fx.org), "not theirs");
        assertEquals(List.of(), fx.engine.scheduling().trainingsOf(fx.intakeLead, fx.otherOrgRep));

        ValidationException stranger = assertThrows(ValidationException.class, () -> fx.engine.scheduling()
                .recordTraining(fx.engineer, trained.ref(), new TrainingSession("x", List.of(fx.otherOrgRep),
                        fx.clock.instant(), Duration.ofMinutes(30), "x", List.of())));
        assertEquals("training.attendees", stranger.errors().get(0).field());
        assertEquals("of-organization", stranger.errors().get(0).rule());
        ValidationException future = assertThrows(ValidationException.class, () -> fx.engine.scheduling()
                .recordTraining(fx.engineer, trained.ref(), new TrainingSession("x", List.of(fx.rep),
                        fx.clock.instant().plus(Duration.ofDays(1)), Duration.ofMinutes(30), "x", List.of())));
        assertEquals("training.heldAt", future.errors().get(0).field());
        assertTrue(fx.engine.journal().entries(fx.customer, request.id()).stream()
                .anyMatch(e -> e.event() instanceof RequestEvent.TrainingGiven));
        assertEquals(1, fx.engine.scheduling().trainings(fx.admin, fx.org).size(), "refusals kept nothing");
    }
}
