package dev.supportkit.examples.webdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks HTTP responses against the hand-written OpenAPI 3.1 document: the path and method are documented, the
 * status is one the operation lists, the content type is the documented one, and the body validates against
 * the documented JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1, by networknt's validator, with every
 * {@code $ref} resolved inside the document). Remembers which operations were called.
 */
final class OpenApiConformance {
    private static final String DOCUMENT = "https://desk.example/openapi.json";
    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Set<String> called = new TreeSet<>();
    private int checked;

    OpenApiConformance(String yaml) throws Exception {
        document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        assertEquals("3.1.0", document.path("openapi").asText(), "an OpenAPI 3.1 document");
        String json = new ObjectMapper().writeValueAsString(document);
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT, json)));
    }

    /** Every operation of the document, as "METHOD /path". */
    Set<String> operations() {
        Set<String> all = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (List.of("get", "post", "put", "patch", "delete").contains(m)) {
                    all.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return all;
    }

    Set<String> called() {
        return called;
    }

    int checked() {
        return checked;
    }

    void check(String method, String rawPath, HttpResponse<String> response) {
        String path = URI.create("http://x" + rawPath).getPath();
        String template = template(path);
        String operationKey = method.toLowerCase(java.util.Locale.ROOT);
        JsonNode operation = document.get("paths").get(template).get(operationKey);
        assertNotNull(operation, method + " " + template + " is not documented");
        called.add(method + " " + template);
        String status = Integer.toString(response.statusCode());
        JsonNode declared = operation.path("responses").get(status);
        assertNotNull(declared, method + " " + path + " answered " + status + ", which the document does not list: "
                + response.body());
        declared = resolve(declared);
        String pointer = declared.has("$pointer") ? declared.get("$pointer").asText() : null;
        JsonNode content = declared.get("content");
        if (content == null) {
            assertTrue(response.body().isEmpty(), method + " " + path + " " + status + " has no documented body, got "
                    + response.body());
            checked++;
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        assertTrue(content.has(type), method + " " + path + " " + status + " answered " + type + "; documented: "
                + content.fieldNames().next());
        String schemaPointer = (pointer != null ? pointer
                : "/paths/" + escape(template) + "/" + operationKey + "/responses/" + status) + "/content/" + escape(type) + "/schema";
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + schemaPointer));
        List<Error> errors = schema.validate(response.body(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            fail(method + " " + path + " " + status + " does not match the document: " + errors + "\n" + response.body());
        }
        checked++;
    }

    /** A response object with its $ref followed; the pointer of the target is kept under "$pointer". */
    private JsonNode resolve(JsonNode response) {
        if (!response.has("$ref")) {
            return response;
        }
        String ref = response.get("$ref").asText();
        assertTrue(ref.startsWith("#/"), ref);
        JsonNode target = document.at(ref.substring(1));
        com.fasterxml.jackson.databind.node.ObjectNode copy = target.deepCopy();
        copy.put("$pointer", ref.substring(1));
        return copy;
    }

    private String template(String path) {
        List<String> matches = new ArrayList<>(new LinkedHashSet<>());
        document.get("paths").fieldNames().forEachRemaining(t -> {
            if (Pattern.matches(t.replaceAll("\\{[^}]+}", "[^/]+"), path)) {
                matches.add(t);
            }
        });
        assertEquals(1, matches.size(), "documented paths matching " + path + ": " + matches);
        return matches.get(0);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
