package dev.supportkit.examples.webdesk;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.api.knowledge.KnowledgeHit;
import dev.supportkit.api.reports.StatusSummary;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestPage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API's JSON shapes, written by hand so that they match {@code openapi.yaml} field for field (the
 * conformance test checks every response of its run against the document).
 */
final class ApiJson {
    private ApiJson() {
    }

    static Map<String, Object> request(Request r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id().value());
        json.put("version", r.version());
        json.put("status", r.status().name());
        json.put("line", r.line().name());
        json.put("priority", r.priority().name());
        json.put("subject", r.subject());
        json.put("description", r.description());
        json.put("channel", r.channel().name());
        json.put("organization", r.organization().value());
        json.put("representative", r.representative().value());
        json.put("system", r.system().map(s -> s.value()).orElse(null));
        json.put("group", r.group().map(g -> g.value()).orElse(null));
        json.put("assignee", r.assignee().map(a -> a.value()).orElse(null));
        json.put("category", r.category().orElse(null));
        json.put("emergency", r.intake().emergency());
        json.put("registeredAt", text(r.registeredAt()));
        json.put("updatedAt", text(r.updatedAt()));
        json.put("resolution", r.resolution().map(res -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("summary", res.summary());
            m.put("cause", res.cause());
            return m;
        }).orElse(null));
        json.put("deadlines", r.deadlines().stream().map(ApiJson::deadline).toList());
        return json;
    }

    static Map<String, Object> deadline(Deadline d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", d.kind().name());
        json.put("state", d.state().name());
        json.put("calendar", d.calendar());
        json.put("dueAt", text(d.dueAt()));
        json.put("metAt", text(d.metAt()));
        json.put("target", text(d.target()));
        return json;
    }

    static Map<String, Object> page(RequestPage page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.requests().stream().map(ApiJson::request).toList());
        json.put("nextCursor", page.nextCursor().orElse(null));
        return json;
    }

    static Map<String, Object> entry(JournalEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", e.sequence());
        json.put("occurredAt", text(e.occurredAt()));
        json.put("actorId", e.actorId());
        json.put("actorName", e.actorName());
        json.put("actorRole", e.actorRole().name());
        json.put("function", e.function().code());
        json.put("visibility", e.visibility().name());
        json.put("event", e.event().getClass().getSimpleName());
        json.put("description", e.description());
        json.put("hash", e.hash());
        return json;
    }

    static Map<String, Object> verification(ChainVerification v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("request", v.request().value());
        json.put("intact", v.intact());
        json.put("entriesChecked", v.entriesChecked());
        json.put("brokenAt", v.brokenAt().orElse(null));
        json.put("problem", v.problem().orElse(null));
        return json;
    }

    static Map<String, Object> hit(KnowledgeHit h) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", h.ref().kind().name());
        json.put("id", h.ref().id());
        json.put("version", h.version());
        json.put("title", h.title());
        json.put("summary", h.summary());
        json.put("typical", h.typical());
        json.put("score", h.score());
        return json;
    }

    static Map<String, Object> faq(FaqEntry f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.id().value());
        json.put("version", f.version());
        json.put("question", f.question());
        json.put("answer", f.answer());
        json.put("systemModels", f.systemModels().stream().sorted().toList());
        return json;
    }

    static Map<String, Object> summary(StatusSummary s) {
        Map<String, Object> counts = new LinkedHashMap<>();
        s.counts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> counts.put(e.getKey().name(), e.getValue()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("counts", counts);
        json.put("total", s.total());
        json.put("asOf", text(s.asOf()));
        return json;
    }

    static Map<String, Object> problem(int status, String title, String detail, List<FieldError> errors) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("title", title);
        json.put("detail", detail);
        json.put("errors", errors.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", e.field());
            m.put("rule", e.rule());
            m.put("message", e.message());
            return m;
        }).toList());
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
