package dev.supportkit.api.error;

/**
 * The requested action is not legal in the request's current state. Nothing was changed.
 */
public class InvalidTransitionException extends SupportException {
    private static final long serialVersionUID = 1L;
    /** @serial currentState */
    private final String currentState;
    /** @serial action */
    private final String action;

    /**
     * Creates the exception.
     *
     * @param currentState the state the request is in
     * @param action       the action that was attempted
     */
    public InvalidTransitionException(String currentState, String action) {
        super("Cannot " + action + " a request in state " + currentState);
        this.currentState = currentState;
        this.action = action;
    }

    /**
     * Returns the state the request was in.
     *
     * @return the state the request was in
     */
    public String currentState() {
        return currentState;
    }

    /**
     * Returns the action that was refused.
     *
     * @return the action that was refused
     */
    public String action() {
        return action;
    }
}
