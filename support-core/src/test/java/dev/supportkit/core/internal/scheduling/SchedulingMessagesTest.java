package dev.supportkit.core.internal.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.scheduling.ExecutorDeadline;
import dev.supportkit.api.scheduling.VisitPlan;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import dev.supportkit.spi.notification.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Moving a visit tells the customer; moving an executor's deadline tells the executor. */
class SchedulingMessagesTest {
    private static final SpecialistId VIKTOR = SpecialistId.of("spc-viktor");
    private final ScriptedChannelFactory email = new ScriptedChannelFactory("scripted-email", Channel.EMAIL);
    private final EngineFixture fx = new EngineFixture(Map.of(), builder -> builder.notificationChannel(email));

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> topics(Request r) {
        return fx.engine.quality().deliveries(fx.auditor, r.id()).stream().map(Delivery::topic).toList();
    }

    /** Delivers what is due and returns the one message sent to an address with a subject starting so. */
    private Notification sent(String address, String subjectStart) {
        fx.engine.runDueWork();
        List<Notification> matching = email.received.stream().filter(n -> n.address().equals(address)
                && n.subject().startsWith(subjectStart)).toList();
        assertEquals(1, matching.size(), () -> "one '" + subjectStart + "' to " + address + " in " + email.received);
        return matching.get(0);
    }

    @Test
    @DisplayName("a new plan for the same site and purpose before the visit ends is a reschedule told to the customer")
    void movedVisitTellsTheCustomer() {
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Instant start = fx.clock.instant().plus(Duration.ofDays(1));
        r = fx.engine.scheduling().scheduleVisit(fx.engineer, r.ref(), new VisitPlan(fx.site, start,
                start.plus(Duration.ofHours(2)), VisitPurpose.REPAIR, "Bring a PSU"));
        sent("irina@romashka.example", "Согласовано время работ");
        Instant later = start.plus(Duration.ofDays(2));
        r = fx.engine.scheduling().scheduleVisit(fx.engineer, r.ref(), new VisitPlan(fx.site, later,
                later.plus(Duration.ofHours(2)), VisitPurpose.REPAIR, "Parts arrive on Friday"));

        Notification moved = sent("irina@romashka.example", "Перенесено время работ по заявке «PBX does not answer»");
        assertTrue(moved.body().contains("перенесено: с 15.03.2026 09:01 MSK до 15.03.2026 11:01 MSK")
                && moved.body().contains("Parts arrive on Friday"), moved.body());

        fx.engine.scheduling().scheduleVisit(fx.engineer, r.ref(), new VisitPlan(fx.site, later,
                later.plus(Duration.ofHours(2)), VisitPurpose.INITIAL_CONFIGURATION, null));
        assertEquals(List.of("works.rescheduled", "works.scheduled", "works.scheduled"),
                topics(r).stream().filter(t -> t.startsWith("works.")).sorted().toList(),
                "a visit for another purpose is a visit of its own");
    }

    @Test
    @DisplayName("a new due time for the same executor before the old one passed tells the executor")
    void changedDeadlineTellsTheExecutor() {
        fx.engine.directory().savePreferences(fx.admin, new DeliveryPreferences(VIKTOR.value(),
                List.of(new ContactPoint(Channel.EMAIL, "viktor@support.example")), null, Locale.ENGLISH));
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Instant first = fx.clock.instant().plus(Duration.ofHours(4));
        r = fx.engine.scheduling().setExecutorDeadline(fx.groupLead, r.ref(),
                new ExecutorDeadline(VIKTOR, first, "Replace the PSU"));
        assertTrue(topics(r).stream().noneMatch("deadline.changed"::equals), "a first deadline is no change");

        Instant moved = first.plus(Duration.ofHours(20));
        r = fx.engine.scheduling().setExecutorDeadline(fx.groupLead, r.ref(),
                new ExecutorDeadline(VIKTOR, moved, "Replace the PSU"));

        Notification sent = sent("viktor@support.example", "Deadline changed for \"PBX does not answer\"");
        assertTrue(sent.body().contains("has changed: 13 Mar 2026, 09:01 MSK."), sent.body());
        assertEquals(1, topics(r).stream().filter("deadline.changed"::equals).count());
    }
}
