package dev.supportkit.core.calendar;

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
 * definition parser reads the text itself.
 */
final class DefinitionTree {
    private static final int MAX_DEPTH = 32;
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    private DefinitionTree() {
    }

    /**
     * Reads a document; the format is JSON when the name ends with {@code .json}, YAML otherwise.
     *
     * @throws CalendarDefinitionException for a syntax error or a duplicate key
     */
    static Object read(InputStream in, String name) throws IOException {
        List<String> problems = new ArrayList<>();
        Object tree;
        if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            tree = readJson(in, problems);
        } else {
            tree = readYaml(new InputStreamReader(in, StandardCharsets.UTF_8), problems);
        }
        if (!problems.isEmpty()) {
            throw new CalendarDefinitionException(name, problems);
        }
        return tree;
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

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String display(String path) {
        return path.isEmpty() ? "(document)" : path;
    }
}
