package dev.supportkit.api.reports.table;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of one value object, then throws them together. */
final class Checks {
    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();

    /** @param prefix the dotted path before each field name, e.g. {@code column}; may be empty */
    Checks(String prefix) {
        this.prefix = prefix;
    }

    /** Records a broken rule when {@code broken} holds, and returns {@code !broken}. */
    boolean rule(boolean broken, String field, String rule, String message) {
        if (broken) {
            errors.add(new FieldError(prefix.isEmpty() ? field : prefix + "." + field, rule, message));
        }
        return !broken;
    }

    /** Records {@code required} when {@code value} is null; returns whether it is present. */
    boolean required(Object value, String field) {
        return rule(value == null, field, "required", "is required");
    }

    /** Records {@code required} for null and {@code not-blank} for blank text. */
    boolean text(String value, String field) {
        return required(value, field) && rule(value.isBlank(), field, "not-blank", "must not be blank");
    }

    /** Records {@code required} for a null list and {@code no-nulls} when it holds a null. */
    boolean list(List<?> value, String field) {
        if (!required(value, field)) {
            return false;
        }
        for (int i = 0; i < value.size(); i++) {
            if (!required(value.get(i), field + "[" + i + "]")) {
                return false;
            }
        }
        return true;
    }

    /** Throws a {@link ValidationException} listing every broken rule, if any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
