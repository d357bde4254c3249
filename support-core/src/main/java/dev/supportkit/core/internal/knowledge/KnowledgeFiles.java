package dev.supportkit.core.internal.knowledge;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.knowledge.ArticleDraft;
import dev.supportkit.api.knowledge.ArticleId;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.core.internal.config.DefinitionTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads solution-base articles and FAQ entries from YAML or JSON files, e.g. a knowledge base kept in
 * version control. One file may hold several documents (YAML {@code ---} separators, or a JSON array).
 * Every problem of every file is reported at once, naming the file, the document and the field.
 *
 * <pre>{@code
 * kind: article                # or: faq
 * id: KB-PBX-NO-INCOMING
 * problem: Не проходят входящие звонки
 * symptoms: Абоненты слышат короткие гудки
 * steps:
 *   - Проверьте баланс номера у оператора связи
 *   - Перезагрузите АТС
 * system-models: [NT-PBX 300]
 * system-versions: 5.2 and later
 * typical: true
 * customer-visible: true
 * }</pre>
 */
public final class KnowledgeFiles {
    private static final Set<String> ARTICLE_KEYS = Set.of("kind", "id", "problem", "symptoms", "steps",
            "system-models", "system-versions", "typical", "customer-visible");
    private static final Set<String> FAQ_KEYS = Set.of("kind", "id", "question", "answer", "system-models");

    private KnowledgeFiles() {
    }

    /**
     * An article read from a file.
     *
     * @param id     the article id given in the file
     * @param draft  its content
     * @param source the file and document it came from, e.g. {@code pbx.yaml#2}
     */
    public record ArticleFile(ArticleId id, ArticleDraft draft, String source) {
    }

    /**
     * A FAQ entry read from a file.
     *
     * @param id           the entry id given in the file
     * @param question     the question
     * @param answer       the answer
     * @param systemModels the system models it is about
     * @param source       the file and document it came from
     */
    public record FaqFile(FaqId id, String question, String answer, Set<String> systemModels, String source) {
    }

    /**
     * What a set of files holds.
     *
     * @param articles the articles, in file order
     * @param faq      the FAQ entries, in file order
     */
    public record Contents(List<ArticleFile> articles, List<FaqFile> faq) {
    }

    /**
     * Reads one file, or every {@code .yaml}, {@code .yml} and {@code .json} file of a directory (not its
     * subdirectories), in name order.
     *
     * @param path a file or a directory
     * @return the articles and FAQ entries
     * @throws ConfigurationException listing every problem found
     */
    public static Contents read(Path path) {
        List<String> problems = new ArrayList<>();
        List<ArticleFile> articles = new ArrayList<>();
        List<FaqFile> faq = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                list.filter(KnowledgeFiles::isDefinition).sorted().forEach(files::add);
            } catch (IOException e) {
                problems.add(path + ": cannot list the directory: " + e.getMessage());
            }
        } else if (Files.isRegularFile(path)) {
            files.add(path);
        } else {
            problems.add(path + ": no such file or directory");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Path file : files) {
            List<Object> documents = documents(file, problems);
            for (int i = 0; i < documents.size(); i++) {
                String where = file.getFileName() + (documents.size() > 1 ? "#" + (i + 1) : "");
                read(documents.get(i), where, articles, faq, ids, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new Contents(List.copyOf(articles), List.copyOf(faq));
    }

    private static boolean isDefinition(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private static List<Object> documents(Path file, List<String> problems) {
        String name = file.getFileName().toString();
        List<String> syntax = new ArrayList<>();
        List<Object> documents;
        try (InputStream in = Files.newInputStream(file)) {
            documents = DefinitionTree.readAll(in, name, syntax);
        } catch (IOException e) {
            problems.add(name + ": cannot be read: " + e.getMessage());
            return List.of();
        }
        syntax.forEach(problem -> problems.add(name + ": " + problem));
        return syntax.isEmpty() ? documents : List.of();
    }

    private static void read(Object document, String where, List<ArticleFile> articles, List<FaqFile> faq,
                             Set<String> ids, List<String> problems) {
        if (!(document instanceof Map<?, ?> map)) {
            problems.add(where + ": must be a mapping of keys to values");
            return;
        }
        int before = problems.size();
        String kind = text(map, "kind", where, problems, true);
        if (kind == null) {
            return;
        }
        Set<String> allowed = switch (kind) {
            case "article" -> ARTICLE_KEYS;
            case "faq" -> FAQ_KEYS;
            default -> {
                problems.add(where + ": kind: must be 'article' or 'faq', was '" + kind + "'");
                yield null;
            }
        };
        if (allowed == null) {
            return;
        }
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                problems.add(where + ": " + key + ": unknown key for a " + kind + " (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        String id = text(map, "id", where, problems, true);
        if (id != null && (id.length() > 64 || !ids.add(kind + ":" + id))) {
            problems.add(where + ": id: '" + id + "' " + (id.length() > 64 ? "is longer than 64 characters"
                    : "is defined twice"));
        }
        Set<String> models = new LinkedHashSet<>(list(map, "system-models", where, problems));
        if ("article".equals(kind)) {
            String problem = text(map, "problem", where, problems, true);
            String symptoms = text(map, "symptoms", where, problems, false);
            List<String> steps = list(map, "steps", where, problems);
            String versions = text(map, "system-versions", where, problems, false);
            boolean typical = flag(map, "typical", where, problems);
            boolean visible = flag(map, "customer-visible", where, problems);
            if (steps.isEmpty()) {
                problems.add(where + ": steps: at least one solution step is required");
            }
            if (problems.size() == before) {
                articles.add(new ArticleFile(ArticleId.of(id), new ArticleDraft(problem, symptoms, steps, models,
                        versions, typical, visible), where));
            }
        } else {
            String question = text(map, "question", where, problems, true);
            String answer = text(map, "answer", where, problems, true);
            if (problems.size() == before) {
                faq.add(new FaqFile(FaqId.of(id), question, answer, models, where));
            }
        }
    }

    private static String text(Map<?, ?> map, String key, String where, List<String> problems, boolean required) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                problems.add(where + ": " + key + ": is required");
            }
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problems.add(where + ": " + key + ": must be text");
            return null;
        }
        return value.toString().strip();
    }

    private static List<String> list(Map<?, ?> map, String key, String where, List<String> problems) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            problems.add(where + ": " + key + ": must be a list");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?> || item.toString().isBlank()) {
                problems.add(where + ": " + key + "[" + i + "]: must be non-blank text");
            } else {
                result.add(item.toString().strip());
            }
        }
        return result;
    }

    private static boolean flag(Map<?, ?> map, String key, String where, List<String> problems) {
        Object value = map.get(key);
        if (value == null) {
            return false;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return "true".equals(value);
        }
        problems.add(where + ": " + key + ": must be true or false, was '" + value + "'");
        return false;
    }
}
