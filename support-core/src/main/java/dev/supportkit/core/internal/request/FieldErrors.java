package dev.supportkit.core.internal.request;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects every field error of one input, then throws them together.
 *
 * <p>Every text checked here also follows one character policy (rule {@code characters}): no NUL and no
 * lone surrogate anywhere; a single-line field (one of at most {@value #SINGLE_LINE_MAX} characters: names,
 * subjects, numbers, ids) has no control characters and no bidirectional overrides or isolates; a
 * multi-line field (a longer one: descriptions, instructions, answers) may hold tabs and line breaks but no
 * other control characters.
 */
public final class FieldErrors {
    /** Texts of at most this many characters are single-line fields. */
    public static final int SINGLE_LINE_MAX = 200;
    /** The earliest instant accepted in any input. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** The latest instant accepted in any input. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

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
        } else {
            characters(field, value, max <= SINGLE_LINE_MAX);
        }
    }

    /**
     * Applies the character policy to a text.
     *
     * @param field      the field path
     * @param value      the text, may be null
     * @param singleLine whether the field holds one line
     * @return true when the text follows the policy
     */
    public boolean characters(String field, String value, boolean singleLine) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String problem = null;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                problem = "a lone surrogate";
            } else if (Character.isLowSurrogate(c)) {
                problem = "a lone surrogate";
            } else if (c == 0) {
                problem = "NUL";
            } else if (Character.getType(c) == Character.CONTROL
                    && (singleLine || c != '\t' && c != '\n' && c != '\r')) {
                problem = singleLine ? "a control character (a single-line field)" : "a control character";
            } else if (singleLine && (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069')) {
                problem = "a bidirectional override (a single-line field)";
            }
            if (problem != null) {
                add(field, "characters", "must not contain " + problem + ": U+"
                        + String.format("%04X", (int) c) + " at position " + i);
                return false;
            }
        }
        return true;
    }

    /**
     * Rejects a time after {@code now}.
     *
     * @param field the field path
     * @param value the time, may be null
     * @param now   the engine's current time
     */
    public void notInFuture(String field, Instant value, Instant now) {
        if (!inRange(field, value)) {
            return;
        }
        if (value != null && value.isAfter(now)) {
            add(field, "not-in-future", "must not be in the future (was " + value + ", now is " + now + ")");
        }
    }

    /**
     * Limits the size of a collection (rule {@code max-size}).
     *
     * @param field the field path
     * @param items the collection, may be null
     * @param max   the most items allowed
     * @return true when it is absent or small enough
     */
    public boolean maxSize(String field, Collection<?> items, int max) {
        if (items != null && items.size() > max) {
            add(field, "max-size", "must hold at most " + max + " items (was " + items.size() + ")");
            return false;
        }
        return true;
    }

    /**
     * Rejects an instant outside the range every store keeps exactly, {@link #EARLIEST} to {@link #LATEST}
     * (rule {@code range}).
     *
     * @param field the field path
     * @param value the instant, may be null
     * @return true when it is absent or in range
     */
    public boolean inRange(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            add(field, "range", "must be between " + EARLIEST + " and " + LATEST + " (was " + value + ")");
            return false;
        }
        return true;
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
