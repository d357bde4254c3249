package dev.supportkit.core.internal.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Skill-based choice inside a group, and escalation up the hierarchy to the group lead. */
class SkillsAndGroupLeadTest {
    private static final SpecialistId GALINA = SpecialistId.of("spc-galina");
    private static final SpecialistId VIKTOR = SpecialistId.of("spc-viktor");
    private static final SpecialistId ZOE = SpecialistId.of("spc-zoe");

    private EngineFixture fx;

    @BeforeEach
    void start() {
        SupportEngine engine = SupportEngine.builder().clock(new MutableClock(EngineFixture.START))
                .environment(Map.of()).set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.routing.default-group", "grp-telephony").build();
        fx = new EngineFixture(TenantId.of("acme"), engine);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private void saveZoe(String... skills) {
        fx.engine.directory().saveSpecialist(fx.admin, new Specialist(ZOE, "Zoe Engineer", Role.SECOND_LINE_ENGINEER,
                fx.telephony, Set.of(skills)));
    }

    private Request routed() {
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).build());
        r = fx.engine.intake().takeIntoWork(fx.operator, r.ref());
        return fx.engine.escalation().redirect(fx.operator, r.ref(),
                new RedirectTarget(SupportLine.SECOND_LINE, null, null), "needs second line");
    }

    private JournalEntry last(Request r) {
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, r.id());
        return entries.get(entries.size() - 1);
    }

    @Test
    @DisplayName("a specialist with the system model as a skill (ignoring case) beats less-loaded unskilled ones")
    void skillBeatsWorkload() {
        saveZoe("nt-pbx 300", "en");
        Request first = routed();
        assertEquals(Optional.of(ZOE), first.assignee(), "galina and viktor sort first and are as idle");
        Request second = routed();
        assertEquals(Optional.of(ZOE), second.assignee(), "zoe has one open request, the others none");
        JournalEntry entry = last(second);
        assertEquals(new RequestEvent.Routed("supportkit.routing.default-group", fx.telephony, ZOE, 1),
                entry.event());
        assertTrue(entry.description().contains("skill 'NT-PBX 300'"), entry.description());
    }

    @Test
    @DisplayName("without a skill match the least-loaded second-line specialist is chosen, as before")
    void fallsBackToLeastLoaded() {
        saveZoe("NT-PBX 500", "ru");
        List<SpecialistId> chosen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Request r = routed();
            chosen.add(r.assignee().orElseThrow());
            assertFalse(last(r).description().contains("skill"), last(r).description());
        }
        assertEquals(List.of(GALINA, VIKTOR, ZOE, GALINA), chosen);
    }

    @Test
    @DisplayName("an engineer escalates to the group's lead: assigned to the lead, still at second line, journalled")
    void escalateToGroupLead() {
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request escalated = fx.engine.escalation().escalateToGroupLead(fx.engineer, r.ref(), "needs a decision");
        assertEquals(RequestStatus.AT_SECOND_LINE, escalated.status());
        assertEquals(SupportLine.SECOND_LINE, escalated.line());
        assertEquals(Optional.of(fx.telephony), escalated.group());
        assertEquals(Optional.of(GALINA), escalated.assignee());
        JournalEntry entry = last(escalated);
        assertEquals(new RequestEvent.EscalatedToLead(GALINA, "needs a decision"), entry.event());
        assertEquals(Visibility.INTERNAL, entry.visibility());
        assertEquals(LaborFunction.C_03_6, entry.function());
        assertTrue(entry.description().contains("spc-galina"), entry.description());
    }

    @Test
    @DisplayName("a group without a lead, or no group at all, fails on escalation.group and changes nothing")
    void noLead() {
        GroupId orphans = GroupId.of("grp-no-lead");
        fx.engine.directory().saveGroup(fx.admin, new SupportGroup(orphans, "No lead", SupportLine.SECOND_LINE));
        Request r = fx.requestIn(RequestStatus.AT_INTAKE_LEAD, SupportLine.INTAKE_LEAD);
        Request there = fx.engine.escalation().redirect(fx.intakeLead, r.ref(), RedirectTarget.secondLine(orphans),
                "hardware");
        // an engineer of that group (one without a directory entry is not scoped to a group)
        Actor orphan = Actor.staff("spc-orphan", "Orphan engineer", Role.SECOND_LINE_ENGINEER, fx.tenant);
        ValidationException e = assertThrows(ValidationException.class,
                () -> fx.engine.escalation().escalateToGroupLead(orphan, there.ref(), "help"));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("escalation.group", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("grp-no-lead"), e.getMessage());
        assertEquals(there, fx.engine.quality().request(fx.auditor, r.id()));

        Request r2 = fx.requestIn(RequestStatus.AT_INTAKE_LEAD, SupportLine.INTAKE_LEAD);
        Request noGroup = fx.engine.escalation().redirect(fx.intakeLead, r2.ref(),
                new RedirectTarget(SupportLine.SECOND_LINE, null, VIKTOR), "to viktor");
        ValidationException none = assertThrows(ValidationException.class,
                () -> fx.engine.escalation().escalateToGroupLead(fx.engineer, noGroup.ref(), "help"));
        assertEquals("escalation.group", none.errors().get(0).field());

        Request at = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        ValidationException blank = assertThrows(ValidationException.class,
                () -> fx.engine.escalation().escalateToGroupLead(fx.engineer, at.ref(), " "));
        assertEquals("escalation.reason", blank.errors().get(0).field());
    }

    @Test
    @DisplayName("skills are validated: non-blank, at most 100 characters, at most 50; the index names the skill")
    void skillValidation() {
        Set<String> skills = new LinkedHashSet<>(List.of("en", " ", "x".repeat(101)));
        ValidationException e = assertThrows(ValidationException.class, () -> fx.engine.directory().saveSpecialist(
                fx.admin, new Specialist(ZOE, "Zoe", Role.SECOND_LINE_ENGINEER, fx.telephony, skills)));
        assertEquals(List.of("specialist.skills[1]", "specialist.skills[2]"),
                e.errors().stream().map(FieldError::field).toList(), e.getMessage());

        Set<String> many = new LinkedHashSet<>();
        for (int i = 0; i < 51; i++) {
            many.add("skill-" + i);
        }
        ValidationException tooMany = assertThrows(ValidationException.class, () -> fx.engine.directory()
                .saveSpecialist(fx.admin, new Specialist(ZOE, "Zoe", Role.SECOND_LINE_ENGINEER, fx.telephony, many)));
        assertEquals(List.of("specialist.skills"), tooMany.errors().stream().map(FieldError::field).toList());

        Specialist saved = fx.engine.directory().saveSpecialist(fx.admin, new Specialist(ZOE, "Zoe",
                Role.SECOND_LINE_ENGINEER, fx.telephony, Set.of("NT-PBX 300")));
        assertTrue(saved.hasSkill("nt-pbx 300"));
        assertEquals(Set.of(), new Specialist(ZOE, "Zoe", Role.SECOND_LINE_ENGINEER, null).skills());
    }
}
