package dev.supportkit.core.internal.resolution;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.resolution.FailureCauseCatalogue;
import dev.supportkit.api.resolution.FailureReport;
import dev.supportkit.api.resolution.FailureStatistics;
import dev.supportkit.api.resolution.InstalledUnit;
import dev.supportkit.api.resolution.ResolutionService;
import dev.supportkit.api.resolution.EquipmentCheck;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.LineFunctions;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.RequestCommands.Step;
import dev.supportkit.core.internal.security.Permission;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Diagnosis with the customer, removal of the problem and joint sign-off (C/02.6, C/03.6); the failure register
 * (C/03.6) is the {@link FailureRegister}'s.
 */
public final class DefaultResolutionService implements ResolutionService {
    /** Longest resolution summary: also the limit of an imported resolution. */
    public static final int SUMMARY_MAX = 4000;
    /** Longest resolution cause: also the limit of an imported resolution. */
    public static final int CAUSE_MAX = 1000;

    private final java.util.Set<String> configurationCategories;
    private final RequestCommands commands;
    private final FailureRegister failures;

    /**
     * @param commands the unit-of-work runner
     * @param codec    JSON for the failure-cause catalogue
     * @param settings the engine's settings: the categories of configuration help (resolved as C/02.6)
     */
    @Inject
    public DefaultResolutionService(RequestCommands commands, JacksonCodec codec, EngineSettings settings) {
        this.commands = commands;
        this.failures = new FailureRegister(commands, codec);
        this.configurationCategories = java.util.Set.copyOf(settings.work().configurationCategories());
    }

    @Override
    public Request recordCheck(Actor actor, RequestRef ref, EquipmentCheck check) {
        return commands.execute(actor, ref, Permission.RECORD_CHECK, RequestAction.RECORD_CHECK, true, step -> {
            FieldErrors errors = step.errors();
            if (!errors.required("check", check)) {
                return null;
            }
            errors.requiredText("check.findings", check.findings(), 4000);
            if (check.measurements().size() > 50) {
                errors.add("check.measurements", "max-size", "at most 50 measurements");
            }
            for (int i = 0; i < check.measurements().size(); i++) {
                EquipmentCheck.Measurement m = check.measurements().get(i);
                if (errors.required("check.measurements[" + i + "]", m)) {
                    errors.requiredText("check.measurements[" + i + "].name", m.name(), 100);
                    errors.requiredText("check.measurements[" + i + "].value", m.value(), 200);
                }
            }
            if (!errors.isEmpty()) {
                return null;
            }
            return Change.of(step.advance(), new JournalDraft(LaborFunction.C_03_6, Visibility.INTERNAL, null,
                    new RequestEvent.EquipmentChecked(check.onSite(), check.component().orElse(null), check.findings(),
                            check.measurements()), (check.onSite() ? "On-site" : "Remote") + " check"
                    + check.component().map(c -> " of " + c).orElse("") + ": " + check.findings()
                    + (check.measurements().isEmpty() ? "" : "; " + String.join(", ", check.measurements().stream()
                    .map(m -> m.name() + " = " + m.value()).toList()))));
        });
    }

    /**
     * Removing the problem is coded by the line, except configuration help at second line: a request of a
     * configuration category is resolved as C/02.6.
     */
    private LaborFunction resolutionFunction(Request request) {
        boolean configuration = request.category().map(configurationCategories::contains).orElse(false);
        return configuration && request.line() == dev.supportkit.api.directory.SupportLine.SECOND_LINE
                ? LaborFunction.C_02_6 : LineFunctions.solution(request.line());
    }

    @Override
    public FailureCauseCatalogue defineFailureCauses(Actor admin, String yaml) {
        return failures.define(admin, yaml);
    }

    @Override
    public FailureCauseCatalogue failureCauses(Actor actor) {
        return failures.causes(actor);
    }

    @Override
    public InstalledUnit registerInstalledUnit(Actor admin, InstalledUnit unit) {
        return failures.register(admin, unit);
    }

    @Override
    public List<InstalledUnit> installedUnits(Actor actor, Optional<String> model) {
        return failures.units(actor, model);
    }

    @Override
    public Request recordFailure(Actor actor, RequestRef ref, FailureReport report) {
        return failures.record(actor, ref, report);
    }

    @Override
    public FailureStatistics failureStatistics(Actor actor, Instant from, Instant until) {
        return failures.statistics(actor, from, until);
    }

    @Override
    public Request requestClarification(Actor actor, RequestRef ref, String question) {
        return commands.execute(actor, ref, Permission.REQUEST_CLARIFICATION, RequestAction.REQUEST_CLARIFICATION, true,
                step -> {
                    step.errors().requiredText("clarification.question", question, 4000);
                    if (!step.errors().isEmpty()) {
                        return null;
                    }
                    return Change.of(step.advance(), new JournalDraft(LineFunctions.dialogue(step.current().line()),
                            Visibility.CUSTOMER_VISIBLE, null, new RequestEvent.ClarificationRequested(question),
                            "Asked the customer to clarify: " + question))
                            .notifyCustomer(MessageTopic.WAITING_FOR_CUSTOMER, Map.of("question", question));
                });
    }

    @Override
    public Request resolve(Actor actor, RequestRef ref, ResolutionReport report) {
        return commands.execute(actor, ref, Permission.RESOLVE, RequestAction.RESOLVE, true, step -> {
            if (!step.errors().required("resolution", report)) {
                return null;
            }
            validate(step, report);
            if (!step.errors().isEmpty()) {
                return null;
            }
            return Change.of(step.advance().resolution(report),
                    new JournalDraft(resolutionFunction(step.current()), Visibility.CUSTOMER_VISIBLE, null,
                            new RequestEvent.Resolved(report.summary(), report.cause(), report.equipmentFailure(),
                                    report.failedComponent()),
                            "Resolved. Cause: " + report.cause() + ". Done: " + report.summary()))
                    .notifyCustomer(MessageTopic.REQUEST_RESOLVED,
                            Map.of("summary", report.summary(), "cause", report.cause()));
        });
    }

    private static void validate(Step step, ResolutionReport report) {
        FieldErrors errors = step.errors();
        errors.requiredText("resolution.summary", report.summary(), SUMMARY_MAX);
        errors.requiredText("resolution.cause", report.cause(), CAUSE_MAX);
        if (!report.equipmentFailure() && report.failedComponent() != null) {
            errors.add("resolution.failedComponent", "only-with-equipment-failure",
                    "may be set only when equipmentFailure is true");
        }
        if (report.equipmentFailure() && errors.required("resolution.failedComponent", report.failedComponent())) {
            Optional<SupportedSystem> system = step.current().system().flatMap(id -> step.tx()
                    .findDirectoryEntry(step.actor().tenant(), SupportedSystem.class, id.value()));
            boolean known = system.map(s -> s.components().stream()
                    .anyMatch(c -> report.failedComponent().equals(c.id()))).orElse(false);
            if (!known) {
                errors.add("resolution.failedComponent", "component-of-system",
                        "'" + report.failedComponent() + "' is not a component of the request's supported system");
            }
        }
    }

    /**
     * Sign-off belongs to the request's own representative, or to a representative of its organisation whose
     * directory entry grants sign-off authority.
     */
    private static void requireSignOffAuthority(Step step) {
        Actor actor = step.actor();
        if (actor.id().equals(step.current().representative().value())) {
            return;
        }
        boolean authorised = step.tx().findDirectoryEntry(actor.tenant(), Representative.class, actor.id())
                .filter(r -> r.signOffAuthority() && step.current().organization().equals(r.organization()))
                .isPresent();
        if (!authorised) {
            throw new AccessDeniedException("Only the request's representative (" + step.current().representative()
                    + ") or a representative with sign-off authority may sign off request " + step.current().id());
        }
    }

    @Override
    public Request signOff(Actor actor, RequestRef ref, String comment) {
        return commands.execute(actor, ref, Permission.SIGN_OFF, RequestAction.SIGN_OFF, false, step -> {
            requireSignOffAuthority(step);
            step.errors().maxLength("signOff.comment", comment, 2000);
            return Change.of(step.advance(), new JournalDraft(LaborFunction.C_03_6, Visibility.CUSTOMER_VISIBLE, null,
                    new RequestEvent.SignedOff(comment),
                    "Results signed off jointly with the customer's representative " + actor.displayName()
                            + (comment == null || comment.isBlank() ? "" : ": " + comment)));
        });
    }

    @Override
    public Request reopen(Actor actor, RequestRef ref, String objection) {
        return commands.execute(actor, ref, Permission.REOPEN, RequestAction.REOPEN, false, step -> {
            step.errors().requiredText("reopen.objection", objection, 2000);
            return Change.of(step.advance().resolution(null),
                    new JournalDraft(LineFunctions.solution(step.current().line()), Visibility.CUSTOMER_VISIBLE, null,
                            new RequestEvent.Reopened(objection),
                            "Reopened on the objection of " + actor.displayName() + ": " + objection));
        });
    }
}
