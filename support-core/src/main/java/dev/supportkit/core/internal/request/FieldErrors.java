package dev.supportkit.core.internal.request;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every field error of one input, then throws them together.
 */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    /**
     * Records an error.
     *
     * @param field   the field path
     * @param rule    the rule name
     * @param message the explanation
     * @return this collector
     */
    public FieldErrors add(String field, String rule, String message) {
        errors.add(new FieldError(field, rule, message));
        return this;
    }

    /**
     * Requires a value.
     *
     * @param field the field path
     * @param value the value
     * @return true when present
     */
    public boolean required(String field, Object value) {
        if (value == null) {
            add(field, "required", "is required");
            return false;
        }
        return true;
    }

    /**
     * Requires non-blank text no longer than {@code max}.
     *
     * @param field the field path
     * @param value the text
     * @param max   maximum length
     */
    public void requiredText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "required", "is required and must not be blank");
        } else {
            maxLength(field, value, max);
        }
    }

    /**
     * Limits optional text.
     *
     * @param field the field path
     * @param value the text, may be null
     * @param max   maximum length
     */
    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "max-length", "must not be longer than " + max + " characters (was " + value.length() + ")");
        }
    }

    /**
     * Rejects a time after {@code now}.
     *
     * @param field the field path
     * @param value the time, may be null
     * @param now   the engine's current time
     */
    public void notInFuture(String field, Instant value, Instant now) {
        if (value != null && value.isAfter(now)) {
            add(field, "not-in-future", "must not be in the future (was " + value + ", now is " + now + ")");
        }
    }

    /**
     * Returns how many errors were recorded so far.
     *
     * @return the number of errors
     */
    public int size() {
        return errors.size();
    }

    /**
     * Returns true when no error was recorded.
     *
     * @return true when no error was recorded
     */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /**
     * Throws every recorded error at once.
     *
     * @throws ValidationException when any error was recorded
     */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
