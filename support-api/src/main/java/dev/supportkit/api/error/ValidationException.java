package dev.supportkit.api.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input was rejected. Lists every bad field with the rule it broke, not only the first one;
 * nothing was changed.
 */
public class ValidationException extends SupportException {
    private static final long serialVersionUID = 1L;
    /** @serial errors */
    private final transient List<FieldError> errors;

    /**
     * Creates the exception from the complete list of field errors.
     *
     * @param errors every field error found; must not be empty
     */
    public ValidationException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    /**
     * Every field error, in the order they were found.
     *
     * @return an immutable, non-empty list
     */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return "Invalid input (" + errors.size() + " error" + (errors.size() == 1 ? "" : "s") + "): "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
