package dev.supportkit.core.internal.request;

/**
 * A step the command pipeline runs with every change of a request, inside the command's transaction: a
 * capability (deadlines, events, CRM pushes, ...) adds a hook instead of editing commands. Hooks are bound
 * with a Guice multibinder and run in a stable order: by {@link #order()}, then by class name. A hook that
 * throws rolls the whole change back.
 */
public interface CommandHook {

    /**
     * Adjusts the new snapshot before it is stored, e.g. moves its deadlines. Does nothing by default.
     *
     * @param change the change about to be stored
     */
    default void beforeStore(PendingChange change) {
    }

    /**
     * Reacts to a change after its snapshot and journal entries are written, in the same transaction.
     *
     * @param context the change as stored
     */
    void afterChange(HookContext context);

    /**
     * Returns where this hook runs among the others; lower runs first.
     *
     * @return the hook's place; 0 by default
     */
    default int order() {
        return 0;
    }
}
