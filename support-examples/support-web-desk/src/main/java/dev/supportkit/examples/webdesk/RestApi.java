package dev.supportkit.examples.webdesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.api.Actor;
import dev.supportkit.api.SupportServices;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.knowledge.KnowledgeQuery;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.RequestStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API under {@code /api/v1}, described by {@code /openapi.yaml}. A client logs in with
 * {@code POST /api/v1/session}, keeps the session cookie, and sends the CSRF token it got back as
 * {@code X-CSRF-Token} with every state-changing call. Commands on a request take the version the client
 * read as {@code If-Match} (the {@code ETag} of the request); a stale one answers 409, a missing one 428.
 */
final class RestApi {
    private final SupportServices engine;
    private final UsersFile users;
    private final Sessions sessions;
    private final ObjectMapper json;

    RestApi(SupportServices engine, UsersFile users, Sessions sessions, ObjectMapper json) {
        this.engine = engine;
        this.users = users;
        this.sessions = sessions;
        this.json = json;
    }

    void routes(RoutesConfig routes) {
        routes.post("/api/v1/session", this::login);
        routes.delete("/api/v1/session", ctx -> {
            sessions.close(WebDesk.session(ctx));
            ctx.res().addHeader("Set-Cookie", sessions.expiredCookie());
            ctx.status(204);
        });
        routes.get("/api/v1/requests", this::queue);
        routes.post("/api/v1/requests", this::register);
        routes.get("/api/v1/requests/{id}", ctx -> {
            Request r = engine.quality().request(actor(ctx), RequestId.of(ctx.pathParam("id")));
            ctx.header("ETag", "\"" + r.version() + "\"");
            send(ctx, 200, ApiJson.request(r));
        });
        routes.post("/api/v1/requests/{id}/commands/{command}", this::command);
        routes.get("/api/v1/requests/{id}/journal", ctx -> send(ctx, 200, Map.of("entries", engine.journal()
                .entries(actor(ctx), RequestId.of(ctx.pathParam("id"))).stream().map(ApiJson::entry).toList())));
        routes.get("/api/v1/requests/{id}/journal/verification", ctx -> send(ctx, 200, ApiJson.verification(
                engine.journal().verify(actor(ctx), RequestId.of(ctx.pathParam("id"))))));
        routes.get("/api/v1/requests/{id}/deadlines", ctx -> send(ctx, 200, Map.of("deadlines", engine.quality()
                .request(actor(ctx), RequestId.of(ctx.pathParam("id"))).deadlines().stream().map(ApiJson::deadline).toList())));
        routes.get("/api/v1/requests/{id}/suggestions", ctx -> send(ctx, 200, Map.of("hits", engine.knowledge()
                .suggestionsFor(actor(ctx), RequestId.of(ctx.pathParam("id"))).stream().map(ApiJson::hit).toList())));
        routes.get("/api/v1/knowledge/search", ctx -> {
            String q = ctx.queryParam("q");
            if (q == null || q.isBlank()) {
                throw new ValidationException(List.of(new FieldError("q", "required", "the words to search for")));
            }
            send(ctx, 200, Map.of("hits", engine.knowledge().search(actor(ctx), KnowledgeQuery.of(q)).stream()
                    .map(ApiJson::hit).toList()));
        });
        routes.get("/api/v1/knowledge/faq", ctx -> send(ctx, 200, Map.of("entries", engine.knowledge()
                .faq(actor(ctx), Optional.empty()).stream().map(ApiJson::faq).toList())));
        routes.get("/api/v1/reports/status-summary", ctx -> send(ctx, 200,
                ApiJson.summary(engine.reports().statusSummary(actor(ctx)))));
    }

    private void login(Context ctx) {
        JsonNode body = body(ctx);
        Optional<DeskUser> user = users.authenticate(body.path("login").asText(""), body.path("password").asText(""));
        if (user.isEmpty()) {
            send(ctx, 401, ApiJson.problem(401, "Unauthenticated", "wrong login or password", List.of()));
            return;
        }
        Sessions.Session session = sessions.open(user.get());
        ctx.res().addHeader("Set-Cookie", sessions.cookie(session));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("login", user.get().login());
        out.put("name", user.get().name());
        out.put("role", user.get().role().name());
        out.put("organization", user.get().organization().map(OrganizationId::value).orElse(null));
        out.put("csrfToken", session.csrfToken());
        send(ctx, 200, out);
    }

    private void queue(Context ctx) {
        Sessions.Session session = WebDesk.session(ctx);
        String queue = Optional.ofNullable(ctx.queryParam("queue")).orElse("all");
        List<FieldError> problems = new ArrayList<>();
        if (!DeskPages.QUEUES.contains(queue)) {
            problems.add(new FieldError("queue", "allowed", "one of " + DeskPages.QUEUES));
        }
        RequestQuery.Builder query = DeskPages.queueQuery(problems.isEmpty() ? queue : "all", session.user());
        if (session.user().customer()) {
            query = RequestQuery.builder().limit(20);
        }
        String status = ctx.queryParam("status");
        if (status != null) {
            try {
                query.status(RequestStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("status", "allowed", "one of " + List.of(RequestStatus.values())));
            }
        }
        String priority = ctx.queryParam("priority");
        if (priority != null) {
            try {
                query.priority(Priority.valueOf(priority));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("priority", "allowed", "one of " + List.of(Priority.values())));
            }
        }
        String limit = ctx.queryParam("limit");
        if (limit != null) {
            try {
                query.limit(Integer.parseInt(limit));
            } catch (NumberFormatException e) {
                problems.add(new FieldError("limit", "integer", "a whole number from 1 to 1000"));
            }
        }
        Optional.ofNullable(ctx.queryParam("cursor")).ifPresent(query::after);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        send(ctx, 200, ApiJson.page(engine.quality().queue(session.user().actor(), query.build())));
    }

    private void register(Context ctx) {
        Sessions.Session session = WebDesk.session(ctx);
        DeskUser user = session.user();
        JsonNode body = body(ctx);
        List<FieldError> problems = new ArrayList<>();
        ContactDraft.Builder draft = ContactDraft.builder().newRequest(body.path("newRequest").asBoolean(true))
                .subject(text(body, "subject")).text(text(body, "text"))
                .channel(user.customer() ? Channel.WEB_FORM : channel(body, problems));
        String organization = user.customer() ? user.organization().orElseThrow().value() : text(body, "organization");
        String representative = user.customer() ? user.login() : text(body, "representative");
        id(problems, "organization", organization, OrganizationId::of).ifPresent(draft::organization);
        id(problems, "representative", representative, RepresentativeId::of).ifPresent(draft::representative);
        if (body.hasNonNull("system")) {
            id(problems, "system", text(body, "system"), SystemId::of).ifPresent(draft::system);
        }
        if (body.hasNonNull("priority")) {
            try {
                draft.priority(Priority.valueOf(text(body, "priority")));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("priority", "allowed", "one of " + List.of(Priority.values())));
            }
        }
        if (body.hasNonNull("questionnaire")) {
            id(problems, "questionnaire", text(body, "questionnaire"), QuestionnaireId::of).ifPresent(draft::questionnaire);
        }
        JsonNode answers = body.path("answers");
        for (Map.Entry<String, JsonNode> answer : answers.properties()) {
            List<String> values = new ArrayList<>();
            if (answer.getValue().isArray()) {
                answer.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(answer.getValue().asText());
            }
            draft.answer(answer.getKey(), values.toArray(String[]::new));
        }
        if (!problems.isEmpty()) {
            // report the draft's own problems too (every field error at once), without registering anything
            try {
                draft.build();
            } catch (ValidationException e) {
                problems.addAll(e.errors());
            }
            throw new ValidationException(problems);
        }
        Request r = engine.intake().registerContact(user.actor(), draft.build());
        ctx.header("ETag", "\"" + r.version() + "\"");
        ctx.header("Location", "/api/v1/requests/" + DeskPages.url(r.id().value()));
        send(ctx, 201, ApiJson.request(r));
    }

    private void command(Context ctx) {
        Actor actor = actor(ctx);
        DeskCommands command = DeskCommands.byPath(ctx.pathParam("command"));
        RequestId id = RequestId.of(ctx.pathParam("id"));
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            // read first, so that a request the caller may not see is a 404 before anything else
            engine.quality().request(actor, id);
            send(ctx, 428, ApiJson.problem(428, "Precondition required",
                    "send the version you read (the ETag) as If-Match", List.of()));
            return;
        }
        long version;
        try {
            version = Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(new FieldError("If-Match", "version", "the ETag of the request, e.g. \"3\"")));
        }
        JsonNode body = ctx.body().isBlank() ? json.createObjectNode() : body(ctx);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : command.parameters()) {
            if (body.hasNonNull(name)) {
                parameters.put(name, body.get(name).asText());
            }
        }
        Request r = command.run(engine, actor, new RequestRef(id, version), DeskCommands.lookup(parameters));
        ctx.header("ETag", "\"" + r.version() + "\"");
        send(ctx, 200, ApiJson.request(r));
    }

    private static Actor actor(Context ctx) {
        return WebDesk.session(ctx).user().actor();
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new ValidationException(List.of(new FieldError("body", "json", "a JSON object")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ValidationException(List.of(new FieldError("body", "json", "a JSON object")));
        }
    }

    private void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(status >= 400 ? "application/problem+json" : "application/json")
                    .result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Channel channel(JsonNode body, List<FieldError> problems) {
        String text = text(body, "channel");
        if (text == null) {
            return Channel.PHONE;
        }
        try {
            return Channel.of(text);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError("channel", "allowed", e.getMessage()));
            return Channel.PHONE;
        }
    }

    private static <T> Optional<T> id(List<FieldError> problems, String field, String value,
                                      java.util.function.Function<String, T> of) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(field, "required", "must be given"));
            return Optional.empty();
        }
        try {
            return Optional.of(of.apply(value));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError(field, "format", e.getMessage()));
            return Optional.empty();
        }
    }
}
