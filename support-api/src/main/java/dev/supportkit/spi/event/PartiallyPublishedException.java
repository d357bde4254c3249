package dev.supportkit.spi.event;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.util.List;

/**
 * Thrown by {@link EventSink#publishAll} when not every event was acknowledged: tells how many of them, from the
 * first, were. The cause is the failure of the first event that was not.
 */
public final class PartiallyPublishedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How many events, from the first, the broker acknowledged. */
    private final int acknowledged;

    /**
     * @param acknowledged how many events, from the first, the broker acknowledged (zero or more)
     * @param cause        why the next one was not
     * @throws ValidationException naming {@code acknowledged} when it is negative
     */
    public PartiallyPublishedException(int acknowledged, Throwable cause) {
        super(acknowledged + " event(s) acknowledged, then: " + (cause == null ? "no cause" : cause.getMessage()),
                cause);
        if (acknowledged < 0) {
            throw new ValidationException(List.of(new FieldError("acknowledged", "min",
                    "must not be negative, got " + acknowledged)));
        }
        this.acknowledged = acknowledged;
    }

    /**
     * @return how many events, from the first, the broker acknowledged
     */
    public int acknowledged() {
        return acknowledged;
    }
}
