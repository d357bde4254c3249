package dev.supportkit.core.internal.consulting;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.consulting.ConsultationRecord;
import dev.supportkit.api.consulting.ConsultingService;
import dev.supportkit.api.consulting.ConsultingStatistics;
import dev.supportkit.api.consulting.HandlingStep;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleId;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.api.knowledge.KnowledgeKind;
import dev.supportkit.api.knowledge.KnowledgeRef;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.knowledge.KnowledgeStore;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.RequestCommands.Step;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.spi.storage.CatalogRecord;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Consulting and instructing customers: typical problems at first line (A/02.3), non-typical ones by
 * the intake lead (B/01.6), training the customer in configuration at second line (C/02.6). Every
 * consultation is kept as a {@link ConsultationRecord} (catalogue kind {@code consultation}, keyed by
 * the request) for the statistics.
 */
public final class DefaultConsultingService implements ConsultingService {
    /** Catalogue kind of consultation records. */
    static final String CONSULTATION = "consultation";
    /** Longest instruction. */
    static final int INSTRUCTION_MAX = 4000;
    /** Most steps of a handling plan. */
    static final int PLAN_MAX = 20;

    private final RequestCommands commands;
    private final KnowledgeStore knowledge;
    private final JacksonCodec codec;

    /**
     * @param commands  the unit-of-work runner
     * @param knowledge articles and FAQ entries in storage
     * @param codec     the engine's codec
     */
    @Inject
    public DefaultConsultingService(RequestCommands commands, KnowledgeStore knowledge, JacksonCodec codec) {
        this.commands = commands;
        this.knowledge = knowledge;
        this.codec = codec;
    }

    @Override
    public Request recordConsultation(Actor actor, RequestRef ref, String instruction, boolean solved) {
        return commands.execute(actor, ref, Permission.CONSULT, RequestAction.CONSULT, true, step -> {
            step.errors().requiredText("consultation.instruction", instruction, INSTRUCTION_MAX);
            if (!step.errors().isEmpty()) {
                return null;
            }
            boolean typical = actor.role() == Role.FIRST_LINE_OPERATOR;
            keep(step, Optional.empty(), 0, typical, solved);
            return Change.of(step.advance(), new JournalDraft(function(actor),
                    Visibility.CUSTOMER_VISIBLE, null, new RequestEvent.ConsultationGiven(instruction, typical, solved),
                    (typical ? "Typical" : "Non-typical") + " instruction given to the customer; "
                            + (solved ? "the customer confirmed it solved the problem"
                                      : "the problem persists")));
        });
    }

    @Override
    public Request offerKnowledge(Actor actor, RequestRef ref, KnowledgeRef offered, boolean solved) {
        return commands.execute(actor, ref, Permission.CONSULT, RequestAction.CONSULT, true, step -> {
            if (!step.errors().required("consultation.knowledge", offered)) {
                return null;
            }
            Offer offer = offer(step, offered);
            boolean typical = offer.typical() && actor.role() == Role.FIRST_LINE_OPERATOR;
            boolean firstContact = keep(step, Optional.of(offered), offer.version(), typical, solved).firstContact();
            String what = offered.kind() == KnowledgeKind.FAQ ? "FAQ entry" : "Article";
            return Change.of(step.advance(), new JournalDraft(function(actor), Visibility.CUSTOMER_VISIBLE, null,
                    new RequestEvent.KnowledgeOffered(offered.kind().name(), offered.id(), offer.version(),
                            offer.title(), solved, firstContact),
                    what + " " + offered.id() + " «" + offer.title() + "» offered to the customer; "
                            + (solved ? "it solved the problem" + (firstContact ? " at the first contact" : "")
                                      : "the problem persists")));
        });
    }

    @Override
    public Request sendTypicalInstruction(Actor actor, RequestRef ref, ArticleId articleId) {
        return commands.execute(actor, ref, Permission.SEND_TYPICAL_INSTRUCTION, RequestAction.CONSULT, true,
                step -> {
                    if (!step.errors().required("instruction.article", articleId)) {
                        return null;
                    }
                    Article article = knowledge.published(step.tx(), actor.tenant(), articleId)
                            .orElseThrow(() -> new NotFoundException("published article", articleId));
                    if (!article.typical()) {
                        step.errors().add("instruction.article", "typical", "article " + articleId
                                + " is a non-typical solution; the intake lead instructs on those (B/01.6)");
                    }
                    if (!article.customerVisible()) {
                        step.errors().add("instruction.article", "customer-visible", "article " + articleId
                                + " is internal and cannot be sent to a customer");
                    }
                    if (!step.errors().isEmpty()) {
                        return null;
                    }
                    String steps = numbered(article.steps());
                    return Change.of(step.advance(), new JournalDraft(LaborFunction.A_02_3,
                                    Visibility.CUSTOMER_VISIBLE, null,
                                    new RequestEvent.InstructionSent(articleId.value(), article.version(), steps),
                                    "Typical instruction from article " + articleId + " «" + article.problem()
                                            + "» sent to the customer"))
                            .notifyCustomer(MessageTopic.INSTRUCTION_TYPICAL,
                                    Map.of("articleTitle", article.problem(), "steps", steps));
                });
    }

    @Override
    public Request sendRemoteInstruction(Actor actor, RequestRef ref, String instruction) {
        return commands.execute(actor, ref, Permission.INSTRUCT_NON_TYPICAL, RequestAction.CONSULT, true, step -> {
            requireAtIntakeLead(step);
            step.errors().requiredText("instruction.text", instruction, INSTRUCTION_MAX);
            if (!step.errors().isEmpty()) {
                return null;
            }
            String text = instruction.strip();
            return Change.of(step.advance(), new JournalDraft(LaborFunction.B_01_6, Visibility.CUSTOMER_VISIBLE,
                            null, new RequestEvent.InstructionSent(null, 0, text),
                            "Remote instruction on a non-typical problem sent to the customer by "
                                    + actor.displayName()))
                    .notifyCustomer(MessageTopic.INSTRUCTION_REMOTE, Map.of("instruction", text));
        });
    }

    @Override
    public Request explainHandlingPlan(Actor actor, RequestRef ref, List<HandlingStep> steps) {
        return commands.execute(actor, ref, Permission.INSTRUCT_NON_TYPICAL, RequestAction.CONSULT, true, step -> {
            requireAtIntakeLead(step);
            FieldErrors errors = step.errors();
            if (steps == null || steps.isEmpty() || steps.size() > PLAN_MAX) {
                errors.add("plan.steps", "size", "a plan has 1 to " + PLAN_MAX + " steps, got "
                        + (steps == null ? 0 : steps.size()));
                return null;
            }
            LocalDate today = LocalDate.ofInstant(step.now(), ZoneOffset.UTC);
            LocalDate previous = null;
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                HandlingStep s = steps.get(i);
                String field = "plan.steps[" + i + "]";
                if (s == null) {
                    errors.add(field, "required", "is required");
                    continue;
                }
                errors.requiredText(field + ".description", s.description(), 500);
                if (s.expectedBy().isBefore(today)) {
                    errors.add(field + ".expectedBy", "not-in-past", "must not be before " + today);
                } else if (previous != null && s.expectedBy().isBefore(previous)) {
                    errors.add(field + ".expectedBy", "not-decreasing", "must not be before the previous step's "
                            + previous);
                }
                previous = s.expectedBy();
                lines.add((i + 1) + ". " + s.description().strip() + " — " + s.expectedBy());
            }
            if (!errors.isEmpty()) {
                return null;
            }
            return Change.of(step.advance(), new JournalDraft(LaborFunction.B_01_6, Visibility.CUSTOMER_VISIBLE,
                            null, new RequestEvent.HandlingPlanExplained(lines),
                            "The sequence and expected dates of handling explained to the customer ("
                                    + lines.size() + " steps, last by " + previous + ")"))
                    .notifyCustomer(MessageTopic.HANDLING_PLAN, Map.of("plan", String.join("\n", lines)));
        });
    }

    @Override
    public List<ConsultationRecord> consultations(Actor actor, RequestId request) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        return commands.read(tx -> {
            Request loaded = commands.load(tx, actor, request);
            return tx.listCatalogRecords(loaded.tenant(), CONSULTATION, Optional.of(request.value())).stream()
                    .map(r -> codec.fromJson(r.data(), ConsultationRecord.class))
                    .sorted(Comparator.comparing(ConsultationRecord::offeredAt).thenComparing(ConsultationRecord::id))
                    .toList();
        });
    }

    @Override
    public ConsultingStatistics statistics(Actor actor, Instant from, Instant to) {
        commands.policy().require(actor, Permission.READ_REPORTS);
        FieldErrors errors = new FieldErrors();
        errors.required("statistics.from", from);
        errors.required("statistics.to", to);
        errors.inRange("statistics.from", from);
        errors.inRange("statistics.to", to);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add("statistics.to", "after-from", "must be after " + from);
        }
        errors.throwIfAny();
        List<ConsultationRecord> records = commands.read(tx -> tx.listCatalogRecords(actor.tenant(), CONSULTATION,
                        Optional.empty())).stream()
                .map(r -> codec.fromJson(r.data(), ConsultationRecord.class))
                .filter(r -> !r.offeredAt().isBefore(from) && r.offeredAt().isBefore(to))
                .toList();
        long solved = 0;
        long solvedFirst = 0;
        Set<RequestId> consulted = new HashSet<>();
        Set<RequestId> solvedFirstRequests = new HashSet<>();
        Map<KnowledgeRef, Long> offers = new HashMap<>();
        Map<KnowledgeRef, Long> solutions = new HashMap<>();
        for (ConsultationRecord record : records) {
            consulted.add(record.request());
            record.knowledge().ifPresent(k -> offers.merge(k, 1L, Long::sum));
            if (record.solved()) {
                solved++;
                record.knowledge().ifPresent(k -> solutions.merge(k, 1L, Long::sum));
                if (record.firstContact()) {
                    solvedFirst++;
                    solvedFirstRequests.add(record.request());
                }
            }
        }
        return new ConsultingStatistics(from, to, records.size(), solved, solvedFirst, consulted.size(),
                solvedFirstRequests.size(), offers, solutions);
    }

    /** What was offered, read from storage: the article's published version or the active FAQ entry. */
    private Offer offer(Step step, KnowledgeRef ref) {
        if (ref.id().isBlank() || ref.id().length() > 64) {
            throw new ValidationException(List.of(new FieldError("knowledge.id", "format",
                    "must be an article or FAQ id of 1 to 64 characters, was " + ref.id().length() + " characters")));
        }
        FieldErrors id = new FieldErrors();
        id.characters("knowledge.id", ref.id(), true);
        id.throwIfAny();
        if (ref.kind() == KnowledgeKind.ARTICLE) {
            Article article = knowledge.published(step.tx(), step.actor().tenant(), ArticleId.of(ref.id()))
                    .orElseThrow(() -> new NotFoundException("published article", ref.id()));
            return new Offer(article.version(), article.problem(), article.typical());
        }
        FaqEntry entry = knowledge.faq(step.tx(), step.actor().tenant(), FaqId.of(ref.id()))
                .filter(FaqEntry::active).orElseThrow(() -> new NotFoundException("FAQ entry", ref.id()));
        return new Offer(entry.version(), entry.question(), true);
    }

    /**
     * Stores the consultation record in the command's transaction. It counts as given at the first contact
     * when the request has had one contact and is still at first line.
     */
    private ConsultationRecord keep(Step step, Optional<KnowledgeRef> offered, int version, boolean typical,
                                    boolean solved) {
        Request current = step.current();
        boolean firstContact = current.line() == SupportLine.FIRST_LINE
                && step.tx().findContacts(current.tenant(), current.id()).size() == 1;
        ConsultationRecord record = new ConsultationRecord(UUID.randomUUID().toString(), current.id(), offered,
                version, step.actor().id(), typical, solved, firstContact, step.now());
        step.tx().insertCatalogRecord(new CatalogRecord(current.tenant(), CONSULTATION, record.id(), 1,
                Optional.of(current.id().value()), step.now(), codec.toJson(record)));
        return record;
    }

    private static void requireAtIntakeLead(Step step) {
        if (step.current().line() != SupportLine.INTAKE_LEAD) {
            step.errors().add("request.line", "intake-lead", "non-typical instructions are given by the intake lead; "
                    + "redirect the request to the intake lead first (it is at " + step.current().line() + ")");
        }
    }

    private static LaborFunction function(Actor actor) {
        return switch (actor.role()) {
            case FIRST_LINE_OPERATOR -> LaborFunction.A_02_3;
            case INTAKE_LEAD -> LaborFunction.B_01_6;
            default -> LaborFunction.C_02_6;
        };
    }

    private static String numbered(List<String> steps) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(steps.get(i));
        }
        return text.toString();
    }

    private record Offer(int version, String title, boolean typical) {
    }
}
