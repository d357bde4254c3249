package dev.supportkit.core.internal.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML or JSON document into a plain tree: {@code Map<String, Object>} (in document order),
 * {@code List<Object>}, {@code String} or {@code null}. Every scalar stays text (no implicit typing:
 * {@code 18:00} is not a sexagesimal number, {@code 2026-01-01} is not a {@code java.util.Date}); the
 * definition parsers (business calendars, questionnaires, solution-base files) read the text themselves.
 * Syntax errors, duplicate keys and too deep nesting are collected as problems with their location.
 */
public final class DefinitionTree {
    private static final int MAX_DEPTH = 32;
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    private DefinitionTree() {
    }

    /**
     * Reads a document; the format is JSON when the name ends with {@code .json}, YAML otherwise.
     *
     * @param in       the document
     * @param name     the file name, for the format
     * @param problems where syntax errors and duplicate keys are added, with their location
     * @return the tree, or null for an empty document or when there were problems
     * @throws IOException when the stream cannot be read
     */
    public static Object read(InputStream in, String name, List<String> problems) throws IOException {
        if (isJson(name)) {
            return readJson(in, problems);
        }
        return readYaml(new InputStreamReader(in, StandardCharsets.UTF_8), problems);
    }

    /**
     * Reads every document of a stream: YAML documents separated by {@code ---}, or the items of a JSON
     * array (a JSON object is one document). Empty YAML documents are left out.
     *
     * @param in       the documents
     * @param name     the file name, for the format
     * @param problems where syntax errors and duplicate keys are added, with their location
     * @return the trees, in order; empty when there were syntax errors
     * @throws IOException when the stream cannot be read
     */
    public static List<Object> readAll(InputStream in, String name, List<String> problems) throws IOException {
        if (isJson(name)) {
            Object tree = readJson(in, problems);
            return tree instanceof List<?> list ? new ArrayList<>(list) : tree == null ? List.of() : List.of(tree);
        }
        List<Object> documents = new ArrayList<>();
        try {
            for (Node node : new Yaml(new SafeConstructor(new LoaderOptions()))
                    .composeAll(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                Object tree = node == null ? null : yamlNode(node, "", 0, problems);
                if (tree != null) {
                    documents.add(tree);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(where(mark) + "not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()));
            return List.of();
        } catch (YAMLException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            problems.add("(document): not valid YAML: " + e.getMessage());
            return List.of();
        }
        return documents;
    }

    private static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static Object readYaml(Reader reader, List<String> problems) throws IOException {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(where(mark) + "not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()));
            return null;
        } catch (YAMLException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            problems.add("(document): not valid YAML: " + e.getMessage());
            return null;
        }
        return root == null ? null : yamlNode(root, "", 0, problems);
    }

    private static String where(Mark mark) {
        return mark == null ? "(document): " : "(line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + "): ";
    }

    private static Object yamlNode(Node node, String path, int depth, List<String> problems) {
        if (depth > MAX_DEPTH) {
            problems.add(display(path) + ": nested too deeply (more than " + MAX_DEPTH + " levels)");
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && NULLS.contains(scalar.getValue())) {
                return null;
            }
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                list.add(yamlNode(items.get(i), path + "[" + i + "]", depth + 1, problems));
            }
            return list;
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(display(path) + ": a key must be plain text");
                continue;
            }
            String child = child(path, key.getValue());
            if (map.containsKey(key.getValue())) {
                problems.add(child + ": duplicate key");
                continue;
            }
            map.put(key.getValue(), yamlNode(tuple.getValueNode(), child, depth + 1, problems));
        }
        return map;
    }

    private static Object readJson(InputStream in, List<String> problems) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String at = location == null ? "(document): "
                    : "(line " + location.getLineNr() + ", column " + location.getColumnNr() + "): ";
            problems.add(at + "not valid JSON: " + e.getOriginalMessage());
            return null;
        }
        return root == null || root.isMissingNode() ? null : jsonNode(root);
    }

    private static Object jsonNode(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), jsonNode(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(jsonNode(item)));
            return list;
        }
        return node.isNull() ? null : node.asText();
    }

    /**
     * @param path the path of a mapping, empty for the document
     * @param key  a key in it
     * @return the key's path, e.g. {@code weeklyHours.weekdays}
     */
    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * @param path a path, empty for the document
     * @return the path for a message: {@code (document)} for the document itself
     */
    public static String display(String path) {
        return path.isEmpty() ? "(document)" : path;
    }
}
