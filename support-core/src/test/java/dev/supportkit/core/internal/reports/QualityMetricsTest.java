package dev.supportkit.core.internal.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.reports.Evaluation;
import dev.supportkit.api.reports.EvaluationPart;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.MetricsReport;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.reports.RequestMetrics;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Metrics and evaluations through the engine: milestones recorded by commands, counted per role's view. */
class QualityMetricsTest {
    private static final Instant DAY_ONE = EngineFixture.START;
    private static final Instant DAY_TWO = DAY_ONE.plus(Duration.ofDays(1));
    private static final Instant DAY_THREE = DAY_TWO.plus(Duration.ofDays(1));

    private final EngineFixture fx = new EngineFixture(Map.of("supportkit.sla.default-policy", "standard",
            "supportkit.sla.policies.standard.normal.first-response", "15m"));
    private Instant taken;

    @AfterEach
    void close() {
        fx.close();
    }

    /**
     * Day one: one request resolved by the operator. Day two: one resolved at first contact by the operator
     * 50 minutes after registration, one redirected to second line, resolved, reopened by the customer and
     * resolved again by the engineer.
     */
    private Request[] lives() {
        Request first = fx.engine.intake().takeIntoWork(fx.operator, fx.registered().ref());
        fx.engine.resolution().resolve(fx.operator, first.ref(), ResolutionReport.of("Restarted", "Hung"));
        fx.clock.advance(Duration.ofDays(1));
        Request quick = fx.registered();
        fx.clock.advance(Duration.ofMinutes(10));
        quick = fx.engine.intake().takeIntoWork(fx.operator, quick.ref());
        taken = quick.updatedAt();
        fx.clock.advance(Duration.ofMinutes(40));
        quick = fx.engine.resolution().resolve(fx.operator, quick.ref(), ResolutionReport.of("Reset", "Config"));
        Request hard = fx.requestIn(RequestStatus.RESOLVED, SupportLine.SECOND_LINE);
        fx.clock.advance(Duration.ofMinutes(30));
        hard = fx.engine.resolution().reopen(fx.customer, hard.ref(), "Still no calls");
        fx.clock.advance(Duration.ofMinutes(30));
        hard = fx.engine.resolution().resolve(fx.engineer, hard.ref(), ResolutionReport.of("Replaced PSU", "PSU"));
        return new Request[] {quick, hard};
    }

    private static MetricsQuery query(MetricsScope scope, String subject) {
        MetricsQuery.Builder query = MetricsQuery.builder().scope(scope).period(DAY_TWO, DAY_THREE);
        if (subject != null) {
            query.subject(subject);
        }
        return query.build();
    }

    @Test
    @DisplayName("commands record first response, escalation, reopening and resolution as milestones")
    void commandsRecordMilestones() {
        Request[] lives = lives();
        Request quick = lives[0];
        Request hard = lives[1];
        assertEquals(taken, quick.milestones().firstResponse().orElseThrow());
        assertEquals(Duration.ofMinutes(10), Duration.between(quick.registeredAt(), taken));
        assertTrue(quick.milestones().firstContactResolution());
        assertTrue(hard.milestones().escalated().isPresent());
        assertEquals(1, hard.milestones().reopens());
        assertFalse(hard.milestones().firstContactResolution());
        assertEquals(hard.updatedAt(), hard.milestones().resolved().orElseThrow(), "the last resolution counts");
    }

    @Test
    @DisplayName("the tenant's figures of the period and of the period before, as an intake lead sees them")
    void tenantFiguresWithThePreviousPeriod() {
        lives();
        MetricsReport report = fx.engine.reports().metrics(fx.intakeLead, query(MetricsScope.TENANT, null));
        RequestMetrics now = report.current(RequestMetrics.TENANT_KEY).orElseThrow();
        assertEquals(2, now.received());
        assertEquals(2, now.resolved());
        assertEquals(1, now.reopened());
        assertEquals(1, now.firstContactResolved());
        assertEquals(0.5, now.firstContactRate().getAsDouble());
        assertEquals(0, now.backlog());
        assertEquals(Duration.ofMinutes(50), now.resolutionMedian().orElseThrow());
        RequestMetrics before = report.previous(RequestMetrics.TENANT_KEY).orElseThrow();
        assertEquals(1, before.received());
        assertEquals(1, before.resolved());
        assertEquals(DAY_ONE, report.query().previous().from());
    }

    @Test
    @DisplayName("a group's evaluation: every part with its weight and basis, the score their weighted mean")
    void groupEvaluationCombinesItsParts() {
        lives();
        Evaluation evaluation = fx.engine.reports().evaluate(fx.groupLead, query(MetricsScope.GROUP, null));
        assertEquals(fx.telephony.value(), evaluation.query().subject().orElseThrow());
        assertEquals(List.of("first-response", "resolution", "first-contact", "not-reopened", "satisfaction"),
                evaluation.parts().stream().map(EvaluationPart::name).toList());
        EvaluationPart resolution = evaluation.part("resolution");
        assertEquals(1.0, resolution.value().getAsDouble());
        assertEquals("1 of 1 resolution deadlines met in time", resolution.basis());
        assertEquals(0.0, evaluation.part("first-contact").value().getAsDouble());
        assertEquals(0.0, evaluation.part("not-reopened").value().getAsDouble());
        assertTrue(evaluation.part("satisfaction").value().isEmpty());
        assertTrue(evaluation.part("satisfaction").subjective());
        // Parts with a value: first response 1 and resolution 1 (weights 25 each), first contact 0 (20) and
        // not reopened 0 (15); satisfaction has none, so its weight is left out.
        assertEquals(1.0, evaluation.part("first-response").value().getAsDouble());
        assertEquals(100.0 * 50 / 85, evaluation.score().getAsDouble(), 1e-9);
        assertEquals(evaluation.score().getAsDouble(),
                evaluation.parts().stream().mapToDouble(EvaluationPart::points).sum(), 1e-9);
        assertEquals(1, fx.engine.quality().countRequests(fx.groupLead, evaluation.requests()));
    }

    @Test
    @DisplayName("weights come from configuration; a bad weight fails the build naming its key")
    void weightsFromConfiguration() {
        try (EngineFixture weighted = new EngineFixture(Map.of("supportkit.quality.evaluation.weight.resolution", "0",
                "supportkit.quality.evaluation.weight.not-reopened", "40"))) {
            Request r = weighted.requestIn(RequestStatus.RESOLVED, SupportLine.SECOND_LINE);
            Evaluation evaluation = weighted.engine.reports().evaluate(weighted.groupLead,
                    MetricsQuery.builder().scope(MetricsScope.GROUP).period(r.registeredAt(),
                            r.registeredAt().plus(Duration.ofDays(1))).build());
            // first contact 0 (escalated) weight 20, not reopened 1 weight 40, resolution weight 0.
            assertEquals(100.0 * 40 / 60, evaluation.score().getAsDouble(), 1e-9);
        }
        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> SupportEngine.builder()
                .environment(Map.of()).set("supportkit.quality.evaluation.weight.resolution", "lots").build());
        assertTrue(bad.problems().stream().anyMatch(p -> p.startsWith("supportkit.quality.evaluation.weight.resolution")),
                bad.problems().toString());
    }

    @Test
    @DisplayName("a specialist sees their own figures only; a group lead their group and its specialists")
    void eachRoleSeesWhatIsTheirs() {
        lives();
        MetricsReport own = fx.engine.reports().metrics(fx.operator, query(MetricsScope.SPECIALIST, null));
        assertEquals("spc-anna", own.query().subject().orElseThrow());
        assertEquals(List.of("spc-anna"), own.current().stream().map(RequestMetrics::key).toList());
        assertThrows(AccessDeniedException.class,
                () -> fx.engine.reports().metrics(fx.operator, query(MetricsScope.TENANT, null)));
        assertThrows(AccessDeniedException.class,
                () -> fx.engine.reports().metrics(fx.operator, query(MetricsScope.SPECIALIST, "spc-viktor")));
        assertThrows(AccessDeniedException.class,
                () -> fx.engine.reports().metrics(fx.groupLead, query(MetricsScope.GROUP, fx.intakeGroup.value())));
        assertThrows(AccessDeniedException.class,
                () -> fx.engine.reports().evaluate(fx.groupLead, query(MetricsScope.SPECIALIST, "spc-anna")));
        MetricsReport specialists = fx.engine.reports().metrics(fx.groupLead, query(MetricsScope.SPECIALIST, null));
        assertFalse(specialists.current().stream().anyMatch(r -> r.key().equals("spc-anna")),
                "the operator is not in the lead's group");
        MetricsReport all = fx.engine.reports().metrics(fx.auditor, query(MetricsScope.SPECIALIST, null));
        assertTrue(all.current().stream().anyMatch(r -> r.key().equals("spc-anna")));
        Actor customer = fx.actor(Role.CUSTOMER_REPRESENTATIVE);
        assertThrows(AccessDeniedException.class,
                () -> fx.engine.reports().metrics(customer, query(MetricsScope.ORGANIZATION, fx.org.value())));
    }

    @Test
    @DisplayName("bad queries name the field and the rule")
    void badQueriesNameTheField() {
        ValidationException scope = assertThrows(ValidationException.class,
                () -> fx.engine.reports().evaluate(fx.intakeLead, query(MetricsScope.TENANT, null)));
        assertEquals(List.of("query.scope"), scope.errors().stream().map(FieldError::field).toList());
        ValidationException subject = assertThrows(ValidationException.class,
                () -> fx.engine.reports().evaluate(fx.intakeLead, query(MetricsScope.SPECIALIST, null)));
        assertEquals("required", subject.errors().get(0).rule());
        ValidationException period = assertThrows(ValidationException.class,
                () -> MetricsQuery.builder().period(DAY_TWO, DAY_ONE).build());
        assertEquals("until", period.errors().get(0).field());
        ValidationException range = assertThrows(ValidationException.class, () -> fx.engine.reports()
                .metrics(fx.auditor, new MetricsQuery(MetricsScope.TENANT, java.util.Optional.empty(),
                        Instant.parse("1800-01-01T00:00:00Z"), DAY_ONE)));
        assertEquals("range", range.errors().get(0).rule());
    }

    @Test
    @DisplayName("audit reads: labour functions per person and the journal across requests match the journals")
    void laborFunctionsAndAuditReadsMatchTheJournals() {
        Request[] lives = lives();
        Map<List<Object>, Long> expected = new java.util.TreeMap<>(java.util.Comparator.comparing(
                (List<Object> k) -> (String) k.get(0)).thenComparing(k -> ((dev.supportkit.api.journal.LaborFunction)
                k.get(1)).ordinal()));
        List<dev.supportkit.api.journal.JournalEntry> all = new java.util.ArrayList<>();
        for (Request r : fx.engine.quality().requests(fx.auditor, dev.supportkit.api.request.RequestQuery.all())) {
            for (var entry : fx.engine.journal().entries(fx.auditor, r.id())) {
                if (!entry.occurredAt().isBefore(DAY_TWO) && entry.occurredAt().isBefore(DAY_THREE)) {
                    all.add(entry);
                    expected.merge(List.of(entry.actorId(), entry.function()), 1L, Long::sum);
                }
            }
        }
        List<dev.supportkit.api.reports.LaborFunctionTotal> totals = fx.engine.reports().laborFunctions(fx.intakeLead,
                DAY_TWO, DAY_THREE);
        assertEquals(expected.entrySet().stream().map(e -> new dev.supportkit.api.reports.LaborFunctionTotal(
                (String) e.getKey().get(0), (dev.supportkit.api.journal.LaborFunction) e.getKey().get(1),
                e.getValue())).toList(), totals);
        assertTrue(totals.stream().anyMatch(t -> t.actorId().equals("spc-anna")));
        assertFalse(fx.engine.reports().laborFunctions(fx.groupLead, DAY_TWO, DAY_THREE).stream()
                .anyMatch(t -> t.actorId().equals("spc-anna")), "the operator is not in the lead's group");
        assertTrue(fx.engine.reports().laborFunctions(fx.operator, DAY_TWO, DAY_THREE).stream()
                .allMatch(t -> t.actorId().equals("spc-anna")));

        var query = dev.supportkit.api.journal.JournalQuery.builder()
                .functions(dev.supportkit.api.journal.LaborFunction.A_01_3).actor("spc-anna")
                .period(DAY_TWO, DAY_THREE).build();
        List<dev.supportkit.api.journal.JournalEntry> found;
        try (var stream = fx.engine.journal().search(fx.auditor, query)) {
            found = stream.toList();
        }
        List<dev.supportkit.api.journal.JournalEntry> handPicked = all.stream()
                .filter(e -> e.function() == dev.supportkit.api.journal.LaborFunction.A_01_3
                        && e.actorId().equals("spc-anna"))
                .sorted(java.util.Comparator.comparing((dev.supportkit.api.journal.JournalEntry e) -> e.request().value())
                        .thenComparingLong(dev.supportkit.api.journal.JournalEntry::sequence)).toList();
        assertFalse(handPicked.isEmpty());
        assertEquals(handPicked, found);
        assertTrue(lives.length == 2);
        assertThrows(AccessDeniedException.class, () -> fx.engine.journal().search(fx.operator, query));
    }

    @Test
    @DisplayName("proposals through the engine: a model with requests and no article is a knowledge gap until one is")
    void knowledgeGapThroughTheEngine() {
        lives();
        var query = dev.supportkit.api.reports.ProposalQuery.builder().period(DAY_TWO, DAY_THREE).minRequests(2)
                .build();
        var report = fx.engine.reports().proposals(fx.groupLead, query);
        var gap = report.proposals().stream().filter(p -> p.kind() == dev.supportkit.api.reports.ProposalKind
                .KNOWLEDGE_GAP && p.subject().equals("NT-PBX 300")).findFirst().orElseThrow();
        assertEquals(new dev.supportkit.api.reports.Figure("requests", "2"), gap.figures().get(0));
        assertEquals(2, fx.engine.quality().countRequests(fx.groupLead, gap.requests()));
        assertEquals(List.of(), report.staffing(), "no time was recorded");

        var kb = fx.engine.knowledge();
        var article = kb.createArticle(fx.operator, new dev.supportkit.api.knowledge.ArticleDraft("PBX drops calls",
                "No incoming calls", List.of("Restart the PBX"), java.util.Set.of("NT-PBX 300"), null, true, true));
        article = kb.submitArticleForReview(fx.operator, article.id(), article.version());
        kb.publishArticle(fx.intakeLead, article.id(), article.version());
        assertFalse(fx.engine.reports().proposals(fx.groupLead, query).proposals().stream()
                .anyMatch(p -> p.subject().equals("NT-PBX 300")), "the published article covers the model");
        assertThrows(AccessDeniedException.class, () -> fx.engine.reports().proposals(fx.operator, query));
    }
}
