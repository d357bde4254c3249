package dev.supportkit.core.internal.scheduling;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.Department;
import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.scheduling.WorksKind;
import dev.supportkit.api.scheduling.WorksOrder;
import dev.supportkit.api.scheduling.WorksOutcome;
import dev.supportkit.api.scheduling.WorksProposal;
import dev.supportkit.api.scheduling.WorksStatus;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.RequestCommands.Step;
import dev.supportkit.core.internal.security.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Works agreed with the departments that do them and with the customer (C/01.6): proposed, agreed by each
 * department (or other dates proposed), the customer told, moved or cancelled with everyone told, done with
 * an outcome, and signed off by the customer where the order asks for it. Orders live on the request.
 */
final class WorksOrders {
    private static final int MAX_DEPARTMENTS = 10;
    private static final int TEXT_MAX = 1_000;

    private final RequestCommands commands;

    WorksOrders(RequestCommands commands) {
        this.commands = commands;
    }

    /** The labour function works of a kind are coded under. */
    static LaborFunction function(WorksKind kind) {
        return switch (kind) {
            case INSTALLATION, COMMISSIONING -> LaborFunction.C_01_6;
            case CONFIGURATION -> LaborFunction.C_02_6;
            case REPAIR_VISIT -> LaborFunction.C_03_6;
        };
    }

    Request propose(Actor actor, RequestRef ref, WorksProposal proposal) {
        return commands.execute(actor, ref, Permission.PLAN_WORKS, RequestAction.PROPOSE_WORKS, true, step -> {
            FieldErrors errors = step.errors();
            if (!errors.required("works", proposal)) {
                return null;
            }
            errors.required("works.kind", proposal.kind());
            if (errors.required("works.site", proposal.site())) {
                Optional<Site> site = step.tx().findDirectoryEntry(actor.tenant(), Site.class, proposal.site().value());
                if (site.isEmpty() || !site.get().organization().equals(step.current().organization())) {
                    errors.add("works.site", "belongs-to-organization", "'" + proposal.site()
                            + "' is not a site of the request's organization");
                }
            }
            checkWindow(step, proposal.start(), proposal.end());
            errors.maxLength("works.note", proposal.note(), TEXT_MAX);
            if (proposal.departments().isEmpty() || proposal.departments().size() > MAX_DEPARTMENTS) {
                errors.add("works.departments", "size", "1 to " + MAX_DEPARTMENTS + " departments (was "
                        + proposal.departments().size() + ")");
            }
            for (DepartmentId department : proposal.departments()) {
                if (step.tx().findDirectoryEntry(actor.tenant(), Department.class, department.value()).isEmpty()) {
                    errors.add("works.departments", "exists", "no department '" + department + "'");
                }
            }
            if (!errors.isEmpty()) {
                return null;
            }
            WorksOrder order = new WorksOrder(UUID.randomUUID().toString(), proposal.kind(), proposal.site(),
                    proposal.start(), proposal.end(), List.copyOf(proposal.departments()), List.of(),
                    WorksStatus.PROPOSED, proposal.signOffRequired(),
                    Optional.ofNullable(proposal.note()).filter(n -> !n.isBlank()), Optional.empty(), Optional.empty());
            List<WorksOrder> works = new ArrayList<>(step.current().works());
            works.add(order);
            Change change = Change.of(step.advance().works(works), new JournalDraft(function(order.kind()),
                    Visibility.INTERNAL, null, new RequestEvent.WorksProposed(order.id(), order.kind(), order.site(),
                    order.start(), order.end(), order.departments()), "Works (" + order.kind() + ") proposed for "
                    + order.start() + " – " + order.end() + " to " + String.join(", ",
                    order.departments().stream().map(DepartmentId::value).toList())));
            return toDepartments(change, order, order.departments());
        });
    }

    Request agree(Actor actor, RequestRef ref, String orderId, DepartmentId department) {
        return commands.execute(actor, ref, Permission.AGREE_WORKS, RequestAction.AGREE_WORKS, false, step -> {
            WorksOrder order = order(step, orderId, WorksStatus.PROPOSED);
            requireMember(step, order, department);
            if (order.agreedBy().contains(department)) {
                step.errors().add("works.department", "agreed-once", "department '" + department
                        + "' already agreed to these dates");
                return null;
            }
            List<DepartmentId> agreed = new ArrayList<>(order.agreedBy());
            agreed.add(department);
            boolean complete = agreed.containsAll(order.departments());
            WorksOrder next = order.toBuilder().agreedBy(agreed)
                    .status(complete ? WorksStatus.AGREED : WorksStatus.PROPOSED).build();
            Change change = Change.of(step.advance().works(replace(step.current(), next)), new JournalDraft(
                    function(order.kind()), complete ? Visibility.CUSTOMER_VISIBLE : Visibility.INTERNAL, null,
                    new RequestEvent.WorksAgreed(order.id(), department, complete), complete
                    ? "Works (" + order.kind() + ") agreed for " + order.start() + " – " + order.end()
                    : "Department " + department + " agreed to works " + order.id()));
            return complete ? change.notifyCustomer(MessageTopic.WORKS_SCHEDULED, Map.of("visitStart",
                    order.start().toString(), "visitEnd", order.end().toString(), "note", order.note().orElse("")))
                    : change;
        });
    }

    Request proposeOtherDates(Actor actor, RequestRef ref, String orderId, DepartmentId department, Instant start,
                              Instant end, String reason) {
        return commands.execute(actor, ref, Permission.AGREE_WORKS, RequestAction.PROPOSE_OTHER_DATES, false, step -> {
            WorksOrder order = order(step, orderId, WorksStatus.PROPOSED);
            requireMember(step, order, department);
            checkWindow(step, start, end);
            step.errors().requiredText("works.reason", reason, TEXT_MAX);
            if (!step.errors().isEmpty()) {
                return null;
            }
            // the proposing department agrees to its own dates; everyone else must agree again
            WorksOrder next = order.toBuilder().window(start, end).agreedBy(List.of(department)).build();
            Change change = Change.of(step.advance().works(replace(step.current(), next)), new JournalDraft(
                    function(order.kind()), Visibility.INTERNAL, null, new RequestEvent.WorksDatesProposed(order.id(),
                    department, start, end, reason), "Department " + department + " proposed " + start + " – " + end
                    + " for works " + order.id() + ": " + reason));
            return toDepartments(change, next, next.departments().stream().filter(d -> !d.equals(department)).toList());
        });
    }

    Request reschedule(Actor actor, RequestRef ref, String orderId, Instant start, Instant end, String reason) {
        return commands.execute(actor, ref, Permission.PLAN_WORKS, RequestAction.RESCHEDULE_WORKS, true, step -> {
            WorksOrder order = order(step, orderId, WorksStatus.AGREED);
            checkWindow(step, start, end);
            step.errors().requiredText("works.reason", reason, TEXT_MAX);
            if (step.errors().isEmpty() && start.equals(order.start()) && end.equals(order.end())) {
                step.errors().add("works.start", "changes", "the works are already agreed for these dates");
            }
            if (!step.errors().isEmpty()) {
                return null;
            }
            WorksOrder next = order.toBuilder().window(start, end).build();
            Map<String, String> moved = Map.of("visitStart", start.toString(), "visitEnd", end.toString(),
                    "note", reason);
            Change change = Change.of(step.advance().works(replace(step.current(), next)), new JournalDraft(
                    function(order.kind()), Visibility.CUSTOMER_VISIBLE, null, new RequestEvent.WorksRescheduled(
                    order.id(), order.start(), start, end, reason), "Works (" + order.kind() + ") moved from "
                    + order.start() + " to " + start + " – " + end + ": " + reason))
                    .notifyCustomer(MessageTopic.WORKS_RESCHEDULED, moved);
            for (DepartmentId department : order.departments()) {
                change = change.notify(MessageTopic.WORKS_RESCHEDULED, department.value(), moved);
            }
            return change;
        });
    }

    Request cancel(Actor actor, RequestRef ref, String orderId, String reason) {
        return commands.execute(actor, ref, Permission.PLAN_WORKS, RequestAction.CANCEL_WORKS, true, step -> {
            WorksOrder order = order(step, orderId, null);
            if (order.status() != WorksStatus.PROPOSED && order.status() != WorksStatus.AGREED) {
                step.errors().add("works", "open", "works " + orderId + " are " + order.status());
            }
            step.errors().requiredText("works.reason", reason, TEXT_MAX);
            if (!step.errors().isEmpty()) {
                return null;
            }
            WorksOrder next = order.toBuilder().status(WorksStatus.CANCELLED).build();
            Map<String, String> cancelled = Map.of("visitStart", order.start().toString(), "note", reason);
            boolean customerKnew = order.status() == WorksStatus.AGREED;
            Change change = Change.of(step.advance().works(replace(step.current(), next)), new JournalDraft(
                    function(order.kind()), customerKnew ? Visibility.CUSTOMER_VISIBLE : Visibility.INTERNAL, null,
                    new RequestEvent.WorksCancelled(order.id(), reason), "Works (" + order.kind() + ") of "
                    + order.start() + " cancelled: " + reason));
            if (customerKnew) {
                change = change.notifyCustomer(MessageTopic.WORKS_CANCELLED, cancelled);
            }
            for (DepartmentId department : order.departments()) {
                change = change.notify(MessageTopic.WORKS_CANCELLED, department.value(), cancelled);
            }
            return change;
        });
    }

    Request complete(Actor actor, RequestRef ref, String orderId, WorksOutcome outcome) {
        return commands.execute(actor, ref, Permission.PLAN_WORKS, RequestAction.COMPLETE_WORKS, true, step -> {
            WorksOrder order = order(step, orderId, WorksStatus.AGREED);
            FieldErrors errors = step.errors();
            if (errors.required("works.outcome", outcome)) {
                errors.requiredText("works.outcome.done", outcome.done(), 2 * TEXT_MAX);
                if (outcome.checks().size() > 50) {
                    errors.add("works.outcome.checks", "max-size", "at most 50 checks");
                }
                for (int i = 0; i < outcome.checks().size(); i++) {
                    errors.requiredText("works.outcome.checks[" + i + "]", outcome.checks().get(i), 500);
                }
            }
            if (!errors.isEmpty()) {
                return null;
            }
            WorksOrder next = order.toBuilder().status(WorksStatus.DONE).outcome(outcome).build();
            return Change.of(step.advance().works(replace(step.current(), next)), new JournalDraft(
                    function(order.kind()), Visibility.CUSTOMER_VISIBLE, null, new RequestEvent.WorksDone(order.id(),
                    outcome.done(), outcome.checks()), "Works (" + order.kind() + ") done: " + outcome.done()
                    + (order.signOffRequired() ? "; waiting for the customer's sign-off" : "")));
        });
    }

    Request signOff(Actor actor, RequestRef ref, String orderId, String comment) {
        return commands.execute(actor, ref, Permission.SIGN_OFF_WORKS, RequestAction.SIGN_OFF_WORKS, false, step -> {
            WorksOrder order = order(step, orderId, WorksStatus.DONE);
            if (!order.signOffRequired()) {
                step.errors().add("works", "sign-off-required", "works " + orderId + " ask for no sign-off");
            }
            step.errors().maxLength("works.comment", comment, TEXT_MAX);
            if (!step.errors().isEmpty()) {
                return null;
            }
            WorksOrder next = order.toBuilder().status(WorksStatus.SIGNED_OFF).signedOffBy(actor.id()).build();
            return Change.of(step.advance().works(replace(step.current(), next)), new JournalDraft(
                    function(order.kind()), Visibility.CUSTOMER_VISIBLE, null, new RequestEvent.WorksSignedOff(
                    order.id(), comment == null ? "" : comment), "Works (" + order.kind() + ") signed off by "
                    + actor.displayName() + (comment == null || comment.isBlank() ? "" : ": " + comment)));
        });
    }

    /** The request's order, in the status given (any when null); an unknown order is not found. */
    private static WorksOrder order(Step step, String orderId, WorksStatus status) {
        WorksOrder order = step.current().works().stream().filter(o -> o.id().equals(orderId)).findFirst()
                .orElseThrow(() -> new NotFoundException("works order", orderId));
        if (status != null && order.status() != status) {
            step.errors().add("works", status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "works " + orderId + " are " + order.status() + ", not " + status);
            step.errors().throwIfAny();
        }
        return order;
    }

    /** Only a person of a department named on the order agrees or proposes dates for it. */
    private static void requireMember(Step step, WorksOrder order, DepartmentId department) {
        if (!step.errors().required("works.department", department)) {
            step.errors().throwIfAny();
        }
        if (!order.departments().contains(department)) {
            step.errors().add("works.department", "named", "department '" + department + "' is not on works "
                    + order.id());
            step.errors().throwIfAny();
        }
        boolean member = step.tx().findDirectoryEntry(step.actor().tenant(), Department.class, department.value())
                .map(d -> d.people().stream().anyMatch(p -> p.value().equals(step.actor().id()))).orElse(false);
        if (!member) {
            throw new AccessDeniedException(step.actor().id() + " is not a person of department '" + department
                    + "' and may not agree for it");
        }
    }

    private static void checkWindow(Step step, Instant start, Instant end) {
        FieldErrors errors = step.errors();
        if (errors.required("works.start", start) && errors.inRange("works.start", start)
                && start.isBefore(step.now())) {
            errors.add("works.start", "not-in-past", "must not be in the past (was " + start + ")");
        }
        if (errors.required("works.end", end) && errors.inRange("works.end", end) && start != null
                && !end.isAfter(start)) {
            errors.add("works.end", "after-start", "must be after the start (" + start + ")");
        }
    }

    private static List<WorksOrder> replace(Request request, WorksOrder next) {
        return request.works().stream().map(o -> o.id().equals(next.id()) ? next : o).toList();
    }

    private static Change toDepartments(Change change, WorksOrder order, List<DepartmentId> departments) {
        Map<String, String> extras = new HashMap<>(Map.of("worksKind", order.kind().name(), "visitStart",
                order.start().toString(), "visitEnd", order.end().toString(), "site", order.site().value(),
                "note", order.note().orElse("")));
        for (DepartmentId department : departments) {
            change = change.notify(MessageTopic.WORKS_PROPOSED, department.value(), extras);
        }
        return change;
    }
}
