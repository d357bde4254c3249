package dev.supportkit.core.internal.intake;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionCondition;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.core.internal.config.DefinitionTree;
import dev.supportkit.core.internal.request.FieldErrors;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads questionnaire files: one questionnaire version per file, YAML ({@code .yaml}, {@code .yml}) or JSON
 * ({@code .json}), UTF-8.
 *
 * <pre>
 * id: pbx-no-calls                      # required: letters, digits, . - _ (1 to 64)
 * version: 1                            # required: 1, or one more than the latest stored
 * title: PBX - calls do not go through  # required, at most 200 characters
 * system-model: NT-PBX 300              # optional: only for systems of this model
 * category: telephony/no-incoming-calls # optional: only for this problem category
 * agreed-by: Telephony department       # required: who agreed it
 * agreed-on: 2026-11-20                 # required: when
 * questions:                            # required: 1 to 200, in the order they are asked
 *   - key: users-affected               # required, unique: letters, digits, - _ (1 to 64)
 *     text: How many users are affected?
 *     type: single-choice               # text | single-choice | multiple-choice | number | date-time | yes-no | equipment
 *     required: true                    # optional, false by default
 *     options: [one, several, all]      # choice questions only
 *   - key: whole-office
 *     text: Is the whole office without calls?
 *     type: yes-no
 *     shown-when: {question: users-affected, any-of: [all]}   # an earlier choice or yes-no question
 *   - key: handsets
 *     text: How many handsets are dead?
 *     type: number
 *     min: 1                            # number questions only
 *     max: 500
 *   - key: details
 *     text: Anything else?
 *     type: text
 *     max-length: 500                   # text questions only; 2000 by default
 * </pre>
 * Every problem of a file is reported at once, naming the field ({@code questions[1].type}); scalars are read
 * as text, so {@code 2026-11-20} is a date and {@code 18:00} is not a number.
 */
public final class QuestionnaireFiles {
    private static final Set<String> TOP_KEYS = Set.of("id", "version", "title", "system-model", "category",
            "agreed-by", "agreed-on", "questions");
    private static final Set<String> QUESTION_KEYS = Set.of("key", "text", "type", "required", "options",
            "shown-when", "min", "max", "max-length");
    private static final Set<String> CONDITION_KEYS = Set.of("question", "any-of");

    private QuestionnaireFiles() {
    }

    /**
     * Reads one questionnaire file: JSON if the name ends with {@code .json}, YAML otherwise.
     *
     * @param file the file
     * @return the questionnaire, checked against every definition rule (the version sequence is checked when
     *         it is stored)
     * @throws QuestionnaireFileException listing every problem of the file
     * @throws IOException                if the file cannot be read
     */
    public static Questionnaire read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads one questionnaire from a stream (UTF-8), which is not closed.
     *
     * @param in   the document
     * @param name its name for messages; JSON if it ends with {@code .json}, YAML otherwise
     * @return the questionnaire
     * @throws QuestionnaireFileException listing every problem of the document
     * @throws IOException                if the stream cannot be read
     */
    public static Questionnaire read(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        List<String> problems = new ArrayList<>();
        Object tree = DefinitionTree.read(in, name, problems);
        if (!problems.isEmpty()) {
            throw new QuestionnaireFileException(name, problems);
        }
        Questionnaire q = parse(tree, problems);
        if (!problems.isEmpty()) {
            throw new QuestionnaireFileException(name, problems);
        }
        return q;
    }

    /**
     * One questionnaire read from a tenant's directory.
     *
     * @param tenant        the tenant (the directory's name)
     * @param file          the file
     * @param questionnaire the questionnaire
     */
    record Loaded(TenantId tenant, Path file, Questionnaire questionnaire) {
    }

    /**
     * Reads {@code <root>/<tenant-id>/*.yaml|*.yml|*.json}; other files in the tenant directories are ignored.
     *
     * @param root     the directory
     * @param key      the configuration key that named it, for messages
     * @param problems where every problem is added, naming the file and field
     * @return the questionnaires read without problems, by tenant, then id, then version
     */
    static List<Loaded> readDirectory(Path root, String key, List<String> problems) {
        List<Loaded> loaded = new ArrayList<>();
        Map<String, Path> seen = new TreeMap<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            problems.add(key + ": '" + root + "' cannot be listed: " + e.getMessage());
            return loaded;
        }
        for (Path entry : entries) {
            String entryName = entry.getFileName().toString();
            if (!Files.isDirectory(entry)) {
                if (isQuestionnaireFile(entryName)) {
                    problems.add(key + ": '" + entry + "' must be in a tenant's directory (" + root
                            + "/<tenant-id>/" + entryName + ")");
                }
                continue;
            }
            if (entryName.startsWith(".")) {
                continue;
            }
            TenantId tenant;
            try {
                tenant = TenantId.of(entryName);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": '" + entry + "' is not a tenant id: " + e.getMessage());
                continue;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(entry)) {
                files = list.filter(f -> Files.isRegularFile(f) && isQuestionnaireFile(f.getFileName().toString()))
                        .sorted().toList();
            } catch (IOException e) {
                problems.add(key + ": '" + entry + "' cannot be listed: " + e.getMessage());
                continue;
            }
            for (Path file : files) {
                try {
                    Questionnaire q = read(file);
                    String id = tenant.value() + "\n" + q.id().value() + "\n" + q.version();
                    Path other = seen.putIfAbsent(id, file);
                    if (other != null) {
                        problems.add(key + ": '" + file + "': version " + q.version() + " of questionnaire '"
                                + q.id() + "' is also defined in '" + other + "'");
                    } else {
                        loaded.add(new Loaded(tenant, file, q));
                    }
                } catch (QuestionnaireFileException e) {
                    e.problems().forEach(p -> problems.add(key + ": '" + file + "': " + p));
                } catch (IOException e) {
                    problems.add(key + ": '" + file + "' cannot be read: " + e.getMessage());
                }
            }
        }
        loaded.sort(java.util.Comparator.comparing((Loaded l) -> l.tenant().value())
                .thenComparing(l -> l.questionnaire().id().value())
                .thenComparingInt(l -> l.questionnaire().version()));
        return loaded;
    }

    private static boolean isQuestionnaireFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    // ---------------------------------------------------------------- the schema

    private static Questionnaire parse(Object tree, List<String> problems) {
        if (!(tree instanceof Map<?, ?> top)) {
            problems.add("(document): must be a mapping with id, version, title, agreed-by, agreed-on and questions");
            return null;
        }
        Set<String> broken = new HashSet<>();
        unknownKeys(top, "", TOP_KEYS, problems);
        String id = text(top, "id", "id", problems, broken);
        Integer version = whole(top.get("version"), "version", problems, broken);
        if (version == null && !broken.contains("version")) {
            problems.add("version: is required (1 for a new questionnaire)");
            broken.add("version");
        }
        String title = text(top, "title", "title", problems, broken);
        String model = text(top, "system-model", "system-model", problems, broken);
        String category = text(top, "category", "category", problems, broken);
        String agreedBy = text(top, "agreed-by", "agreed-by", problems, broken);
        LocalDate agreedOn = null;
        String agreedOnText = text(top, "agreed-on", "agreed-on", problems, broken);
        if (agreedOnText != null) {
            try {
                agreedOn = LocalDate.parse(agreedOnText);
            } catch (DateTimeParseException e) {
                problems.add("agreed-on: '" + agreedOnText + "' is not a date (YYYY-MM-DD)");
                broken.add("agreed-on");
            }
        }
        List<Question> questions = new ArrayList<>();
        Object list = top.get("questions");
        if (list != null && !(list instanceof List<?>)) {
            problems.add("questions: must be a list of questions");
            broken.add("questions");
        } else if (list != null) {
            List<?> items = (List<?>) list;
            for (int i = 0; i < items.size(); i++) {
                questions.add(question(items.get(i), "questions[" + i + "]", problems, broken));
            }
        }
        QuestionnaireId questionnaireId = null;
        if (id != null && QuestionnaireRules.ID.matcher(id).matches()) {
            questionnaireId = QuestionnaireId.of(id);
        } else if (id != null) {
            problems.add("id: must be 1 to 64 letters, digits, dots, hyphens or underscores, starting with a letter "
                    + "or digit (was '" + id + "')");
            broken.add("id");
        }
        Questionnaire q = new Questionnaire(questionnaireId, version == null ? 0 : version, title,
                Optional.ofNullable(model), Optional.ofNullable(category), agreedBy, agreedOn, questions);
        FieldErrors errors = new FieldErrors();
        QuestionnaireRules.check(q, QuestionnaireRules.Naming.FILE, errors);
        try {
            errors.throwIfAny();
        } catch (ValidationException e) {
            for (FieldError error : e.errors()) {
                if (broken.stream().noneMatch(b -> error.field().equals(b) || error.field().startsWith(b + ".")
                        || error.field().startsWith(b + "["))) {
                    problems.add(error.toString());
                }
            }
        }
        return problems.isEmpty() ? q : null;
    }

    private static Question question(Object item, String at, List<String> problems, Set<String> broken) {
        if (!(item instanceof Map<?, ?> map)) {
            problems.add(at + ": must be a mapping with key, text and type");
            broken.add(at);
            return null;
        }
        unknownKeys(map, at, QUESTION_KEYS, problems);
        String key = text(map, "key", at + ".key", problems, broken);
        String text = text(map, "text", at + ".text", problems, broken);
        QuestionType type = null;
        String typeText = text(map, "type", at + ".type", problems, broken);
        if (typeText != null) {
            String normalised = typeText.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                type = QuestionType.valueOf(normalised);
            } catch (IllegalArgumentException e) {
                problems.add(at + ".type: '" + typeText + "' is not a question type (one of "
                        + Arrays.stream(QuestionType.values()).map(QuestionnaireRules::typeName).toList() + ")");
                broken.add(at + ".type");
            }
        }
        boolean required = false;
        String requiredText = text(map, "required", at + ".required", problems, broken);
        if (requiredText != null) {
            if (requiredText.equalsIgnoreCase("true") || requiredText.equalsIgnoreCase("false")) {
                required = Boolean.parseBoolean(requiredText);
            } else {
                problems.add(at + ".required: must be true or false (was '" + requiredText + "')");
            }
        }
        List<String> options = texts(map.get("options"), at + ".options", problems, broken);
        Optional<QuestionCondition> condition = Optional.empty();
        Object shown = map.get("shown-when");
        if (shown != null) {
            if (!(shown instanceof Map<?, ?> c)) {
                problems.add(at + ".shown-when: must be a mapping with question and any-of");
                broken.add(at + ".shown-when");
            } else {
                unknownKeys(c, at + ".shown-when", CONDITION_KEYS, problems);
                String by = text(c, "question", at + ".shown-when.question", problems, broken);
                List<String> anyOf = texts(c.get("any-of"), at + ".shown-when.any-of", problems, broken);
                if (by == null && !broken.contains(at + ".shown-when.question")) {
                    problems.add(at + ".shown-when.question: is required");
                    broken.add(at + ".shown-when.question");
                }
                if (by != null) {
                    condition = Optional.of(new QuestionCondition(by, anyOf));
                }
            }
        }
        BigDecimal min = decimal(map.get("min"), at + ".min", problems, broken);
        BigDecimal max = decimal(map.get("max"), at + ".max", problems, broken);
        Integer maxLength = whole(map.get("max-length"), at + ".max-length", problems, broken);
        if (maxLength != null && maxLength == 0) {
            problems.add(at + ".max-length [range]: must be from 1 to " + QuestionnaireRules.MAX_LENGTH_LIMIT
                    + " (was 0)");
            broken.add(at + ".max-length");
        }
        return new Question(key, text, type, required, options, condition, Optional.ofNullable(min),
                Optional.ofNullable(max), maxLength == null ? 0 : maxLength);
    }

    private static void unknownKeys(Map<?, ?> map, String at, Set<String> known, List<String> problems) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add((at.isEmpty() ? "" : at + ".") + key + ": unknown key (known: "
                        + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    private static String text(Map<?, ?> map, String key, String field, List<String> problems, Set<String> broken) {
        Object value = map.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        problems.add(field + ": must be text, not a " + (value instanceof List ? "list" : "mapping"));
        broken.add(field);
        return null;
    }

    private static List<String> texts(Object value, String field, List<String> problems, Set<String> broken) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (!(value instanceof List<?> list)) {
            problems.add(field + ": must be a list of texts");
            broken.add(field);
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String s) {
                texts.add(s);
            } else {
                problems.add(field + "[" + i + "]: must be text");
                broken.add(field);
            }
        }
        return texts;
    }

    private static Integer whole(Object value, String field, List<String> problems, Set<String> broken) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof String s) {
                return Integer.parseInt(s.strip());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(field + ": must be a whole number (was " + describe(value) + ")");
        broken.add(field);
        return null;
    }

    private static BigDecimal decimal(Object value, String field, List<String> problems, Set<String> broken) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof String s) {
                return new BigDecimal(s.strip());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(field + ": must be a decimal number (was " + describe(value) + ")");
        broken.add(field);
        return null;
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : value instanceof List ? "a list" : "a mapping";
    }
}
