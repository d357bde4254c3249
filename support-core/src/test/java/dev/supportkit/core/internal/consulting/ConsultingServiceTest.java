package dev.supportkit.core.internal.consulting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.consulting.ConsultationRecord;
import dev.supportkit.api.consulting.ConsultingService;
import dev.supportkit.api.consulting.ConsultingStatistics;
import dev.supportkit.api.consulting.HandlingStep;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleDraft;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.api.knowledge.KnowledgeKind;
import dev.supportkit.api.knowledge.KnowledgeRef;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import dev.supportkit.spi.notification.Notification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Consultations from the solution base, instructions to the customer and the consulting statistics. */
class ConsultingServiceTest {
    private final MutableClock clock = new MutableClock(EngineFixture.START);
    private final ScriptedChannelFactory email = new ScriptedChannelFactory("scripted-email", Channel.EMAIL);
    private final SupportEngine engine = SupportEngine.builder().clock(clock).environment(Map.of())
            .notificationChannel(email).set("supportkit.jobs.poll-interval-ms", "0").build();
    private final EngineFixture fx = fixture();
    private final ConsultingService consulting = fx.engine.consulting();

    private EngineFixture fixture() {
        EngineFixture f = new EngineFixture(TenantId.of("acme"), engine);
        f.engine.directory().saveRepresentative(f.admin, new Representative(f.rep, f.org, "Irina Petrova",
                "irina@romashka.example", null, false));
        return f;
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private Article published(String problem, List<String> steps, boolean typical, boolean customerVisible) {
        var kb = fx.engine.knowledge();
        Article a = kb.createArticle(fx.operator, new ArticleDraft(problem, null, steps, Set.of(), null, typical,
                customerVisible));
        a = kb.submitArticleForReview(fx.operator, a.id(), a.version());
        return kb.publishArticle(fx.intakeLead, a.id(), a.version());
    }

    private FaqEntry faq() {
        return fx.engine.knowledge().saveFaqEntry(fx.operator, FaqId.of("faq-forward"), 0,
                "How do I forward calls?", "Dial *21* and the number.", Set.of());
    }

    private Request inWork() {
        Request r = fx.registered();
        return fx.engine.intake().takeIntoWork(fx.operator, r.ref());
    }

    private List<Notification> sent(String topicWord) {
        fx.engine.runDueWork();
        return email.received.stream().filter(n -> n.subject().contains(topicWord)).toList();
    }

    private JournalEntry last(Request r) {
        List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, r.id());
        return journal.get(journal.size() - 1);
    }

    private static Set<String> fields(ValidationException e) {
        return e.errors().stream().map(err -> err.field() + " [" + err.rule() + "]").collect(Collectors.toSet());
    }

    @Test
    @DisplayName("a FAQ entry that solves the problem at the first contact is recorded, journalled and counted")
    void solvedAtFirstContact() {
        FaqEntry entry = faq();
        Request r = inWork();
        Request after = consulting.offerKnowledge(fx.operator, r.ref(), KnowledgeRef.faq(entry.id()), true);

        assertEquals(r.version() + 1, after.version());
        assertEquals(RequestStatus.IN_PROGRESS_FIRST_LINE, after.status(), "resolving stays a separate step");
        JournalEntry entryJournal = last(after);
        assertEquals(new RequestEvent.KnowledgeOffered("FAQ", "faq-forward", 1, "How do I forward calls?", true, true),
                entryJournal.event());
        assertEquals(LaborFunction.A_02_3, entryJournal.function());
        assertEquals(Visibility.CUSTOMER_VISIBLE, entryJournal.visibility());

        List<ConsultationRecord> records = consulting.consultations(fx.customer, r.id());
        assertEquals(1, records.size());
        ConsultationRecord record = records.get(0);
        assertEquals(Optional.of(KnowledgeRef.faq(entry.id())), record.knowledge());
        assertEquals("spc-anna", record.offeredBy());
        assertTrue(record.typical() && record.solved() && record.firstContact());

        ConsultingStatistics stats = consulting.statistics(fx.intakeLead, EngineFixture.START,
                clock.instant().plusSeconds(1));
        assertEquals(1, stats.consultations());
        assertEquals(1, stats.solvedAtFirstContact());
        assertEquals(1.0, stats.firstContactResolutionRate());
        assertEquals(Map.of(KnowledgeRef.faq(entry.id()), 1L), stats.solvedByKnowledge());
    }

    @Test
    @DisplayName("after a second contact or away from first line a consultation is not at the first contact")
    void notFirstContact() {
        Article article = published("Calls drop", List.of("Restart the trunk card"), true, true);
        Request r = inWork();
        fx.engine.intake().registerContact(fx.customer, fx.draft().attachTo(r.id()).subject(null)
                .text("Still dropping").channel(Channel.EMAIL).build());
        Request current = fx.engine.quality().request(fx.auditor, r.id());
        Request after = consulting.offerKnowledge(fx.operator, current.ref(), KnowledgeRef.article(article.id()), false);

        ConsultationRecord record = consulting.consultations(fx.operator, r.id()).get(0);
        assertFalse(record.firstContact());
        assertFalse(record.solved());
        assertEquals(article.version(), record.version());
        clock.advance(Duration.ofMinutes(5));
        Request atLead = fx.engine.escalation().redirect(fx.operator, after.ref(), RedirectTarget.intakeLead(),
                "non-typical");
        consulting.offerKnowledge(fx.intakeLead, atLead.ref(), KnowledgeRef.article(article.id()), true);
        ConsultationRecord byLead = consulting.consultations(fx.operator, r.id()).get(1);
        assertFalse(byLead.firstContact(), "the request left first line");
        assertFalse(byLead.typical(), "the intake lead's consultation is non-typical (B/01.6)");
        assertEquals(LaborFunction.B_01_6, last(r).function());

        ConsultingStatistics stats = consulting.statistics(fx.auditor, EngineFixture.START, clock.instant().plusSeconds(1));
        assertEquals(2, stats.consultations());
        assertEquals(1, stats.solved());
        assertEquals(0, stats.requestsSolvedAtFirstContact());
        assertEquals(0.0, stats.firstContactResolutionRate());
        assertEquals(Map.of(KnowledgeRef.article(article.id()), 2L), stats.offersByKnowledge());
    }

    @Test
    @DisplayName("only published articles and active FAQ entries can be offered")
    void offerOnlyReadersKnowledge() {
        var kb = fx.engine.knowledge();
        Article draft = kb.createArticle(fx.operator, new ArticleDraft("Draft", null, List.of("step"), Set.of(), null,
                true, true));
        FaqEntry entry = faq();
        kb.retireFaqEntry(fx.operator, entry.id(), entry.version());
        Request r = inWork();
        assertThrows(NotFoundException.class, () -> consulting.offerKnowledge(fx.operator, r.ref(),
                KnowledgeRef.article(draft.id()), true));
        assertThrows(NotFoundException.class, () -> consulting.offerKnowledge(fx.operator, r.ref(),
                KnowledgeRef.faq(entry.id()), true));
        ValidationException tooLong = assertThrows(ValidationException.class, () -> consulting.offerKnowledge(
                fx.operator, r.ref(), new KnowledgeRef(KnowledgeKind.ARTICLE, "a".repeat(65)), true));
        assertEquals("knowledge.id", tooLong.errors().get(0).field());
        assertThrows(ValidationException.class, () -> consulting.offerKnowledge(fx.operator, r.ref(),
                new KnowledgeRef(KnowledgeKind.FAQ, " "), true));
        assertTrue(consulting.consultations(fx.auditor, r.id()).isEmpty(), "nothing was recorded");
        assertEquals(r.version(), fx.engine.quality().request(fx.auditor, r.id()).version());
    }

    @Test
    @DisplayName("a typical instruction is rendered from the article's steps in the customer's language and sent")
    void typicalInstruction() {
        Article article = published("Нет входящих звонков", List.of("Перезагрузите АТС", "Проверьте кабель линии"),
                true, true);
        Request r = inWork();
        Request after = consulting.sendTypicalInstruction(fx.operator, r.ref(), article.id());

        assertEquals(new RequestEvent.InstructionSent(article.id().value(), article.version(),
                "1. Перезагрузите АТС\n2. Проверьте кабель линии"), last(after).event());
        assertEquals(LaborFunction.A_02_3, last(after).function());
        List<Notification> mails = sent("Инструкция");
        assertEquals(1, mails.size());
        Notification mail = mails.get(0);
        assertEquals("Инструкция по заявке «PBX does not answer»: Нет входящих звонков", mail.subject());
        assertTrue(mail.body().contains("1. Перезагрузите АТС\n2. Проверьте кабель линии"), mail.body());
        assertTrue(mail.body().startsWith("Уважаемый(ая) Irina Petrova!"), mail.body());
    }

    @Test
    @DisplayName("non-typical or internal articles are not sent as typical instructions")
    void typicalInstructionRules() {
        Article nonTypical = published("Rare fault", List.of("Call the vendor"), false, true);
        Article internal = published("Internal procedure", List.of("Replace the board"), true, false);
        Request r = inWork();
        assertEquals(Set.of("instruction.article [typical]"), fields(assertThrows(ValidationException.class,
                () -> consulting.sendTypicalInstruction(fx.operator, r.ref(), nonTypical.id()))));
        assertEquals(Set.of("instruction.article [customer-visible]"), fields(assertThrows(ValidationException.class,
                () -> consulting.sendTypicalInstruction(fx.operator, r.ref(), internal.id()))));
        assertTrue(sent("Instruction").isEmpty() && sent("Инструкция").isEmpty());
    }

    @Test
    @DisplayName("the intake lead sends a remote instruction and explains the handling plan with dates (B/01.6)")
    void nonTypicalAtIntakeLead() {
        Request r = fx.requestIn(RequestStatus.AT_INTAKE_LEAD, SupportLine.INTAKE_LEAD);
        Request instructed = consulting.sendRemoteInstruction(fx.intakeLead, r.ref(), "Переключите линию на порт 2");
        assertEquals(LaborFunction.B_01_6, last(instructed).function());
        assertEquals(new RequestEvent.InstructionSent(null, 0, "Переключите линию на порт 2"), last(instructed).event());
        Notification remote = sent("Рекомендации").get(0);
        assertTrue(remote.body().contains("Переключите линию на порт 2"), remote.body());

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Request planned = consulting.explainHandlingPlan(fx.intakeLead, instructed.ref(), List.of(
                new HandlingStep("Диагностика линии", today.plusDays(1)),
                new HandlingStep("Замена платы", today.plusDays(3))));
        List<String> steps = List.of("1. Диагностика линии — " + today.plusDays(1),
                "2. Замена платы — " + today.plusDays(3));
        assertEquals(new RequestEvent.HandlingPlanExplained(steps), last(planned).event());
        Notification plan = sent("Порядок").get(0);
        assertTrue(plan.body().contains(String.join("\n", steps)), plan.body());
        assertEquals(RequestStatus.AT_INTAKE_LEAD, planned.status());
    }

    @Test
    @DisplayName("a handling plan is validated as a whole: size, descriptions, dates not in the past and not decreasing")
    void invalidPlan() {
        Request r = fx.requestIn(RequestStatus.AT_INTAKE_LEAD, SupportLine.INTAKE_LEAD);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ValidationException e = assertThrows(ValidationException.class, () -> consulting.explainHandlingPlan(
                fx.intakeLead, r.ref(), List.of(new HandlingStep(" ", today.minusDays(1)),
                        new HandlingStep("Repair", today.plusDays(5)), new HandlingStep("Test", today.plusDays(2)))));
        assertEquals(Set.of("plan.steps[0].description [required]", "plan.steps[0].expectedBy [not-in-past]",
                "plan.steps[2].expectedBy [not-decreasing]"), fields(e));
        assertEquals(Set.of("plan.steps [size]"), fields(assertThrows(ValidationException.class,
                () -> consulting.explainHandlingPlan(fx.intakeLead, r.ref(), List.of()))));
        assertEquals(r.version(), fx.engine.quality().request(fx.auditor, r.id()).version());
    }

    @Test
    @DisplayName("remote instructions are given at the intake lead's line, not at first line")
    void remoteInstructionNeedsIntakeLeadLine() {
        Request r = inWork();
        assertEquals(Set.of("request.line [intake-lead]"), fields(assertThrows(ValidationException.class,
                () -> consulting.sendRemoteInstruction(fx.intakeLead, r.ref(), "Do this"))));
    }

    @Test
    @DisplayName("statistics count only the period asked for, and the period is validated")
    void statisticsPeriod() {
        FaqEntry entry = faq();
        Request r = inWork();
        consulting.recordConsultation(fx.operator, r.ref(), "Restart the PBX", true);
        clock.advance(Duration.ofDays(2));
        Request later = inWork();
        consulting.offerKnowledge(fx.operator, later.ref(), KnowledgeRef.faq(entry.id()), true);

        ConsultingStatistics firstDay = consulting.statistics(fx.groupLead, EngineFixture.START,
                EngineFixture.START.plus(Duration.ofDays(1)));
        assertEquals(1, firstDay.consultations());
        assertEquals(Map.of(), firstDay.offersByKnowledge(), "a free instruction offers no article");
        assertEquals(2, consulting.statistics(fx.groupLead, EngineFixture.START, clock.instant().plusSeconds(1))
                .requestsSolvedAtFirstContact());
        assertEquals(Set.of("statistics.to [after-from]"), fields(assertThrows(ValidationException.class,
                () -> consulting.statistics(fx.groupLead, clock.instant(), clock.instant()))));
    }
}
