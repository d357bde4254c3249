package dev.supportkit.crm.amocrm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.supportkit.crm.common.testing.WireMockCrm;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An amoCRM account on WireMock: the OAuth 2.0 token endpoint with single-use, rotating refresh tokens (a used or
 * older refresh token is refused with {@code invalid_grant}, only the newest access token is accepted) and the API
 * v4 calls the adapter makes, in amoCRM's shapes ({@code _embedded}, {@code _links.next}, 204 for an empty list,
 * problem+json errors); kept in memory so a test can read back what the adapter made.
 */
final class AmoFake extends WireMockCrm {
    static final String NAME = "amo-fake";
    static final String CLIENT_ID = "0e3a5a16-7f1b-4c8e-9d1e-0a6b2f1c9d77";
    static final String CLIENT_SECRET = "s3cr3t-Cl13nt-K3y-0123456789abcdef0123456789abcdef";

    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger unauthorized = new AtomicInteger();
    volatile String access;
    volatile String refresh;
    volatile int tokenDelayMs;

    AmoFake() {
        super(NAME, "/(api|oauth2)/.*", 5000, 20);
        reset();
    }

    @Override
    protected void cleared() {
        refreshes.set(0);
        refused.set(0);
        unauthorized.set(0);
        tokenDelayMs = 0;
        access = "access-0-" + ids.incrementAndGet();
        refresh = "refresh-0-" + ids.incrementAndGet();
    }

    /** Every third API call from now on answers 429, as amoCRM does above 7 requests a second. */
    void limitEveryThirdCall() {
        everyThirdCall(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Too many requests\"}"));
    }

    String add(String type, ObjectNode entity) {
        return store(type, entity, "id", true);
    }

    synchronized void link(String contact, String company) {
        ObjectNode embedded = objects.get("contacts").get(contact).with("_embedded");
        (embedded.has("companies") ? (ArrayNode) embedded.get("companies") : embedded.putArray("companies"))
                .addObject().put("id", Long.parseLong(company));
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            URI uri = URI.create(event.getRequest().getUrl());
            String raw = event.getRequest().getBodyAsString();
            JsonNode body = raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
            if (uri.getPath().equals("/oauth2/access_token")) {
                return token(body);
            }
            synchronized (this) {
                if (!("Bearer " + access).equals(event.getRequest().getHeader("Authorization"))) {
                    unauthorized.incrementAndGet();
                    return answer(401, problem("Unauthorized", 401, "Неверный логин или пароль"));
                }
                return api(event.getRequest().getMethod().getName(), uri, body);
            }
        } catch (IOException | RuntimeException e) {
            return answer(400, problem("Bad Request", 400, "Request body is invalid: " + e));
        }
    }

    private ResponseDefinition token(JsonNode body) {
        ResponseDefinition answer;
        synchronized (this) {
            boolean client = CLIENT_ID.equals(body.path("client_id").asText())
                    && CLIENT_SECRET.equals(body.path("client_secret").asText());
            boolean grant = "refresh_token".equals(body.path("grant_type").asText())
                    && refresh.equals(body.path("refresh_token").asText());
            if (!client || !grant) {
                refused.incrementAndGet();
                answer = answer(400, JSON.createObjectNode().put("hint", "Token has been revoked")
                        .put("title", "Invalid grant").put("type", "https://developers.amocrm.ru/v3/errors/OAuthProblemJson")
                        .put("status", 400).put("detail", "Модифицированный токен"));
            } else {
                int n = refreshes.incrementAndGet();
                access = "access-" + n + "-" + ids.incrementAndGet();
                refresh = "refresh-" + n + "-" + ids.incrementAndGet();
                answer = answer(200, JSON.createObjectNode().put("token_type", "Bearer").put("expires_in", 86400)
                        .put("access_token", access).put("refresh_token", refresh));
            }
        }
        if (tokenDelayMs > 0) {
            return ResponseDefinitionBuilder.like(answer).withFixedDelay(tokenDelayMs).build();
        }
        return answer;
    }

    private ResponseDefinition api(String method, URI uri, JsonNode body) {
        String[] path = uri.getPath().split("/");
        // /api/v4/{type}[/{id}[/notes|/link]]
        String type = path[3];
        Map<String, List<String>> query = query(uri.getRawQuery());
        if (path.length == 4 && method.equals("GET")) {
            return list(type, query);
        }
        if (path.length == 4 && method.equals("POST")) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode created = answer.putObject("_embedded").putArray(type);
            for (JsonNode entity : body) {
                String id = add(type, (ObjectNode) entity);
                created.addObject().put("id", Long.parseLong(id)).put("request_id", "0");
            }
            return answer(200, answer);
        }
        ObjectNode entity = objects.getOrDefault(type, Map.of()).get(path[4]);
        if (entity == null) {
            return answer(404, problem("Not Found", 404, "Entity not found"));
        }
        if (path.length == 5 && method.equals("PATCH")) {
            body.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("custom_fields_values")) {
                    entity.set(f.getKey(), f.getValue());
                }
            });
            for (JsonNode field : body.path("custom_fields_values")) {
                ArrayNode fields = entity.withArray("custom_fields_values");
                for (int i = fields.size() - 1; i >= 0; i--) {
                    if (fields.get(i).path("field_id").asLong() == field.path("field_id").asLong()) {
                        fields.remove(i);
                    }
                }
                fields.add(field);
            }
            return answer(200, JSON.createObjectNode().put("id", entity.get("id").asLong()).put("updated_at", 1));
        }
        if (path.length == 6 && path[5].equals("notes") && method.equals("POST")) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode created = answer.putObject("_embedded").putArray("notes");
            for (JsonNode note : body) {
                ObjectNode stored = ((ObjectNode) note).deepCopy().put("entity_id", entity.get("id").asLong());
                created.addObject().put("id", Long.parseLong(add("notes", stored)))
                        .put("entity_id", entity.get("id").asLong());
            }
            return commentStored(answer(200, answer));
        }
        if (path.length == 6 && path[5].equals("notes") && method.equals("GET")) {
            List<ObjectNode> notes = all("notes").stream().filter(n -> n.path("entity_id").asLong()
                    == entity.get("id").asLong() && n.path("note_type").asText().equals(
                    query.getOrDefault("filter[note_type]", List.of("common")).get(0))).toList();
            return page(notes, query, uri.getPath(), "notes");
        }
        if (path.length == 6 && path[5].equals("link") && method.equals("POST")) {
            for (JsonNode to : body) {
                link(path[4], to.path("to_entity_id").asText());
            }
            return answer(200, JSON.createObjectNode());
        }
        return answer(405, problem("Method Not Allowed", 405, method));
    }

    private ResponseDefinition list(String type, Map<String, List<String>> query) {
        List<ObjectNode> matched = new ArrayList<>();
        String q = query.getOrDefault("query", List.of("")).get(0);
        List<String> wantedIds = query.getOrDefault("filter[id][]", List.of());
        for (ObjectNode entity : all(type)) {
            if (!wantedIds.isEmpty() && !wantedIds.contains(entity.get("id").asText())) {
                continue;
            }
            if (!q.isEmpty() && !matches(entity, q)) {
                continue;
            }
            matched.add(entity);
        }
        return page(matched, query, "/api/v4/" + type, type);
    }

    /** One page of a list as amoCRM answers it: {@code _embedded}, {@code _links.next}, 204 past the end. */
    private static ResponseDefinition page(List<ObjectNode> matched, Map<String, List<String>> query, String path,
                                           String embedded) {
        int limit = Integer.parseInt(query.getOrDefault("limit", List.of("50")).get(0));
        int page = Integer.parseInt(query.getOrDefault("page", List.of("1")).get(0));
        int from = (page - 1) * limit;
        if (from >= matched.size()) {
            return aResponse().withStatus(204).build();
        }
        ObjectNode answer = JSON.createObjectNode().put("_page", page);
        ObjectNode links = answer.putObject("_links");
        links.putObject("self").put("href", path + "?page=" + page);
        if (from + limit < matched.size()) {
            links.putObject("next").put("href", path + "?page=" + (page + 1));
        }
        ArrayNode results = answer.putObject("_embedded").putArray(embedded);
        matched.subList(from, Math.min(matched.size(), from + limit)).forEach(results::add);
        return answer(200, answer);
    }

    /** amoCRM's search: the name, or a field value containing the query; phones by their digits. */
    private static boolean matches(ObjectNode entity, String q) {
        if (entity.path("name").asText("").contains(q)) {
            return true;
        }
        for (JsonNode field : entity.path("custom_fields_values")) {
            for (JsonNode value : field.path("values")) {
                String text = value.path("value").asText("");
                if (text.contains(q) || "PHONE".equals(field.path("field_code").asText())
                        && text.replaceAll("[^0-9]", "").contains(q)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static ObjectNode problem(String title, int status, String detail) {
        return JSON.createObjectNode().put("title", title).put("type", "https://httpstatus.es/" + status)
                .put("status", status).put("detail", detail);
    }

    private static ResponseDefinition answer(int status, JsonNode body) {
        return answer(status, body, status >= 400 ? "application/problem+json" : "application/hal+json");
    }
}
