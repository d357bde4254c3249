package dev.supportkit.core.internal.resolution;

import dev.supportkit.api.resolution.FailureCause;
import dev.supportkit.core.internal.config.DefinitionTree;
import dev.supportkit.core.internal.request.FieldErrors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a failure-cause catalogue from YAML text (see {@code ResolutionService.defineFailureCauses}): a
 * {@code causes} list of {@code code}, {@code title} and optional nested {@code causes}, flattened parents
 * first. Every problem is added to the errors naming its field, e.g. {@code causes[0].causes[1].code}.
 */
final class FailureCauseYaml {
    /** A cause code: lower-case letters, digits, '.', '_' and '-'. */
    static final Pattern CODE = Pattern.compile("[a-z0-9._-]{1,64}");
    /** Longest cause title. */
    static final int TITLE_MAX = 200;
    /** Longest YAML text accepted. */
    static final int TEXT_MAX = 1_000_000;
    /** Most causes in one catalogue. */
    static final int CAUSES_MAX = 1_000;

    private static final String FIELD = "yaml";
    private static final String CAUSES = "causes";
    private static final Set<String> CAUSE_KEYS = Set.of("code", "title", CAUSES);

    private final FieldErrors errors;
    private final List<FailureCause> causes = new ArrayList<>();
    private final Map<String, String> fieldByCode = new HashMap<>();

    private FailureCauseYaml(FieldErrors errors) {
        this.errors = errors;
    }

    /**
     * Reads the causes.
     *
     * @param yaml   the text
     * @param errors where every problem is added
     * @return the causes, parents before their children; meaningful only when no error was added
     */
    static List<FailureCause> read(String yaml, FieldErrors errors) {
        FailureCauseYaml reader = new FailureCauseYaml(errors);
        if (yaml == null || yaml.isBlank()) {
            errors.add(FIELD, "required", "give the catalogue as YAML text");
            return List.of();
        }
        if (yaml.length() > TEXT_MAX) {
            errors.add(FIELD, "max-length", "must not be longer than " + TEXT_MAX + " characters (was "
                    + yaml.length() + ")");
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        Object tree;
        try {
            tree = DefinitionTree.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                    "failure-causes.yaml", problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> errors.add(FIELD, "yaml", p));
            return List.of();
        }
        reader.document(tree);
        return List.copyOf(reader.causes);
    }

    private void document(Object tree) {
        if (!(tree instanceof Map<?, ?> root)) {
            errors.add(FIELD, "yaml", "must be a mapping with a 'causes' list");
            return;
        }
        for (Object key : root.keySet()) {
            if (!CAUSES.equals(key)) {
                errors.add(String.valueOf(key), "yaml", "unknown key; the catalogue has only 'causes'");
            }
        }
        Object list = root.get(CAUSES);
        if (list == null) {
            errors.add(CAUSES, "required", "give at least one cause");
        } else if (list instanceof List<?> items && items.isEmpty()) {
            errors.add(CAUSES, "required", "give at least one cause");
        } else {
            causes(list, CAUSES, Optional.empty());
        }
        if (causes.size() > CAUSES_MAX) {
            errors.add(CAUSES, "max-size", "at most " + CAUSES_MAX + " causes (was " + causes.size() + ")");
        }
    }

    private void causes(Object list, String path, Optional<String> parent) {
        if (!(list instanceof List<?> items)) {
            errors.add(path, "yaml", "must be a list of causes");
            return;
        }
        for (int i = 0; i < items.size() && causes.size() <= CAUSES_MAX; i++) {
            cause(items.get(i), path + "[" + i + "]", parent);
        }
    }

    private void cause(Object item, String path, Optional<String> parent) {
        if (!(item instanceof Map<?, ?> map)) {
            errors.add(path, "yaml", "must be a mapping with 'code' and 'title'");
            return;
        }
        for (Object key : map.keySet()) {
            if (!CAUSE_KEYS.contains(key)) {
                errors.add(path + "." + key, "yaml", "unknown key; a cause has 'code', 'title' and 'causes'");
            }
        }
        String code = code(map.get("code"), path + ".code");
        Object title = map.get("title");
        if (title != null && !(title instanceof String)) {
            notText(title, path + ".title");
        } else {
            errors.requiredText(path + ".title", (String) title, TITLE_MAX);
        }
        if (code != null && title instanceof String text && !text.isBlank() && text.length() <= TITLE_MAX) {
            causes.add(new FailureCause(code, text.strip(), parent));
        }
        Object children = map.get(CAUSES);
        if (children != null) {
            causes(children, path + "." + CAUSES, code != null ? Optional.of(code) : parent);
        }
    }

    /** The cause's code when it is valid and not taken; null after adding the problem otherwise. */
    private String code(Object value, String field) {
        if (value != null && !(value instanceof String)) {
            notText(value, field);
            return null;
        }
        String code = (String) value;
        if (code == null || code.isBlank()) {
            errors.add(field, "required", "is required");
            return null;
        }
        if (!CODE.matcher(code).matches()) {
            errors.add(field, "pattern", "1 to 64 of a-z, 0-9, '.', '_' and '-' (was '" + code + "')");
            return null;
        }
        String first = fieldByCode.putIfAbsent(code, field);
        if (first != null) {
            errors.add(field, "unique", "'" + code + "' is already the code of " + first);
            return null;
        }
        return code;
    }

    private void notText(Object value, String field) {
        errors.add(field, "yaml", "must be text, not a " + (value instanceof List ? "list" : "mapping"));
    }
}
