package dev.supportkit.crm.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.supportkit.crm.common.testing.WireMockCrm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bitrix24 portal on WireMock behind an inbound webhook {@code /rest/1/<key>/<method>.json}, or reached by a
 * marketplace app at {@code /rest/<method>.json?auth=<access token>} with the OAuth server's
 * {@code /oauth/token/} on the same address (single-use, rotating refresh tokens; an expired or replaced access
 * token answered 401 {@code expired_token}): the CRM methods the adapter calls, deals and smart-process items
 * ({@code crm.item.*}), with Bitrix24's answer shape ({@code result}, {@code time}, lists with {@code total} and
 * {@code next} in pages of 50), its errors ({@code error}, {@code error_description}) and
 * {@code 503 QUERY_LIMIT_EXCEEDED}; kept in memory so a test can read back what the adapter made.
 */
final class Bitrix24Fake extends WireMockCrm {
    static final String NAME = "bitrix24-fake";
    static final int PAGE = 50;

    static final String CLIENT_ID = "app.66f1a2b3c4d5e6.12345678";
    static final String CLIENT_SECRET = "Xq8s3cr3tAppK3yBitrix24abcdefghijklmnopqrstuvwx";

    private final String key;
    /** The access token the portal accepts now, and the one refresh token the OAuth server accepts. */
    volatile String access;
    volatile String refresh;
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger expired = new AtomicInteger();

    Bitrix24Fake(String key) {
        super(NAME, "/(rest|oauth)/.*", 100, 20);
        this.key = key;
        reset();
    }

    @Override
    protected void cleared() {
        access = "acc0" + ids.incrementAndGet() + "b24";
        refresh = "ref0" + ids.incrementAndGet() + "b24";
        refreshes.set(0);
        expired.set(0);
    }

    /** The access token expires now: the next call with it is answered 401 expired_token. */
    void expireAccessToken() {
        access = "acc-unissued-" + ids.incrementAndGet();
    }

    String webhook(String withKey) {
        return baseUrl() + "/rest/1/" + withKey + "/";
    }

    /** Every third call from now on answers 503 QUERY_LIMIT_EXCEEDED, without Retry-After, as Bitrix24 does. */
    void limitEveryThirdCall() {
        everyThirdCall(limited());
    }

    /** Bitrix24's answer above its limit: 503 {@code QUERY_LIMIT_EXCEEDED}, without Retry-After. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder limited() {
        return aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}");
    }

    String add(String entity, ObjectNode fields) {
        return store(entity, fields, "ID", false);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        String url = event.getRequest().getUrl();
        String[] path = url.split("\\?")[0].split("/");
        if (url.startsWith("/oauth/token/")) {
            return token(event.getRequest().queryParameter("grant_type").firstValue(), event);
        }
        String call;
        if (path.length == 3) {
            // /rest/<method>.json?auth=<token>: an app
            String auth = event.getRequest().queryParameter("auth").isPresent()
                    ? event.getRequest().queryParameter("auth").firstValue() : "";
            if (!auth.equals(access)) {
                expired.incrementAndGet();
                return answer(401, error("expired_token", "The access token provided has expired."));
            }
            call = path[2];
        } else if (path.length == 5 && path[3].equals(key)) {
            // /rest/1/<key>/<method>.json: an inbound webhook
            call = path[4];
        } else {
            return answer(401, error("INVALID_CREDENTIALS", "Invalid request credentials"));
        }
        String method = call.endsWith(".json") ? call.substring(0, call.length() - 5) : call;
        try {
            String raw = event.getRequest().getBodyAsString();
            JsonNode params = raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
            return switch (method) {
                case "crm.deal.add" -> ok(add("deal", (ObjectNode) params.path("fields")));
                case "crm.contact.add" -> ok(add("contact", (ObjectNode) params.path("fields")));
                case "crm.company.add" -> ok(add("company", (ObjectNode) params.path("fields")));
                case "crm.requisite.add" -> ok(add("requisite", (ObjectNode) params.path("fields")));
                case "crm.timeline.comment.add" -> {
                    String owner = params.path("fields").path("ENTITY_ID").asText();
                    String type = params.path("fields").path("ENTITY_TYPE").asText();
                    ObjectNode target = type.equals("deal") ? objects.getOrDefault("deal", Map.of()).get(owner)
                            : objects.getOrDefault("item", Map.of()).get(owner);
                    if (target == null || type.startsWith("dynamic_")
                            && !type.equals("dynamic_" + target.path("entityTypeId").asInt())) {
                        yield answer(400, error("ERROR_CORE", "Entity not found"));
                    }
                    yield commentStored(ok(add("comment", (ObjectNode) params.path("fields"))));
                }
                case "crm.deal.update" -> {
                    ObjectNode deal = objects.getOrDefault("deal", Map.of()).get(params.path("id").asText());
                    if (deal == null) {
                        yield answer(400, error("", "Not found"));
                    }
                    params.path("fields").fields().forEachRemaining(f -> deal.set(f.getKey(), f.getValue()));
                    yield okJson(JSON.getNodeFactory().booleanNode(true), null);
                }
                case "crm.contact.get" -> {
                    ObjectNode contact = objects.getOrDefault("contact", Map.of()).get(params.path("id").asText());
                    yield contact == null ? answer(400, error("", "Not found")) : okJson(contact, null);
                }
                case "crm.deal.list" -> list("deal", params);
                case "crm.contact.list" -> list("contact", params);
                case "crm.company.list" -> list("company", params);
                case "crm.requisite.list" -> list("requisite", params);
                case "crm.timeline.comment.list" -> list("comment", params);
                case "crm.duplicate.findbycomm" -> findByComm(params);
                case "crm.item.add" -> {
                    ObjectNode fields = ((ObjectNode) params.path("fields")).deepCopy()
                            .put("entityTypeId", params.path("entityTypeId").asInt());
                    String id = store("item", fields, "id", true);
                    yield okJson(JSON.createObjectNode().set("item", objects.get("item").get(id)), null);
                }
                case "crm.item.update" -> {
                    ObjectNode item = objects.getOrDefault("item", Map.of()).get(params.path("id").asText());
                    if (item == null || item.path("entityTypeId").asInt() != params.path("entityTypeId").asInt()) {
                        yield answer(400, error("NOT_FOUND", "Элемент не найден"));
                    }
                    params.path("fields").fields().forEachRemaining(f -> item.set(f.getKey(), f.getValue()));
                    yield okJson(JSON.createObjectNode().set("item", item), null);
                }
                case "crm.item.list" -> items(params);
                default -> answer(404, error("ERROR_METHOD_NOT_FOUND", "Method not found!"));
            };
        } catch (IOException | RuntimeException e) {
            return answer(400, error("INVALID_REQUEST", "Invalid request: " + e));
        }
    }

    private ResponseDefinition list(String entity, JsonNode params) {
        List<ObjectNode> matched = new ArrayList<>();
        for (ObjectNode object : all(entity)) {
            boolean all = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = params.path("filter").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String field = f.getKey().replaceFirst("^[=@]", "");
                String actual = object.path(field).asText(null);
                if (f.getKey().startsWith("@")) {
                    boolean any = false;
                    for (JsonNode v : f.getValue()) {
                        any |= v.asText().equals(actual);
                    }
                    all &= any;
                } else {
                    all &= f.getValue().asText().equals(actual);
                }
            }
            if (all) {
                matched.add(object);
            }
        }
        int start = params.path("start").asInt(0);
        ArrayNode result = JSON.createArrayNode();
        for (int i = start; i < Math.min(matched.size(), start + PAGE); i++) {
            ObjectNode shown = JSON.createObjectNode();
            ObjectNode object = matched.get(i);
            JsonNode select = params.path("select");
            if (select.isArray() && !select.isEmpty()) {
                select.forEach(s -> {
                    if (object.has(s.asText())) {
                        shown.set(s.asText(), object.get(s.asText()));
                    }
                });
            } else {
                shown.setAll(object);
            }
            result.add(shown);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("result", result);
        if (start + PAGE < matched.size()) {
            answer.put("next", start + PAGE);
        }
        answer.put("total", matched.size());
        return okJson(null, answer);
    }

    /** {@code crm.item.list}: equality filters (a leading {@code =} allowed), 50 a page, {@code {items: […]}}. */
    private ResponseDefinition items(JsonNode params) {
        List<ObjectNode> matched = new ArrayList<>();
        for (ObjectNode item : all("item")) {
            boolean all = item.path("entityTypeId").asInt() == params.path("entityTypeId").asInt();
            for (Iterator<Map.Entry<String, JsonNode>> it = params.path("filter").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                all &= f.getValue().asText().equals(item.path(f.getKey().replaceFirst("^=", "")).asText(null));
            }
            if (all) {
                matched.add(item);
            }
        }
        int start = params.path("start").asInt(0);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode items = answer.putObject("result").putArray("items");
        matched.stream().skip(start).limit(PAGE).forEach(items::add);
        if (start + PAGE < matched.size()) {
            answer.put("next", start + PAGE);
        }
        answer.put("total", matched.size());
        return okJson(null, answer);
    }

    /** The OAuth server's {@code GET /oauth/token/}: the one valid refresh token (or code) rotates the pair. */
    private ResponseDefinition token(String grantType, ServeEvent event) {
        var request = event.getRequest();
        boolean client = request.queryParameter("client_id").isPresent()
                && CLIENT_ID.equals(request.queryParameter("client_id").firstValue())
                && request.queryParameter("client_secret").isPresent()
                && CLIENT_SECRET.equals(request.queryParameter("client_secret").firstValue());
        boolean grant = "refresh_token".equals(grantType) && request.queryParameter("refresh_token").isPresent()
                && refresh.equals(request.queryParameter("refresh_token").firstValue());
        if (!client || !grant) {
            return answer(400, error("invalid_grant", "Invalid refresh token"));
        }
        int n = refreshes.incrementAndGet();
        access = "acc" + n + "x" + ids.incrementAndGet();
        refresh = "ref" + n + "x" + ids.incrementAndGet();
        return answer(200, JSON.createObjectNode().put("access_token", access).put("expires", 1_780_000_000)
                .put("expires_in", 3600).put("scope", "crm").put("domain", "oauth.bitrix.info")
                .put("server_endpoint", "https://oauth.bitrix.info/rest/").put("status", "L")
                .put("client_endpoint", baseUrl() + "/rest/").put("member_id", "a223c6b3710f85df22e9377d6c4f7553")
                .put("user_id", 1).put("refresh_token", refresh));
    }

    private ResponseDefinition findByComm(JsonNode params) {
        String type = params.path("type").asText();
        String wanted = params.path("values").path(0).asText();
        ArrayNode found = JSON.createArrayNode();
        for (ObjectNode contact : all("contact")) {
            for (JsonNode comm : contact.path(type)) {
                String value = comm.path("VALUE").asText();
                boolean same = type.equals("PHONE") ? national(value).equals(national(wanted))
                        : value.equalsIgnoreCase(wanted);
                if (same) {
                    found.add(Integer.parseInt(contact.path("ID").asText()));
                    break;
                }
            }
        }
        if (found.isEmpty()) {
            return okJson(JSON.createArrayNode(), null);
        }
        ObjectNode result = JSON.createObjectNode();
        result.set("CONTACT", found);
        return okJson(result, null);
    }

    private static String national(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    private static ResponseDefinition ok(String id) {
        return okJson(JSON.getNodeFactory().numberNode(Integer.parseInt(id)), null);
    }

    private static ResponseDefinition okJson(JsonNode result, ObjectNode whole) {
        ObjectNode answer = whole == null ? JSON.createObjectNode() : whole;
        if (whole == null) {
            answer.set("result", result);
        }
        answer.putObject("time").put("start", 1.7e9).put("finish", 1.7e9).put("duration", 0.01)
                .put("processing", 0.005).put("date_start", "2026-03-12T09:00:00+03:00")
                .put("date_finish", "2026-03-12T09:00:00+03:00").put("operating", 0);
        return answer(200, answer);
    }

    private static ObjectNode error(String code, String description) {
        return JSON.createObjectNode().put("error", code).put("error_description", description);
    }

    private static ResponseDefinition answer(int status, JsonNode body) {
        return answer(status, body, "application/json; charset=utf-8");
    }
}
