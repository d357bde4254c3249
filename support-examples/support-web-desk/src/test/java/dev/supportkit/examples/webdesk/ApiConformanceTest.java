package dev.supportkit.examples.webdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API through one request's whole life and its error answers, every response checked against
 * {@code /openapi.yaml} as the desk serves it, and every documented operation called at least once.
 */
class ApiConformanceTest {
    @TempDir
    static Path data;
    private static WebDesk desk;
    private static String base;
    private static OpenApiConformance conformance;

    @BeforeAll
    static void start() throws Exception {
        desk = DeskFixture.start(data);
        base = "http://127.0.0.1:" + desk.port();
        var http = java.net.http.HttpClient.newHttpClient();
        var yaml = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/openapi.yaml")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, yaml.statusCode());
        conformance = new OpenApiConformance(yaml.body());
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    @DisplayName("a request's life and the API's errors: 401, 403 (role and CSRF), 404 across organisations, 409, 422, 428")
    void lifeAndErrorsConformToTheDocument() {
        ApiClient stranger = new ApiClient(base, conformance);
        assertEquals(401, stranger.call("POST", "/api/v1/session", Map.of("login", "irina", "password", "wrong"),
                Map.of()).status());
        assertEquals(401, stranger.get("/api/v1/requests").status());
        assertEquals(422, stranger.call("POST", "/api/v1/session", "not an object", Map.of()).status());

        ApiClient irina = ApiClient.login(base, conformance, "irina");
        ApiClient oleg = ApiClient.login(base, conformance, "oleg");
        ApiClient anna = ApiClient.login(base, conformance, "anna");
        ApiClient viktor = ApiClient.login(base, conformance, "viktor");
        ApiClient boris = ApiClient.login(base, conformance, "boris");

        // intake: CSRF first, then every field error at once
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("subject", "No incoming calls");
        contact.put("text", "Callers hear a busy tone since 9:00");
        contact.put("system", "romashka-pbx");
        contact.put("answers", Map.of("scope", "whole office", "since", "09:00"));
        assertEquals(403, irina.call("POST", "/api/v1/requests", contact, Map.of()).status(), "no CSRF token");
        assertEquals(403, irina.call("POST", "/api/v1/requests", contact, Map.of("X-CSRF-Token", "forged")).status());
        ApiClient.Response invalid = irina.post("/api/v1/requests", Map.of("subject", "", "text", "", "system", "romashka-pbx"));
        assertEquals(422, invalid.status());
        assertEquals(Set.of("contact.subject", "contact.text", "answers.scope", "answers.since"), fields(invalid.json()));
        ApiClient.Response badPriority = anna.post("/api/v1/requests", Map.of("subject", "x", "text", "y",
                "priority", "URGENT"));
        assertEquals(422, badPriority.status());
        assertTrue(fields(badPriority.json()).containsAll(Set.of("priority", "organization", "representative")),
                badPriority.raw().body());

        ApiClient.Response created = irina.post("/api/v1/requests", contact);
        assertEquals(201, created.status(), created.raw().body());
        String id = created.json().get("id").asText();
        assertEquals("\"1\"", created.etag());

        // another organisation's request does not exist for Oleg, whatever he tries
        assertEquals(404, oleg.get("/api/v1/requests/" + id).status());
        assertEquals(404, oleg.get("/api/v1/requests/" + id + "/journal").status());
        assertEquals(404, oleg.command(id, "sign-off", "\"1\"", Map.of("comment", "x")).status());
        assertEquals(404, anna.get("/api/v1/requests/no-such-request").status());

        // versions: a missing If-Match is 428, a stale one 409; a customer may not take a request into work (403)
        ApiClient.Response read = anna.get("/api/v1/requests/" + id);
        assertEquals(200, read.status());
        assertEquals(428, anna.command(id, "take", null, null).status());
        assertEquals(403, irina.command(id, "take", read.etag(), null).status());
        assertEquals(422, anna.command(id, "take", "version one", null).status());
        ApiClient.Response taken = anna.command(id, "take", read.etag(), null);
        assertEquals(200, taken.status(), taken.raw().body());
        assertEquals(409, anna.command(id, "take", read.etag(), null).status(), "stale version");
        assertEquals(404, anna.command(id, "no-such-command", taken.etag(), null).status());
        ApiClient.Response badTarget = anna.command(id, "redirect", taken.etag(), Map.of("target", "moon"));
        assertEquals(422, badTarget.status());
        assertEquals(Set.of("target"), fields(badTarget.json()));

        // the life: redirect, question, answer, resolution, sign-off, closing
        ApiClient.Response at = anna.command(id, "redirect", taken.etag(), Map.of("target", "group:telephony",
                "reason", "hardware suspected"));
        assertEquals("AT_SECOND_LINE", at.json().get("status").asText(), at.raw().body());
        ApiClient galina = ApiClient.login(base, conformance, "galina");
        ApiClient.Response unknown = galina.command(id, "assign", at.etag(), Map.of("assignee", "nobody", "reason", "x"));
        assertEquals(422, unknown.status(), unknown.raw().body());
        at = galina.command(id, "assign", at.etag(), Map.of("assignee", "viktor", "reason", "PSU expert"));
        assertEquals("viktor", at.json().get("assignee").asText(), at.raw().body());
        ApiClient.Response badTriage = viktor.command(id, "triage", at.etag(), Map.of("reason", "x", "priority", "URGENT"));
        assertEquals(Set.of("triage.priority"), fields(badTriage.json()));
        at = viktor.command(id, "triage", at.etag(), Map.of("reason", "the whole office is cut off", "priority", "HIGH",
                "category", "pbx"));
        assertEquals("HIGH", at.json().get("priority").asText(), at.raw().body());
        ApiClient.Response badPlan = viktor.command(id, "plan-work", at.etag(), Map.of("tasks", "just do it"));
        assertEquals(Set.of("tasks[0]"), fields(badPlan.json()), badPlan.raw().body());
        at = viktor.command(id, "plan-work", at.etag(), Map.of("tasks", "diagnose; viktor; Read the PBX logs; 30"));
        assertEquals(200, at.status(), at.raw().body());
        assertEquals(403, viktor.command(id, "approve-plan", at.etag(), Map.of()).status(), "the group lead approves");
        at = galina.command(id, "approve-plan", at.etag(), Map.of());
        assertEquals(200, at.status(), at.raw().body());
        at = viktor.command(id, "complete-task", at.etag(), Map.of("task", "diagnose", "minutes", "25",
                "note", "PSU fan seized"));
        assertEquals(200, at.status(), at.raw().body());
        ApiClient.Response badTime = viktor.command(id, "record-time", at.etag(), Map.of("minutes", "ten",
                "function", "Z/99", "note", "x"));
        assertEquals(Set.of("entry.spent"), fields(badTime.json()), badTime.raw().body());
        at = viktor.command(id, "record-time", at.etag(), Map.of("minutes", "15", "function", "C/03.6",
                "note", "Read the logs"));
        assertEquals(200, at.status(), at.raw().body());
        at = galina.command(id, "advise", at.etag(), Map.of("specialist", "viktor", "text", "Check the fan first"));
        assertEquals(200, at.status(), at.raw().body());
        at = viktor.command(id, "escalate-to-lead", at.etag(), Map.of("reason", "needs a spare from stock"));
        assertEquals(200, at.status(), at.raw().body());
        assertEquals(403, viktor.command(id, "vendor", at.etag(), Map.of("vendor", "Nordtel", "problem", "x"))
                .status(), "the group lead hands a problem to the vendor");
        at = galina.command(id, "vendor", at.etag(), Map.of("vendor", "Nordtel", "case", "NT-42",
                "problem", "PSU fans seize after a year"));
        assertEquals(200, at.status(), at.raw().body());
        at = viktor.command(id, "clarification-request", at.etag(), Map.of("question", "Is the PSU LED red?"));
        assertEquals("WAITING_FOR_CUSTOMER", at.json().get("status").asText(), at.raw().body());
        at = irina.command(id, "clarification", at.etag(), Map.of("answer", "Yes, blinking red"));
        assertEquals("AT_SECOND_LINE", at.json().get("status").asText(), at.raw().body());
        at = viktor.command(id, "note", at.etag(), Map.of("text", "Spare PSU in stock"));
        at = viktor.command(id, "reply", at.etag(), Map.of("text", "We are replacing the power supply today."));
        assertEquals(422, viktor.command(id, "resolve", at.etag(), Map.of()).status());
        at = viktor.command(id, "resolve", at.etag(), Map.of("summary", "Replaced the PSU", "cause", "PSU failure"));
        assertEquals("RESOLVED", at.json().get("status").asText(), at.raw().body());
        assertEquals(409, boris.command(id, "close", at.etag(), Map.of("note", "too early")).status(),
                "closing before the sign-off is not a move of the request's life");
        at = irina.command(id, "sign-off", at.etag(), Map.of("comment", "Works again"));
        assertEquals("SIGNED_OFF", at.json().get("status").asText(), at.raw().body());
        at = boris.command(id, "close", at.etag(), Map.of("note", "checked"));
        assertEquals("CLOSED", at.json().get("status").asText(), at.raw().body());

        // the satisfaction survey sent on closing: bad scores refused naming the field, one answer recorded
        ApiClient.Response outOfRange = irina.command(id, "survey", at.etag(), Map.of("score", "9"));
        assertEquals(422, outOfRange.status(), outOfRange.raw().body());
        assertEquals(Set.of("answer.score"), fields(outOfRange.json()));
        assertEquals(Set.of("answer.score"), fields(irina.command(id, "survey", at.etag(), Map.of("score", "many")).json()));
        assertEquals(403, anna.command(id, "survey", at.etag(), Map.of("score", "5")).status(), "staff do not answer it");
        at = irina.command(id, "survey", at.etag(), Map.of("score", "4", "comment", "Быстро и вежливо"));
        assertEquals(200, at.status(), at.raw().body());
        ApiClient.Response again = irina.command(id, "survey", at.etag(), Map.of("score", "5"));
        assertEquals(422, again.status(), "answered once: " + again.raw().body());
        assertTrue(irina.get("/api/v1/requests/" + id + "/journal").json().get("entries").toString()
                .contains("D/02.7"), "the answer is journalled under D/02.7 and the customer sees it");

        // reads: journal with labour-function codes, verification, deadlines, suggestions, knowledge, reports
        JsonNode staffJournal = anna.get("/api/v1/requests/" + id + "/journal").json().get("entries");
        JsonNode customerJournal = irina.get("/api/v1/requests/" + id + "/journal").json().get("entries");
        assertTrue(customerJournal.size() < staffJournal.size(), "the customer sees only customer-visible entries");
        customerJournal.forEach(e -> assertEquals("CUSTOMER_VISIBLE", e.get("visibility").asText()));
        ApiClient.Response verified = boris.get("/api/v1/requests/" + id + "/journal/verification");
        assertTrue(verified.json().get("intact").asBoolean(), verified.raw().body());
        assertEquals(403, irina.get("/api/v1/requests/" + id + "/journal/verification").status());
        assertEquals(200, irina.get("/api/v1/requests/" + id + "/deadlines").status());
        assertEquals(200, anna.get("/api/v1/requests/" + id + "/suggestions").status());
        ApiClient.Response hits = irina.get("/api/v1/knowledge/search?q=forward%20calls");
        assertEquals("faq-forwarding", hits.json().get("hits").get(0).get("id").asText(), hits.raw().body());
        assertEquals(422, irina.get("/api/v1/knowledge/search").status());
        assertTrue(anna.get("/api/v1/knowledge/faq").json().get("entries").size() >= 3);
        ApiClient.Response summary = boris.get("/api/v1/reports/status-summary");
        assertTrue(summary.json().get("counts").get("CLOSED").asLong() >= 1, summary.raw().body());
        assertEquals(403, anna.get("/api/v1/reports/status-summary").status());

        // queues: filters and cursor paging; a customer pages only their organisation's requests
        ApiClient.Response first = anna.get("/api/v1/requests?queue=all&limit=1");
        String cursor = first.json().get("nextCursor").asText();
        ApiClient.Response second = anna.get("/api/v1/requests?queue=all&limit=1&cursor="
                + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, second.status(), second.raw().body());
        assertTrue(!first.json().get("items").get(0).get("id").equals(second.json().get("items").get(0).get("id")));
        assertEquals(422, anna.get("/api/v1/requests?status=LOST&limit=x").status());
        oleg.get("/api/v1/requests").json().get("items")
                .forEach(r -> assertEquals("vasilek", r.get("organization").asText()));

        // logging out needs the token too
        assertEquals(403, irina.call("DELETE", "/api/v1/session", null, Map.of()).status());
        assertEquals(204, irina.call("DELETE", "/api/v1/session", null, Map.of("X-CSRF-Token", irina.csrf)).status());
        assertEquals(401, irina.get("/api/v1/requests").status());

        Set<String> missed = new TreeSet<>(conformance.operations());
        missed.removeAll(conformance.called());
        assertEquals(Set.of(), missed, "documented operations the test never called");
        assertTrue(conformance.checked() > 50, "responses checked: " + conformance.checked());
    }

    private static Set<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertNotNull(problem.get("status"));
        return new TreeSet<>(fields);
    }
}
