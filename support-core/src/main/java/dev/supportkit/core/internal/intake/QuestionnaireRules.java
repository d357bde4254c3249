package dev.supportkit.core.internal.intake;

import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionCondition;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.core.internal.request.FieldErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a questionnaire definition must follow, checked all at once, and its canonical stored form.
 * Field names follow either the API ({@code questionnaire.questions[2].maxLength}) or the file schema
 * ({@code questions[2].max-length}).
 */
final class QuestionnaireRules {
    /** A questionnaire id: a letter or digit, then letters, digits, dots, hyphens and underscores; 1 to 64. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A question key: letters, digits, hyphens and underscores; 1 to 64. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Most questions in one questionnaire. */
    static final int MAX_QUESTIONS = 200;
    /** Longest question text. */
    static final int TEXT_MAX = 1000;
    /** Longest option. */
    static final int OPTION_MAX = 200;
    /** Most options of one choice question. */
    static final int MAX_OPTIONS = 100;
    /** Longest allowed {@code maxLength}. */
    static final int MAX_LENGTH_LIMIT = 10_000;

    /** How fields are named in the errors. */
    enum Naming {
        /** {@code questionnaire.agreedBy}: the Java API's names. */
        API,
        /** {@code agreed-by}: the questionnaire file's keys. */
        FILE
    }

    private static final Map<String, String> FILE_NAMES = Map.of("systemModel", "system-model", "agreedBy",
            "agreed-by", "agreedOn", "agreed-on", "condition", "shown-when", "anyOf", "any-of", "maxLength",
            "max-length");

    private QuestionnaireRules() {
    }

    /**
     * Checks every rule of a definition.
     *
     * @param q      the definition
     * @param naming how to name fields
     * @param errors where to add errors
     */
    static void check(Questionnaire q, Naming naming, FieldErrors errors) {
        String prefix = naming == Naming.API ? "questionnaire." : "";
        if (q.id() == null) {
            errors.add(prefix + "id", "required", "is required");
        } else if (!ID.matcher(q.id().value()).matches()) {
            errors.add(prefix + "id", "format", "must be 1 to 64 letters, digits, dots, hyphens or underscores, "
                    + "starting with a letter or digit (was '" + q.id().value() + "')");
        }
        if (q.version() < 1) {
            errors.add(prefix + "version", "min", "must be at least 1 (was " + q.version() + ")");
        }
        errors.requiredText(prefix + "title", q.title(), 200);
        optionalText(errors, prefix + name(naming, "systemModel"), q.systemModel(), 100);
        optionalText(errors, prefix + "category", q.category(), 100);
        errors.requiredText(prefix + name(naming, "agreedBy"), q.agreedBy(), 200);
        errors.required(prefix + name(naming, "agreedOn"), q.agreedOn());
        if (q.questions().isEmpty()) {
            errors.add(prefix + "questions", "required", "must have at least one question");
            return;
        }
        if (q.questions().size() > MAX_QUESTIONS) {
            errors.add(prefix + "questions", "max-size", "must have at most " + MAX_QUESTIONS + " questions (has "
                    + q.questions().size() + ")");
        }
        Map<String, Integer> earlier = new HashMap<>();
        for (int i = 0; i < q.questions().size(); i++) {
            String at = prefix + "questions[" + i + "]";
            Question question = q.questions().get(i);
            if (question == null) {
                errors.add(at, "required", "must not be null");
                continue;
            }
            checkQuestion(q, i, at, naming, earlier, errors);
            if (question.key() != null && KEY.matcher(question.key()).matches()) {
                earlier.putIfAbsent(question.key(), i);
            }
        }
    }

    private static void checkQuestion(Questionnaire q, int index, String at, Naming naming,
                                      Map<String, Integer> earlier, FieldErrors errors) {
        Question question = q.questions().get(index);
        String key = question.key();
        if (key == null || key.isEmpty()) {
            errors.add(at + ".key", "required", "is required");
        } else if (!KEY.matcher(key).matches()) {
            errors.add(at + ".key", "format", "must be 1 to 64 letters, digits, hyphens or underscores (was '"
                    + key + "')");
        } else if (earlier.containsKey(key)) {
            errors.add(at + ".key", "unique", "'" + key + "' is already the key of questions[" + earlier.get(key)
                    + "]");
        }
        errors.requiredText(at + ".text", question.text(), TEXT_MAX);
        QuestionType type = question.type();
        errors.required(at + ".type", type);
        boolean choice = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE;
        if (choice && question.options().isEmpty()) {
            errors.add(at + ".options", "required", "a " + typeName(type) + " question needs at least one option");
        } else if (!choice && type != null && !question.options().isEmpty()) {
            errors.add(at + ".options", "only-for-choice", "only single-choice and multiple-choice questions have "
                    + "options (this one is " + typeName(type) + ")");
        }
        Map<String, Integer> seen = new HashMap<>();
        int options = errors.maxSize(at + ".options", question.options(), MAX_OPTIONS) ? question.options().size() : 0;
        for (int j = 0; j < options; j++) {
            String option = question.options().get(j);
            String field = at + ".options[" + j + "]";
            errors.requiredText(field, option, OPTION_MAX);
            if (option != null && !option.isBlank()) {
                Integer before = seen.putIfAbsent(option.strip().toLowerCase(Locale.ROOT), j);
                if (before != null) {
                    errors.add(field, "unique", "'" + option.strip() + "' is already options[" + before + "]");
                }
            }
        }
        question.condition().ifPresent(c -> checkCondition(q, at + "." + name(naming, "condition"), naming, c,
                earlier, errors));
        if (type != null && type != QuestionType.NUMBER) {
            if (question.min().isPresent()) {
                errors.add(at + ".min", "only-for-number", "only number questions have bounds (this one is "
                        + typeName(type) + ")");
            }
            if (question.max().isPresent()) {
                errors.add(at + ".max", "only-for-number", "only number questions have bounds (this one is "
                        + typeName(type) + ")");
            }
        }
        if (question.min().isPresent() && question.max().isPresent()
                && question.min().get().compareTo(question.max().get()) > 0) {
            errors.add(at + ".min", "min-max", "must not be above max (" + question.min().get().toPlainString()
                    + " > " + question.max().get().toPlainString() + ")");
        }
        if (question.maxLength() < 1 || question.maxLength() > MAX_LENGTH_LIMIT) {
            errors.add(at + "." + name(naming, "maxLength"), "range", "must be from 1 to " + MAX_LENGTH_LIMIT
                    + " (was " + question.maxLength() + ")");
        } else if (type != null && type != QuestionType.TEXT && question.maxLength() != Question.DEFAULT_MAX_LENGTH) {
            errors.add(at + "." + name(naming, "maxLength"), "only-for-text", "only text questions have a maximum "
                    + "length (this one is " + typeName(type) + ")");
        }
    }

    private static void checkCondition(Questionnaire q, String at, Naming naming, QuestionCondition condition,
                                       Map<String, Integer> earlier, FieldErrors errors) {
        Integer target = earlier.get(condition.question());
        if (target == null) {
            errors.add(at + ".question", "earlier-question", "'" + condition.question() + "' is not the key of an "
                    + "earlier question");
        }
        if (condition.anyOf().isEmpty()) {
            errors.add(at + "." + name(naming, "anyOf"), "required", "must name at least one answer");
        }
        if (target == null) {
            return;
        }
        Question shownBy = q.questions().get(target);
        List<String> valid = validConditionValues(shownBy);
        if (valid == null) {
            errors.add(at + ".question", "choice-question", "a question can be shown only by the answer to a "
                    + "single-choice, multiple-choice or yes-no question ('" + condition.question() + "' is "
                    + typeName(shownBy.type()) + ")");
            return;
        }
        for (int j = 0; j < condition.anyOf().size(); j++) {
            String value = condition.anyOf().get(j);
            if (value == null || valid.stream().noneMatch(v -> v.equalsIgnoreCase(value.strip()))) {
                errors.add(at + "." + name(naming, "anyOf") + "[" + j + "]", "one-of", "'" + value
                        + "' is not an answer to '" + condition.question() + "' (one of " + valid + ")");
            }
        }
    }

    /** The answers a condition may name, or null when the question cannot show others. */
    private static List<String> validConditionValues(Question question) {
        if (question.type() == QuestionType.YES_NO) {
            return List.of("yes", "no");
        }
        if (question.type() == QuestionType.SINGLE_CHOICE || question.type() == QuestionType.MULTIPLE_CHOICE) {
            return question.options().stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
        }
        return null;
    }

    private static void optionalText(FieldErrors errors, String field, Optional<String> value, int max) {
        if (value.isPresent()) {
            if (value.get().isBlank()) {
                errors.add(field, "not-blank", "must not be blank when given");
            } else {
                errors.maxLength(field, value.get().strip(), max);
            }
        }
    }

    /**
     * The stored form of a valid definition: texts stripped, condition values spelt as the options are,
     * yes/no in lower case, bounds without trailing zeros after the point.
     *
     * @param q a definition that passed {@link #check}
     * @return its canonical form
     */
    static Questionnaire canonical(Questionnaire q) {
        List<Question> questions = new ArrayList<>();
        Map<String, Question> byKey = new HashMap<>();
        for (Question question : q.questions()) {
            Optional<QuestionCondition> condition = question.condition().map(c -> {
                List<String> valid = validConditionValues(byKey.get(c.question()));
                return new QuestionCondition(c.question(), c.anyOf().stream().map(v -> valid.stream()
                        .filter(o -> o.equalsIgnoreCase(v.strip())).findFirst().orElse(v.strip())).toList());
            });
            Question canonical = new Question(question.key(), question.text().strip(), question.type(),
                    question.required(), question.options().stream().map(String::strip).toList(), condition,
                    question.min().map(QuestionnaireRules::plain), question.max().map(QuestionnaireRules::plain),
                    question.maxLength());
            questions.add(canonical);
            byKey.put(canonical.key(), canonical);
        }
        return new Questionnaire(q.id(), q.version(), q.title().strip(), q.systemModel().map(String::strip),
                q.category().map(String::strip), q.agreedBy().strip(), q.agreedOn(), questions);
    }

    /** Without trailing zeros after the point, never in exponent form: 1.50 → 1.5, 500 → 500. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * The type as written in files and messages, e.g. {@code single-choice}.
     *
     * @param type a question type
     * @return its name in lower case with hyphens
     */
    static String typeName(QuestionType type) {
        return type == null ? "untyped" : type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String name(Naming naming, String apiName) {
        return naming == Naming.API ? apiName : FILE_NAMES.getOrDefault(apiName, apiName);
    }
}
