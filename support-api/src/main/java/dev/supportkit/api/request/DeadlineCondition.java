package dev.supportkit.api.request;

import java.time.Duration;
import java.util.Objects;

/**
 * A condition on a request's service-level deadlines, for queues such as "overdue" and "at risk in the
 * next hour". A query's conditions are alternatives: a request matches when it meets any of them.
 * "Now" is the engine clock's time when the query runs.
 *
 * <ul>
 *   <li>{@link #breached()}: a deadline was breached (also one met late since), or a running deadline is
 *       due now or earlier (the sweep that marks it breached may not have run yet);</li>
 *   <li>{@link #atRisk(Duration)}: no deadline is breached and a running deadline falls due after now
 *       and at most the window from now;</li>
 *   <li>{@link #met()}: the request has deadlines and every one of them was met.</li>
 * </ul>
 * A paused deadline does not run: it is neither at risk nor breached while paused.
 *
 * @param kind   which condition
 * @param window for {@link Kind#AT_RISK}, how far ahead a deadline counts as at risk; zero otherwise
 */
public record DeadlineCondition(Kind kind, Duration window) {
    /** The three conditions. */
    public enum Kind {
        /** Every deadline met. */
        MET,
        /** A running deadline falls due within the window. */
        AT_RISK,
        /** A deadline breached or past due. */
        BREACHED
    }

    /** The longest at-risk window a query may ask for. */
    public static final Duration MAX_WINDOW = Duration.ofDays(366);

    /**
     * Checks the window.
     *
     * @param kind   which condition
     * @param window for AT_RISK, more than zero and at most {@link #MAX_WINDOW}; zero otherwise
     */
    public DeadlineCondition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        if (kind == Kind.AT_RISK ? window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0
                : !window.isZero()) {
            throw new IllegalArgumentException(kind == Kind.AT_RISK
                    ? "the at-risk window must be more than zero and at most " + MAX_WINDOW + ", got " + window
                    : "only AT_RISK has a window");
        }
    }

    /**
     * Returns the condition "every deadline met".
     *
     * @return the condition
     */
    public static DeadlineCondition met() {
        return new DeadlineCondition(Kind.MET, Duration.ZERO);
    }

    /**
     * Returns the condition "a running deadline falls due within the window, none breached".
     *
     * @param window how far ahead, more than zero and at most {@link #MAX_WINDOW}
     * @return the condition
     */
    public static DeadlineCondition atRisk(Duration window) {
        return new DeadlineCondition(Kind.AT_RISK, window);
    }

    /**
     * Returns the condition "a deadline breached or past due".
     *
     * @return the condition
     */
    public static DeadlineCondition breached() {
        return new DeadlineCondition(Kind.BREACHED, Duration.ZERO);
    }
}
