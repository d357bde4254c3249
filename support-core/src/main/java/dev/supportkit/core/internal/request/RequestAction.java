package dev.supportkit.core.internal.request;

/** The actions that move a request through its life, as the state machine knows them. */
public enum RequestAction {
    /** Attach a further contact to an open request. */
    ATTACH_CONTACT("attach a contact to"),
    /** First line takes a registered request. */
    TAKE_INTO_WORK("take into work"),
    /** Give the customer an instruction. */
    CONSULT("record a consultation on"),
    /** Redirect to the intake lead. */
    REDIRECT_TO_INTAKE_LEAD("redirect to the intake lead"),
    /** Redirect to second line. */
    REDIRECT_TO_SECOND_LINE("redirect to second line"),
    /** Ask the customer to clarify. */
    REQUEST_CLARIFICATION("request a clarification on"),
    /** The customer answered. */
    PROVIDE_CLARIFICATION("provide a clarification on"),
    /** Plan a site visit. */
    SCHEDULE_VISIT("schedule a visit for"),
    /** Appoint an executor with a deadline. */
    SET_EXECUTOR_DEADLINE("set an executor's deadline on"),
    /** Document the fix. */
    RESOLVE("resolve"),
    /** Record an equipment failure in the failure register; the status stays as it is. */
    RECORD_FAILURE("record a failure on"),
    /** Joint sign-off by the customer's representative. */
    SIGN_OFF("sign off"),
    /** The customer objects to the result. */
    REOPEN("reopen"),
    /** Close after sign-off. */
    CLOSE("close"),
    /** Hand the request to the supported system's vendor; it stays at second line. */
    ESCALATE_TO_VENDOR("escalate to the vendor"),
    /** Record a message exchanged with the vendor. */
    RECORD_VENDOR_CORRESPONDENCE("record vendor correspondence on"),
    /** Bring the vendor's answer back into the request. */
    RECORD_VENDOR_ANSWER("record the vendor's answer on"),
    /** Hand the request up to the lead of its group; it stays at second line. */
    ESCALATE_TO_GROUP_LEAD("escalate to the group lead"),
    /** Resolve the request together with the mass incident it is linked to. */
    RESOLVE_WITH_INCIDENT("resolve with its mass incident"),
    /** Assign, reassign or unassign within the line, or move to another group at second line. */
    ASSIGN("assign"),
    /** Add an internal note. */
    ADD_NOTE("add a note to"),
    /** Reply to the customer. */
    REPLY("reply on"),
    /** Record the analysis; change priority, category, system or the typical flag. */
    TRIAGE("triage"),
    /** A group lead advises or helps a specialist. */
    ADVISE("advise on"),
    /** Record time spent. */
    RECORD_TIME("record time on"),
    /** Draft or change the work plan. */
    PLAN_WORK("plan work on"),
    /** Approve the work plan. */
    APPROVE_PLAN("approve the work plan of"),
    /** Mark a planned task done. */
    COMPLETE_TASK("complete a task of"),
    /** The customer answers the satisfaction survey. */
    ANSWER_SURVEY("answer the survey of"),
    /** Attach a file to an entry. */
    ATTACH_FILE("attach a file to"),
    /** Book a visit with technicians. */
    BOOK_VISIT("book a visit for"),
    /** Move a booked visit. */
    RESCHEDULE_VISIT("reschedule a visit of"),
    /** Cancel a booked visit. */
    CANCEL_VISIT("cancel a visit of"),
    /** Record a check of the equipment. */
    RECORD_CHECK("record a check on"),
    /** Record a training of the customer's staff. */
    RECORD_TRAINING("record a training on"),
    /** Offer the customer visit windows. */
    OFFER_VISIT("offer visit windows for"),
    /** The customer confirms an offered window. */
    CONFIRM_VISIT("confirm a visit of"),
    /** Propose works to departments. */
    PROPOSE_WORKS("propose works for"),
    /** A department agrees to the works' dates. */
    AGREE_WORKS("agree to works of"),
    /** A department proposes other dates. */
    PROPOSE_OTHER_DATES("propose other dates for works of"),
    /** Move agreed works. */
    RESCHEDULE_WORKS("reschedule works of"),
    /** Cancel works. */
    CANCEL_WORKS("cancel works of"),
    /** Record works done. */
    COMPLETE_WORKS("complete works of"),
    /** The customer signs works off. */
    SIGN_OFF_WORKS("sign off works of");

    private final String verb;

    RequestAction(String verb) {
        this.verb = verb;
    }

    /**
     * Returns the action in words, e.g. "sign off".
     *
     * @return the action in words, e.g. "sign off"
     */
    public String verb() {
        return verb;
    }
}
