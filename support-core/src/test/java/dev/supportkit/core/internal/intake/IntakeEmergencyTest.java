package dev.supportkit.core.internal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Role;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import dev.supportkit.spi.notification.Notification;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Emergency rules (A/01.3: analyse contacts to detect emergencies): text, answers and the system's critical
 * flag raise the priority before deadlines are computed, never lower it, flag the request with readable
 * reasons, journal it and tell the intake leads.
 */
class IntakeEmergencyTest {
    static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("supportkit.intake.emergency.rules.1.text-contains", "outage, Авария"),
            Map.entry("supportkit.intake.emergency.rules.1.priority", "critical"),
            Map.entry("supportkit.intake.emergency.rules.2.answer", "users-affected"),
            Map.entry("supportkit.intake.emergency.rules.2.answer-values", "all"),
            Map.entry("supportkit.intake.emergency.rules.2.priority", "high"),
            Map.entry("supportkit.intake.emergency.rules.10.critical-system", "true"),
            Map.entry("supportkit.intake.emergency.rules.10.text-contains", "down"),
            Map.entry("supportkit.intake.emergency.rules.10.priority", "high"),
            Map.entry("supportkit.sla.default-policy", "standard"),
            Map.entry("supportkit.sla.policies.standard.critical.first-response", "15m"),
            Map.entry("supportkit.sla.policies.standard.critical.resolution", "2h"),
            Map.entry("supportkit.sla.policies.standard.high.resolution", "4h"));
    private static final SystemId CCTV = SystemId.of("sys-cctv");

    private final ScriptedChannelFactory email = new ScriptedChannelFactory("scripted-email", Channel.EMAIL);
    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture(RULES, builder -> builder.notificationChannel(email));
        fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(CCTV, fx.org, "Office CCTV", "Vision",
                "V-100", false, List.of()));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private List<JournalEntry> journal(Request r) {
        return fx.engine.journal().entries(fx.auditor, r.id());
    }

    private List<Delivery> leadMessages(Request r) {
        return fx.engine.quality().deliveries(fx.auditor, r.id()).stream()
                .filter(d -> d.topic().equals("request.emergency")).toList();
    }

    @Test
    @DisplayName("a phrase in the text raises the priority, flags the request, journals why and sets deadlines from it")
    void textRule() {
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).system(CCTV)
                .text("Полная АВАРИЯ: камеры не пишут").build());

        assertEquals(Priority.CRITICAL, r.priority());
        assertTrue(r.intake().emergency());
        assertEquals(List.of("text mentions 'авария' (supportkit.intake.emergency.rules.1)"),
                r.intake().emergencyReasons());
        List<JournalEntry> entries = journal(r);
        assertEquals(new RequestEvent.Registered(((RequestEvent.Registered) entries.get(0).event()).contact(),
                Channel.PHONE, Priority.NORMAL, "PBX does not answer"), entries.get(0).event(),
                "registered as asked for, then raised");
        JournalEntry flagged = entries.get(1);
        assertEquals(new RequestEvent.EmergencyFlagged(Priority.NORMAL, Priority.CRITICAL,
                r.intake().emergencyReasons()), flagged.event());
        assertEquals(LaborFunction.A_01_3, flagged.function());
        assertEquals(Visibility.INTERNAL, flagged.visibility());
        assertEquals(r.registeredAt().plus(Duration.ofHours(2)),
                r.deadline(DeadlineKind.RESOLUTION).orElseThrow().dueAt(), "the critical target, not the normal 8 h");
        assertEquals(r.registeredAt().plus(Duration.ofMinutes(15)),
                r.deadline(DeadlineKind.FIRST_RESPONSE).orElseThrow().dueAt());
    }

    @Test
    @DisplayName("an answer rule matches the normalised answer")
    void answerRule() {
        fx.engine.intake().defineQuestionnaire(fx.admin, IntakeSamples.pbx(1));
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true)
                .answer("users-affected", "ALL").answer("whole-office", "no").build());
        assertEquals(Priority.HIGH, r.priority());
        assertEquals(List.of("answer 'users-affected' is 'all' (supportkit.intake.emergency.rules.2)"),
                r.intake().emergencyReasons());
        assertEquals(r.registeredAt().plus(Duration.ofHours(4)), r.deadline(DeadlineKind.RESOLUTION).orElseThrow()
                .dueAt());
        Request one = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true)
                .answer("users-affected", "one").build());
        assertFalse(one.intake().emergency());
    }

    @Test
    @DisplayName("a critical-system rule matches only contacts about a system marked critical")
    void criticalSystemRule() {
        Request pbx = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true)
                .text("Everything is down").build());
        assertEquals(Priority.HIGH, pbx.priority());
        assertEquals(List.of("text mentions 'down' and system 'Office PBX' (sys-pbx) is critical "
                + "(supportkit.intake.emergency.rules.10)"), pbx.intake().emergencyReasons());
        Request cctv = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).system(CCTV)
                .text("Everything is down").build());
        assertEquals(Priority.NORMAL, cctv.priority());
        assertFalse(cctv.intake().emergency());
        assertTrue(journal(cctv).stream().noneMatch(e -> e.event() instanceof RequestEvent.EmergencyFlagged));
        assertEquals(List.of(), leadMessages(cctv), "no emergency, no message to the lead");
    }

    @Test
    @DisplayName("the priority is never lowered; matching rules are all reasons and the highest priority wins")
    void neverLowered() {
        Request critical = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true)
                .priority(Priority.CRITICAL).text("The trunk is down").build());
        assertEquals(Priority.CRITICAL, critical.priority());
        assertTrue(critical.intake().emergency());
        assertEquals(new RequestEvent.EmergencyFlagged(Priority.CRITICAL, Priority.CRITICAL,
                critical.intake().emergencyReasons()), journal(critical).get(1).event());

        Request both = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true)
                .priority(Priority.LOW).text("Outage: the trunk is down").build());
        assertEquals(Priority.CRITICAL, both.priority());
        assertEquals(2, both.intake().emergencyReasons().size(), both.intake().emergencyReasons().toString());
    }

    @Test
    @DisplayName("every intake lead is told, in their language, with the reasons")
    void leadsNotified() {
        SpecialistId dina = SpecialistId.of("spc-dina");
        fx.engine.directory().saveSpecialist(fx.admin, new Specialist(dina, "Dina Lead", Role.INTAKE_LEAD, null));
        fx.engine.directory().savePreferences(fx.admin, new DeliveryPreferences("spc-boris",
                List.of(new ContactPoint(Channel.EMAIL, "boris@support.example")), null, Locale.ENGLISH));
        fx.engine.directory().savePreferences(fx.admin, new DeliveryPreferences("spc-dina",
                List.of(new ContactPoint(Channel.EMAIL, "dina@support.example")), null, Locale.forLanguageTag("ru")));

        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true)
                .subject("Outage at the head office").build());
        assertEquals(List.of("spc-boris", "spc-dina"), leadMessages(r).stream().map(Delivery::recipient).sorted()
                .toList());
        fx.engine.runDueWork();

        Notification boris = email.received.stream().filter(n -> n.address().equals("boris@support.example"))
                .findFirst().orElseThrow();
        assertEquals("Emergency: \"Outage at the head office\"", boris.subject());
        assertTrue(boris.body().contains("Boris Lead") && boris.body().contains("priority CRITICAL")
                && boris.body().contains("text mentions 'outage'"), boris.body());
        Notification dina2 = email.received.stream().filter(n -> n.address().equals("dina@support.example"))
                .findFirst().orElseThrow();
        assertTrue(dina2.subject().startsWith("Авария"), dina2.subject());
        assertTrue(dina2.body().contains("Dina Lead") && dina2.body().contains("CRITICAL"), dina2.body());
    }

    @Test
    @DisplayName("a further contact that matches raises the open request's priority and flags it")
    void attachedContact() {
        Request open = fx.registered();
        assertFalse(open.intake().emergency());
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().subject(null)
                .text("Now it is a complete outage").build());
        assertEquals(open.id(), r.id());
        assertEquals(Priority.CRITICAL, r.priority());
        assertTrue(r.intake().emergency());
        List<JournalEntry> entries = journal(r);
        assertTrue(entries.get(entries.size() - 2).event() instanceof RequestEvent.ContactAttached);
        assertEquals(new RequestEvent.EmergencyFlagged(Priority.NORMAL, Priority.CRITICAL,
                List.of("text mentions 'outage' (supportkit.intake.emergency.rules.1)")), entries.get(entries.size() - 1)
                .event());
        assertEquals(open.deadlines(), r.deadlines(), "deadlines stay as set at registration (as an SLA breach's raise)");
        assertEquals(1, leadMessages(r).size());

        Request again = fx.engine.intake().registerContact(fx.operator, fx.draft().subject(null)
                .text("Still an outage").build());
        assertEquals(r.version() + 1, again.version());
        assertEquals(entries.size() + 1, journal(again).size(), "already flagged at that priority: no second flag");
    }

    @Test
    @DisplayName("bad emergency rules are configuration problems, all reported at once")
    void badRules() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> SupportEngine.builder()
                .environment(Map.of())
                .set("supportkit.intake.emergency.rules.1.priority", "high")
                .set("supportkit.intake.emergency.rules.2.text-contains", "outage")
                .set("supportkit.intake.emergency.rules.2.priority", "low")
                .set("supportkit.intake.emergency.rules.3.answer", "users-affected")
                .set("supportkit.intake.emergency.rules.4.answer-values", "all")
                .set("supportkit.intake.emergency.rules.5.critical-system", "maybe")
                .set("supportkit.intake.emergency.rules.6.colour", "red")
                .set("supportkit.intake.emergency.rules.0.text-contains", "x")
                .set("supportkit.intake.attach-to-open-request", "sometimes").build());
        String all = String.join("\n", error.problems());
        for (String expected : List.of("supportkit.intake.emergency.rules.1: needs at least one condition",
                "supportkit.intake.emergency.rules.2.priority: must be high or critical",
                "supportkit.intake.emergency.rules.3.answer-values: is required",
                "supportkit.intake.emergency.rules.4.answer: is required",
                "supportkit.intake.emergency.rules.5.critical-system: must be true or false",
                "supportkit.intake.emergency.rules.6.colour: unknown intake key",
                "supportkit.intake.emergency.rules.0.text-contains: unknown intake key",
                "supportkit.intake.attach-to-open-request: must be true or false")) {
            assertTrue(all.contains(expected), expected + " in\n" + all);
        }
    }
}
