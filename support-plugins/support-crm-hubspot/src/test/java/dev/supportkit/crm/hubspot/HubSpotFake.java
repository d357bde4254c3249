package dev.supportkit.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.supportkit.crm.common.testing.WireMockCrm;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A HubSpot account on WireMock: the CRM v3 objects API's requests and answers as HubSpot documents them (create,
 * PATCH, GET with associations, paged lists with {@code paging.next.after}, search with ORed filter groups, batch
 * read, {@code {"status":"error","message":…}} errors), kept in memory so a test can read back what the adapter made.
 */
final class HubSpotFake extends WireMockCrm {
    static final String NAME = "hubspot-fake";

    private final String token;

    HubSpotFake(String token) {
        super(NAME, "/crm/.*", 1000, 20);
        this.token = token;
        reset();
    }

    /** Every third call from now on answers 429 as HubSpot's ten-secondly limit does. */
    void rateLimitEveryThirdCall() {
        everyThirdCall(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling "
                        + "limit.\",\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"c-1\","
                        + "\"policyName\":\"TEN_SECONDLY_ROLLING\"}"));
    }

    /**
     * Puts an object into the account.
     *
     * @param type       {@code contacts}, {@code companies}, {@code tickets}
     * @param properties its properties
     * @return its id
     */
    synchronized String add(String type, Map<String, String> properties) {
        ObjectNode object = JSON.createObjectNode();
        String id = Integer.toString(ids.incrementAndGet());
        object.put("id", id);
        ObjectNode props = object.putObject("properties");
        properties.forEach(props::put);
        object.putObject("associations");
        calculated(type, props);
        objects.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, object);
        return id;
    }

    /** Links two objects both ways. */
    synchronized void associate(String type, String id, String otherType, String otherId) {
        link(objects.get(type).get(id), otherType, otherId);
        link(objects.get(otherType).get(otherId), type, id);
    }


    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
            return answer(401, error("Authentication credentials not found. This API supports OAuth 2.0 "
                    + "authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"));
        }
        try {
            URI uri = URI.create(request.getUrl());
            String[] path = uri.getPath().split("/");
            // /crm/v3/objects/{type}[/{id}|/search|/batch/read]
            String type = path[4];
            Map<String, String> query = query(uri.getRawQuery());
            String method = request.getMethod().getName();
            JsonNode body = request.getBodyAsString().isBlank() ? JSON.createObjectNode()
                    : JSON.readTree(request.getBodyAsString());
            if (path.length == 5 && method.equals("POST")) {
                ResponseDefinition created = answer(201, create(type, body));
                return type.equals("notes") ? commentStored(created) : created;
            }
            if (path.length == 5 && method.equals("GET")) {
                return answer(200, list(type, query));
            }
            if (path.length == 6 && path[5].equals("search") && method.equals("POST")) {
                return answer(200, search(type, body));
            }
            if (path.length == 7 && path[5].equals("batch") && method.equals("POST")) {
                ObjectNode answer = JSON.createObjectNode().put("status", "COMPLETE");
                ArrayNode results = answer.putArray("results");
                body.path("inputs").forEach(in -> {
                    ObjectNode found = objects.getOrDefault(type, Map.of()).get(in.path("id").asText());
                    if (found != null) {
                        results.add(view(found, query));
                    }
                });
                return answer(200, answer);
            }
            ObjectNode object = path.length == 6 ? objects.getOrDefault(type, Map.of()).get(path[5]) : null;
            if (object == null) {
                return answer(404, error("resource not found"));
            }
            if (method.equals("GET")) {
                return answer(200, view(object, query));
            }
            if (method.equals("PATCH")) {
                ObjectNode props = (ObjectNode) object.get("properties");
                body.path("properties").fields().forEachRemaining(f -> props.set(f.getKey(), f.getValue()));
                calculated(type, props);
                return answer(200, object);
            }
            return answer(405, error("method not allowed"));
        } catch (IOException | RuntimeException e) {
            return answer(400, error("Invalid input JSON: " + e.getMessage()));
        }
    }

    private ObjectNode create(String type, JsonNode body) {
        Map<String, String> props = new LinkedHashMap<>();
        body.path("properties").fields().forEachRemaining(f -> props.put(f.getKey(), f.getValue().asText()));
        String id = add(type, props);
        for (JsonNode association : body.path("associations")) {
            String other = association.path("to").path("id").asText();
            String otherType = typeOf(other);
            if (otherType == null) {
                throw new IllegalArgumentException("no object " + other + " to associate");
            }
            associate(type, id, otherType, other);
        }
        return objects.get(type).get(id);
    }

    private ObjectNode list(String type, Map<String, String> query) {
        List<ObjectNode> all = all(type);
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        int from = Integer.parseInt(query.getOrDefault("after", "0"));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (int i = from; i < Math.min(all.size(), from + limit); i++) {
            results.add(view(all.get(i), query));
        }
        if (from + limit < all.size()) {
            answer.putObject("paging").putObject("next").put("after", Integer.toString(from + limit))
                    .put("link", "?after=" + (from + limit));
        }
        return answer;
    }

    private ObjectNode search(String type, JsonNode body) {
        List<ObjectNode> matched = new ArrayList<>();
        for (ObjectNode object : all(type)) {
            JsonNode props = object.get("properties");
            for (JsonNode group : body.path("filterGroups")) {
                boolean all = true;
                for (JsonNode filter : group.path("filters")) {
                    if (!"EQ".equals(filter.path("operator").asText())) {
                        throw new IllegalArgumentException("the fake knows EQ only");
                    }
                    all &= filter.path("value").asText().equals(props.path(filter.path("propertyName").asText())
                            .asText(null));
                }
                if (all) {
                    matched.add(object);
                    break;
                }
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("total", matched.size());
        ArrayNode results = answer.putArray("results");
        matched.stream().limit(body.path("limit").asInt(10)).forEach(o -> results.add(view(o, Map.of())));
        return answer;
    }

    /** An object as GET shows it: associations only when asked for, in HubSpot's shape. */
    private ObjectNode view(ObjectNode object, Map<String, String> query) {
        ObjectNode shown = JSON.createObjectNode();
        shown.put("id", object.get("id").asText());
        shown.set("properties", object.get("properties").deepCopy());
        String wanted = query.get("associations");
        if (wanted != null) {
            ObjectNode associations = shown.putObject("associations");
            for (String type : wanted.split(",")) {
                JsonNode ids = object.path("associations").path(type);
                if (ids.isArray() && !ids.isEmpty()) {
                    ArrayNode results = associations.putObject(type).putArray("results");
                    ids.forEach(id -> results.addObject().put("id", id.asText()).put("type",
                            "contact_to_company"));
                }
            }
        }
        return shown;
    }

    private String typeOf(String id) {
        return objects.entrySet().stream().filter(e -> e.getValue().containsKey(id)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static void link(ObjectNode object, String type, String id) {
        ObjectNode associations = (ObjectNode) object.get("associations");
        ArrayNode ids = associations.has(type) ? (ArrayNode) associations.get(type) : associations.putArray(type);
        ids.add(id);
    }

    /** HubSpot's calculated phone property: the number's digits without the country code. */
    private static void calculated(String type, ObjectNode props) {
        if (type.equals("contacts") && props.hasNonNull("phone")) {
            String digits = props.get("phone").asText().replaceAll("[^0-9]", "");
            props.put("hs_searchable_calculated_phone_number", digits.length() > 10
                    ? digits.substring(digits.length() - 10) : digits);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("status", "error").put("message", message)
                .put("correlationId", "0b3a0b7c-fake").put("category", "VALIDATION_ERROR");
    }

    private static ResponseDefinition answer(int status, JsonNode body) {
        return answer(status, body, "application/json;charset=utf-8");
    }
}
