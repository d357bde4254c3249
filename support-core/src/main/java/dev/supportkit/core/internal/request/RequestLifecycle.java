package dev.supportkit.core.internal.request;

import static dev.supportkit.api.request.RequestStatus.AT_INTAKE_LEAD;
import static dev.supportkit.api.request.RequestStatus.AT_SECOND_LINE;
import static dev.supportkit.api.request.RequestStatus.CLOSED;
import static dev.supportkit.api.request.RequestStatus.IN_PROGRESS_FIRST_LINE;
import static dev.supportkit.api.request.RequestStatus.REGISTERED;
import static dev.supportkit.api.request.RequestStatus.RESOLVED;
import static dev.supportkit.api.request.RequestStatus.SIGNED_OFF;
import static dev.supportkit.api.request.RequestStatus.WAITING_FOR_CUSTOMER;

import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The request state machine: which action is legal in which status, and where it leads. Anything
 * not in the table is an {@link InvalidTransitionException}.
 */
public final class RequestLifecycle {

    /** Marker target: "the working status of the line that holds the request". */
    private static final RequestStatus BACK_TO_LINE = null;

    private static final Set<RequestStatus> WORKING = EnumSet.of(IN_PROGRESS_FIRST_LINE, AT_INTAKE_LEAD, AT_SECOND_LINE);
    private static final Map<RequestAction, Map<RequestStatus, RequestStatus>> TABLE = new EnumMap<>(RequestAction.class);

    static {
        for (RequestStatus open : EnumSet.of(REGISTERED, IN_PROGRESS_FIRST_LINE, AT_INTAKE_LEAD, AT_SECOND_LINE,
                WAITING_FOR_CUSTOMER, RESOLVED)) {
            legal(RequestAction.ATTACH_CONTACT, open, open);
            legal(RequestAction.ATTACH_FILE, open, open);
        }
        legal(RequestAction.TAKE_INTO_WORK, REGISTERED, IN_PROGRESS_FIRST_LINE);
        legal(RequestAction.ANSWER_SURVEY, CLOSED, CLOSED);
        for (RequestStatus working : WORKING) {
            legal(RequestAction.CONSULT, working, working);
            legal(RequestAction.REQUEST_CLARIFICATION, working, WAITING_FOR_CUSTOMER);
            legal(RequestAction.RESOLVE, working, RESOLVED);
        }
        legal(RequestAction.REDIRECT_TO_INTAKE_LEAD, IN_PROGRESS_FIRST_LINE, AT_INTAKE_LEAD);
        legal(RequestAction.REDIRECT_TO_INTAKE_LEAD, AT_SECOND_LINE, AT_INTAKE_LEAD);
        legal(RequestAction.REDIRECT_TO_SECOND_LINE, IN_PROGRESS_FIRST_LINE, AT_SECOND_LINE);
        legal(RequestAction.REDIRECT_TO_SECOND_LINE, AT_INTAKE_LEAD, AT_SECOND_LINE);
        legal(RequestAction.SCHEDULE_VISIT, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.BOOK_VISIT, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.RESCHEDULE_VISIT, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.CANCEL_VISIT, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.OFFER_VISIT, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.RECORD_CHECK, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.RECORD_TRAINING, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.CONFIRM_VISIT, AT_SECOND_LINE, AT_SECOND_LINE);
        for (RequestAction works : EnumSet.of(RequestAction.PROPOSE_WORKS, RequestAction.AGREE_WORKS,
                RequestAction.PROPOSE_OTHER_DATES, RequestAction.RESCHEDULE_WORKS, RequestAction.CANCEL_WORKS,
                RequestAction.COMPLETE_WORKS, RequestAction.SIGN_OFF_WORKS)) {
            legal(works, AT_SECOND_LINE, AT_SECOND_LINE);
        }
        legal(RequestAction.SET_EXECUTOR_DEADLINE, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.PLAN_WORK, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.APPROVE_PLAN, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.COMPLETE_TASK, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.ESCALATE_TO_VENDOR, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.RECORD_VENDOR_CORRESPONDENCE, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.RECORD_VENDOR_ANSWER, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.ESCALATE_TO_GROUP_LEAD, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.PROVIDE_CLARIFICATION, WAITING_FOR_CUSTOMER, BACK_TO_LINE);
        for (RequestStatus open : EnumSet.of(REGISTERED, IN_PROGRESS_FIRST_LINE, AT_INTAKE_LEAD, AT_SECOND_LINE,
                WAITING_FOR_CUSTOMER)) {
            legal(RequestAction.RESOLVE_WITH_INCIDENT, open, RESOLVED);
            // day-to-day work leaves an open request where it is
            legal(RequestAction.ASSIGN, open, open);
            legal(RequestAction.ADD_NOTE, open, open);
            legal(RequestAction.REPLY, open, open);
            legal(RequestAction.TRIAGE, open, open);
            legal(RequestAction.ADVISE, open, open);
            legal(RequestAction.RECORD_TIME, open, open);
        }
        legal(RequestAction.RECORD_TIME, RESOLVED, RESOLVED);
        legal(RequestAction.RECORD_FAILURE, AT_SECOND_LINE, AT_SECOND_LINE);
        legal(RequestAction.RECORD_FAILURE, RESOLVED, RESOLVED);
        legal(RequestAction.SIGN_OFF, RESOLVED, SIGNED_OFF);
        legal(RequestAction.REOPEN, RESOLVED, BACK_TO_LINE);
        legal(RequestAction.CLOSE, SIGNED_OFF, CLOSED);
    }

    private RequestLifecycle() {
    }

    private static void legal(RequestAction action, RequestStatus from, RequestStatus to) {
        TABLE.computeIfAbsent(action, a -> new EnumMap<>(RequestStatus.class)).put(from, to);
    }

    /**
     * Where an action leads from the request's current status.
     *
     * @param request the request
     * @param action  the action
     * @return the new status
     * @throws InvalidTransitionException when the action is not legal in the current status
     */
    public static RequestStatus next(Request request, RequestAction action) {
        Map<RequestStatus, RequestStatus> from = TABLE.getOrDefault(action, Map.of());
        if (!from.containsKey(request.status())) {
            throw new InvalidTransitionException(request.status().name(), action.verb());
        }
        RequestStatus target = from.get(request.status());
        return target == BACK_TO_LINE ? workingStatus(request.line()) : target;
    }

    /**
     * @param action an action
     * @return the statuses in which it is legal
     */
    public static Set<RequestStatus> legalFrom(RequestAction action) {
        Map<RequestStatus, RequestStatus> from = TABLE.getOrDefault(action, Map.of());
        return from.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(from.keySet()));
    }

    /**
     * The status in which a line actively works on a request.
     *
     * @param line the line
     * @return its working status
     */
    public static RequestStatus workingStatus(SupportLine line) {
        return switch (line) {
            case FIRST_LINE -> IN_PROGRESS_FIRST_LINE;
            case INTAKE_LEAD -> AT_INTAKE_LEAD;
            case SECOND_LINE -> AT_SECOND_LINE;
            case VENDOR -> throw new IllegalStateException("vendor escalation keeps the request at second line");
        };
    }
}
