package dev.supportkit.core.internal.intake;

import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.core.internal.request.FieldErrors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks a contact's answers against a questionnaire version and normalises them. Every problem is added
 * to the contact's field errors as {@code answers.<key>} with its rule:
 * <ul>
 * <li>{@code unknown-question}: no question has that key;</li>
 * <li>{@code not-asked}: the question is conditional and its condition does not hold, yet it was answered;</li>
 * <li>{@code required}: a required question that is shown was not answered (only for a new request);</li>
 * <li>{@code single-value}: more than one value for a question that takes one;</li>
 * <li>{@code max-length} (text), {@code one-of} and {@code no-duplicates} (choices), {@code number},
 * {@code min}, {@code max}, {@code date-time}, {@code yes-no}, {@code equipment}.</li>
 * </ul>
 * Blank values count as not given. A conditional question whose controlling answer is itself invalid is not
 * checked (whether it is shown cannot be known).
 */
final class AnswerCheck {
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,30}([.,]\\d{1,30})?");

    /** Where a question is in the check. */
    private enum Shown { SHOWN, HIDDEN, UNKNOWN }

    private AnswerCheck() {
    }

    /**
     * Checks answers.
     *
     * @param questionnaire the questionnaire version
     * @param given         the answers as given, by key
     * @param earlier       the answers the request already has (for an attached contact), by key; empty for a
     *                      new request
     * @param requireAll    whether required questions must be answered (a new request) or the contact only adds
     *                      or corrects answers (an attached contact)
     * @param equipment     the component ids an equipment answer may name, looked up when first needed
     * @param errors        where to add errors
     * @return the request's answers after the contact, in the questionnaire's order, shown questions only
     */
    static Map<String, List<String>> check(Questionnaire questionnaire, Map<String, List<String>> given,
                                           Map<String, List<String>> earlier, boolean requireAll,
                                           Supplier<Allowed> equipment, FieldErrors errors) {
        Map<String, Question> byKey = new LinkedHashMap<>();
        questionnaire.questions().forEach(q -> byKey.put(q.key(), q));
        for (String key : given.keySet()) {
            if (!byKey.containsKey(key)) {
                errors.add("answers." + key, "unknown-question", "questionnaire " + questionnaire.ref()
                        + " has no question '" + key + "'");
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        Set<String> unknown = new HashSet<>();
        Allowed[] allowed = new Allowed[1];
        for (Question q : questionnaire.questions()) {
            String field = "answers." + q.key();
            Shown shown = shown(q, result, unknown);
            List<String> values = clean(given.get(q.key()));
            if (shown == Shown.UNKNOWN) {
                unknown.add(q.key());
                continue;
            }
            if (shown == Shown.HIDDEN) {
                if (!values.isEmpty()) {
                    errors.add(field, "not-asked", "is asked only when '" + q.condition().get().question()
                            + "' is answered with one of " + q.condition().get().anyOf());
                }
                continue;
            }
            if (values.isEmpty()) {
                if (earlier.containsKey(q.key())) {
                    result.put(q.key(), earlier.get(q.key()));
                } else if (requireAll && q.required()) {
                    errors.add(field, "required", "is required: " + q.text());
                }
                continue;
            }
            List<String> normalised = value(q, field, values, () -> {
                if (allowed[0] == null) {
                    allowed[0] = equipment.get();
                }
                return allowed[0];
            }, errors);
            if (normalised == null) {
                unknown.add(q.key());
            } else {
                result.put(q.key(), normalised);
            }
        }
        return result;
    }

    /**
     * The component ids an equipment answer may name.
     *
     * @param ids   the ids
     * @param where where they come from, for the message (e.g. "system 'sys-pbx'")
     */
    record Allowed(Set<String> ids, String where) {
    }

    private static Shown shown(Question q, Map<String, List<String>> answered, Set<String> unknown) {
        if (q.condition().isEmpty()) {
            return Shown.SHOWN;
        }
        String by = q.condition().get().question();
        if (unknown.contains(by)) {
            return Shown.UNKNOWN;
        }
        List<String> answer = answered.getOrDefault(by, List.of());
        boolean matches = answer.stream().anyMatch(a -> q.condition().get().anyOf().stream()
                .anyMatch(v -> v.equalsIgnoreCase(a)));
        return matches ? Shown.SHOWN : Shown.HIDDEN;
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                clean.add(v.strip());
            }
        }
        return clean;
    }

    /** The normalised values, or null when invalid (errors added). */
    private static List<String> value(Question q, String field, List<String> values,
                                      Supplier<Allowed> equipment, FieldErrors errors) {
        if (q.type() != QuestionType.MULTIPLE_CHOICE && values.size() > 1) {
            errors.add(field, "single-value", "takes one value (got " + values.size() + ")");
            return null;
        }
        String value = values.get(0);
        switch (q.type()) {
            case TEXT -> {
                if (value.length() > q.maxLength()) {
                    errors.add(field, "max-length", "must not be longer than " + q.maxLength() + " characters (was "
                            + value.length() + ")");
                    return null;
                }
                return errors.characters(field, value, false) ? List.of(value) : null;
            }
            case SINGLE_CHOICE -> {
                String option = option(q, value);
                if (option == null) {
                    errors.add(field, "one-of", "'" + value + "' is not one of " + q.options());
                    return null;
                }
                return List.of(option);
            }
            case MULTIPLE_CHOICE -> {
                Set<String> chosen = new HashSet<>();
                boolean ok = true;
                for (String v : values) {
                    String option = option(q, v);
                    if (option == null) {
                        errors.add(field, "one-of", "'" + v + "' is not one of " + q.options());
                        ok = false;
                    } else if (!chosen.add(option)) {
                        errors.add(field, "no-duplicates", "'" + option + "' is chosen more than once");
                        ok = false;
                    }
                }
                return ok ? q.options().stream().filter(chosen::contains).toList() : null;
            }
            case NUMBER -> {
                if (!NUMBER.matcher(value).matches()) {
                    errors.add(field, "number", "'" + value + "' is not a decimal number (e.g. 12 or -3.5)");
                    return null;
                }
                BigDecimal number = new BigDecimal(value.replace(',', '.'));
                if (q.min().isPresent() && number.compareTo(q.min().get()) < 0) {
                    errors.add(field, "min", "must be at least " + q.min().get().toPlainString() + " (was " + value
                            + ")");
                    return null;
                }
                if (q.max().isPresent() && number.compareTo(q.max().get()) > 0) {
                    errors.add(field, "max", "must be at most " + q.max().get().toPlainString() + " (was " + value
                            + ")");
                    return null;
                }
                String plain = number.stripTrailingZeros().toPlainString();
                return List.of(plain.startsWith("+") ? plain.substring(1) : plain);
            }
            case DATE_TIME -> {
                String normalised = dateTime(value);
                if (normalised == null) {
                    errors.add(field, "date-time", "'" + value + "' is not an ISO-8601 date or date-time (e.g. "
                            + "2026-11-25, 2026-11-25T09:30 or 2026-11-25T09:30:00+03:00)");
                    return null;
                }
                return List.of(normalised);
            }
            case YES_NO -> {
                // stored as yes/no whatever the language the customer answered in
                String normalised = switch (value.toLowerCase(Locale.ROOT)) {
                    case "yes", "да" -> "yes";
                    case "no", "нет" -> "no";
                    default -> null;
                };
                if (normalised == null) {
                    errors.add(field, "yes-no", "must be yes or no (да or нет) (was '" + value + "')");
                }
                return normalised == null ? null : List.of(normalised);
            }
            case EQUIPMENT -> {
                Allowed allowed = equipment.get();
                if (!allowed.ids().contains(value)) {
                    errors.add(field, "equipment", "'" + value + "' is not a component of " + allowed.where());
                    return null;
                }
                return List.of(value);
            }
            default -> throw new IllegalStateException("unknown question type " + q.type());
        }
    }

    private static String option(Question q, String value) {
        return q.options().stream().filter(o -> o.equalsIgnoreCase(value)).findFirst().orElse(null);
    }

    private static String dateTime(String value) {
        try {
            return OffsetDateTime.parse(value).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // not with an offset
        }
        try {
            return LocalDateTime.parse(value).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(value).format(DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
