package dev.supportkit.examples.webdesk;

import static dev.supportkit.examples.webdesk.Html.esc;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.SupportServices;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleStatus;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.api.knowledge.KnowledgeHit;
import dev.supportkit.api.knowledge.KnowledgeQuery;
import dev.supportkit.api.reports.StatusSummary;
import dev.supportkit.api.request.AssigneeFilter;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineCondition;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestPage;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.RequestSort;
import dev.supportkit.api.request.RequestStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server-rendered screens: the staff desk's queues and request cards, the customer portal (its
 * organisation's requests and the registration form with the system's questionnaire), FAQ and articles, and
 * the reports page. Each screen calls the public API as the logged-in person's actor; the engine decides what
 * they may see and do.
 */
final class DeskPages {
    /** The staff queues, by URL name. */
    static final List<String> QUEUES = List.of("mine", "group", "unassigned", "at-risk", "breached", "all");
    private static final int PAGE_SIZE = 20;

    private final SupportServices engine;
    private final java.time.Clock clock;

    DeskPages(SupportServices engine, java.time.Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    void routes(RoutesConfig routes) {
        routes.get("/desk", this::queue);
        routes.get("/requests/{id}", this::card);
        routes.post("/requests/{id}/verify", this::verify);
        routes.post("/requests/{id}/{command}", this::command);
        routes.get("/portal", this::portal);
        routes.get("/portal/new", ctx -> newRequestForm(ctx, Map.of(), List.of()));
        routes.post("/portal/new", this::registerFromPortal);
        routes.get("/knowledge", this::knowledge);
        routes.get("/reports", this::reports);
        routes.get("/reports/metrics.{format}", ctx -> ReportPages.download(engine, clock, WebDesk.session(ctx), ctx));
    }

    // ---- staff queues ------------------------------------------------------------------------------------

    private void queue(Context ctx) {
        Sessions.Session session = WebDesk.session(ctx);
        Messages m = Messages.of(session.language());
        DeskUser user = session.user();
        if (user.customer()) {
            ctx.redirect("/portal");
            return;
        }
        String queue = Optional.ofNullable(ctx.queryParam("queue")).filter(QUEUES::contains).orElse("all");
        RequestQuery.Builder query = queueQuery(queue, user);
        String status = ctx.queryParam("status");
        String priority = ctx.queryParam("priority");
        try {
            if (status != null && !status.isBlank()) {
                query.status(RequestStatus.valueOf(status));
            }
            if (priority != null && !priority.isBlank()) {
                query.priority(Priority.valueOf(priority));
            }
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError(status != null && !status.isBlank()
                    && java.util.Arrays.stream(RequestStatus.values()).noneMatch(v -> v.name().equals(status))
                    ? "status" : "priority", "allowed", "not a value of the list")));
        }
        Optional.ofNullable(ctx.queryParam("after")).filter(a -> !a.isBlank()).ifPresent(query::after);
        StringBuilder body = new StringBuilder();
        body.append("<nav class=\"tabs\">");
        for (String q : QUEUES) {
            body.append("<a id=\"queue-").append(q).append("\" class=\"").append(q.equals(queue) ? "active" : "")
                    .append("\" href=\"/desk?queue=").append(q).append("\">").append(esc(m.t("queue." + q))).append("</a>");
        }
        body.append("</nav><form method=\"get\" action=\"/desk\" class=\"filters\" id=\"filters\">")
                .append("<input type=\"hidden\" name=\"queue\" value=\"").append(queue).append("\">")
                .append(select("status", m.t("field.status"), RequestStatus.values(), status, "status", m))
                .append(select("priority", m.t("field.priority"), Priority.values(), priority, "priority", m))
                .append("<button id=\"filter\">").append(esc(m.t("filter"))).append("</button></form>");
        if (queue.equals("group") && user.group().isEmpty()) {
            body.append("<p class=\"hint\">").append(esc(m.t("queue.no-group"))).append("</p>");
        } else {
            RequestPage page = engine.quality().queue(user.actor(), query.build());
            body.append(requestTable(m, page.requests(), false));
            page.nextCursor().ifPresent(cursor -> body.append("<p><a id=\"next-page\" href=\"/desk?queue=").append(queue)
                    .append("&status=").append(url(status)).append("&priority=").append(url(priority)).append("&after=")
                    .append(url(cursor)).append("\">").append(esc(m.t("next-page"))).append("</a></p>"));
        }
        ctx.html(Html.page(m, session, m.t("queue.title." + queue), body.toString()));
    }

    static RequestQuery.Builder queueQuery(String queue, DeskUser user) {
        RequestQuery.Builder query = RequestQuery.builder().open().limit(PAGE_SIZE);
        switch (queue) {
            case "mine" -> query.assignee(AssigneeFilter.mine());
            case "group" -> user.group().ifPresent(query::group);
            case "unassigned" -> query.assignee(AssigneeFilter.unassigned());
            case "at-risk" -> query.deadline(DeadlineCondition.atRisk(Duration.ofHours(1))).sort(RequestSort.DUE);
            case "breached" -> query.deadline(DeadlineCondition.breached()).sort(RequestSort.DUE);
            default -> query.sort(RequestSort.REGISTERED);
        }
        return query;
    }

    private static String requestTable(Messages m, List<Request> requests, boolean customer) {
        if (requests.isEmpty()) {
            return "<p class=\"hint\" id=\"empty\">" + esc(m.t("queue.empty")) + "</p>";
        }
        StringBuilder html = new StringBuilder("<table class=\"requests\" id=\"requests\"><thead><tr><th>")
                .append(esc(m.t("field.subject"))).append("</th><th>").append(esc(m.t("field.status"))).append("</th><th>")
                .append(esc(m.t("field.priority"))).append("</th>");
        if (!customer) {
            html.append("<th>").append(esc(m.t("field.organization"))).append("</th><th>")
                    .append(esc(m.t("field.assignee"))).append("</th><th>").append(esc(m.t("field.due"))).append("</th>");
        }
        html.append("<th>").append(esc(m.t("field.registered"))).append("</th></tr></thead><tbody>");
        for (Request r : requests) {
            html.append("<tr data-request=\"").append(esc(r.id())).append("\"><td><a class=\"request-link\" href=\"/requests/")
                    .append(url(r.id().value())).append("\">").append(esc(r.subject())).append("</a></td><td class=\"status\">")
                    .append(esc(m.name("status", r.status()))).append("</td><td>").append(esc(m.name("priority", r.priority())))
                    .append("</td>");
            if (!customer) {
                html.append("<td>").append(esc(r.organization())).append("</td><td>")
                        .append(esc(r.assignee().map(Object::toString).orElse("—"))).append("</td><td>")
                        .append(esc(r.deadlines().stream().filter(d -> d.metAt() == null && d.dueAt() != null)
                                .map(Deadline::dueAt).min(java.util.Comparator.naturalOrder())
                                .map(t -> Html.time(t, WebDesk.ZONE)).orElse("—"))).append("</td>");
            }
            html.append("<td>").append(esc(Html.time(r.registeredAt(), WebDesk.ZONE))).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    // ---- the request card --------------------------------------------------------------------------------

    private void card(Context ctx) {
        Sessions.Session session = WebDesk.session(ctx);
        Messages m = Messages.of(session.language());
        DeskUser user = session.user();
        Actor actor = user.actor();
        Request r = engine.quality().request(actor, RequestId.of(ctx.pathParam("id")));
        StringBuilder body = new StringBuilder("<section class=\"card\" id=\"request\" data-id=\"").append(esc(r.id()))
                .append("\" data-status=\"").append(r.status()).append("\" data-version=\"").append(r.version()).append("\">");
        body.append("<dl class=\"facts\">");
        fact(body, m.t("field.id"), r.id().value(), "fact-id");
        fact(body, m.t("field.status"), m.name("status", r.status()), "fact-status");
        fact(body, m.t("field.priority"), m.name("priority", r.priority()), "fact-priority");
        if (!user.customer()) {
            fact(body, m.t("field.line"), m.name("line", r.line()), "fact-line");
            fact(body, m.t("field.group"), r.group().map(Object::toString).orElse("—"), "fact-group");
            fact(body, m.t("field.assignee"), r.assignee().map(Object::toString).orElse("—"), "fact-assignee");
            fact(body, m.t("field.organization"), r.organization().value(), "fact-organization");
        }
        fact(body, m.t("field.representative"), r.representative().value(), "fact-representative");
        fact(body, m.t("field.system"), r.system().map(Object::toString).orElse("—"), "fact-system");
        fact(body, m.t("field.registered"), Html.time(r.registeredAt(), WebDesk.ZONE), "fact-registered");
        body.append("</dl><p class=\"description\" id=\"description\">").append(esc(r.description())).append("</p>");
        if (!r.intake().answers().isEmpty()) {
            body.append("<h3>").append(esc(m.t("card.answers"))).append("</h3><dl class=\"facts\" id=\"answers\">");
            r.intake().answers().forEach((k, v) -> fact(body, k, String.join(", ", v), "answer-" + k));
            body.append("</dl>");
        }
        r.resolution().ifPresent(res -> body.append("<h3>").append(esc(m.t("card.resolution"))).append("</h3><p id=\"resolution\">")
                .append(esc(res.summary())).append(" — ").append(esc(res.cause())).append("</p>"));
        body.append("</section>");

        body.append("<section class=\"card\"><h2>").append(esc(m.t("card.deadlines"))).append("</h2>");
        if (r.deadlines().isEmpty()) {
            body.append("<p class=\"hint\">—</p>");
        } else {
            body.append("<table id=\"deadlines\"><tr><th>").append(esc(m.t("field.deadline"))).append("</th><th>")
                    .append(esc(m.t("field.state"))).append("</th><th>").append(esc(m.t("field.due"))).append("</th><th>")
                    .append(esc(m.t("field.met"))).append("</th></tr>");
            for (Deadline d : r.deadlines()) {
                body.append("<tr><td>").append(esc(m.name("deadline", d.kind()))).append("</td><td>")
                        .append(esc(m.name("deadline-state", d.state()))).append("</td><td>")
                        .append(esc(Html.time(d.dueAt(), WebDesk.ZONE))).append("</td><td>")
                        .append(esc(Html.time(d.metAt(), WebDesk.ZONE))).append("</td></tr>");
            }
            body.append("</table>");
        }
        body.append("</section>");

        List<DeskCommands> offered = DeskCommands.offered(user.role(), r);
        if (!offered.isEmpty()) {
            body.append("<section class=\"card actions\" id=\"actions\"><h2>").append(esc(m.t("card.actions"))).append("</h2>");
            for (DeskCommands command : offered) {
                body.append(actionForm(m, session, r, command));
            }
            body.append("</section>");
        }

        if (!user.customer()) {
            body.append("<section class=\"card\" id=\"suggestions\"><h2>").append(esc(m.t("card.suggestions"))).append("</h2>");
            List<KnowledgeHit> hits = safely(() -> engine.knowledge().suggestionsFor(actor, r.id()));
            body.append(hits.isEmpty() ? "<p class=\"hint\">—</p>" : hitList(hits));
            body.append("</section>");
        }

        body.append("<section class=\"card\"><h2>").append(esc(m.t("card.journal"))).append("</h2>");
        if (user.role() == Role.INTAKE_LEAD || user.role() == Role.GROUP_LEAD || user.role() == Role.AUDITOR
                || user.role() == Role.ADMINISTRATOR) {
            body.append("<form method=\"post\" action=\"/requests/").append(url(r.id().value())).append("/verify\" class=\"inline\">")
                    .append(Html.csrf(session)).append("<button id=\"verify\">").append(esc(m.t("card.verify")))
                    .append("</button></form>");
        }
        body.append("<table class=\"journal\" id=\"journal\"><tr><th>#</th><th>").append(esc(m.t("field.time")))
                .append("</th><th>").append(esc(m.t("field.function"))).append("</th><th>").append(esc(m.t("field.who")))
                .append("</th>").append(user.customer() ? "" : "<th>" + esc(m.t("field.visibility")) + "</th>")
                .append("<th>").append(esc(m.t("field.what"))).append("</th></tr>");
        for (JournalEntry e : engine.journal().entries(actor, r.id())) {
            body.append("<tr><td>").append(e.sequence()).append("</td><td>").append(esc(Html.time(e.occurredAt(), WebDesk.ZONE)))
                    .append("</td><td class=\"code\" title=\"").append(esc(e.function().title())).append("\">")
                    .append(esc(e.function().code())).append("</td><td>").append(esc(e.actorName())).append("</td>")
                    .append(user.customer() ? "" : "<td>" + esc(m.name("visibility", e.visibility())) + "</td>")
                    .append("<td>").append(esc(e.description())).append("</td></tr>");
        }
        body.append("</table></section>");
        ctx.html(Html.page(m, session, r.subject(), body.toString()));
    }

    private String actionForm(Messages m, Sessions.Session session, Request r, DeskCommands command) {
        StringBuilder form = new StringBuilder("<form method=\"post\" class=\"action\" id=\"action-").append(command.path())
                .append("\" action=\"/requests/").append(url(r.id().value())).append('/').append(command.path()).append("\">")
                .append(Html.csrf(session)).append("<input type=\"hidden\" name=\"version\" value=\"").append(r.version())
                .append("\"><h3>").append(esc(m.t("command." + command.path()))).append("</h3>");
        for (String parameter : command.parameters()) {
            String label = m.t("param." + parameter);
            String id = command.path() + "-" + parameter;
            if (parameter.equals("target")) {
                StringBuilder select = new StringBuilder("<select name=\"target\" id=\"").append(id).append("\">");
                if (r.line() != SupportLine.INTAKE_LEAD) {
                    select.append("<option value=\"intake-lead\">").append(esc(m.t("target.intake-lead"))).append("</option>");
                }
                for (SupportGroup group : safely(() -> engine.directory().groups(session.user().actor()))) {
                    if (group.line() == SupportLine.SECOND_LINE) {
                        select.append("<option value=\"group:").append(esc(group.id())).append("\">")
                                .append(esc(group.name())).append("</option>");
                    }
                }
                form.append(Html.field(label, select.append("</select>").toString(), parameter, null));
            } else if (parameter.equals("priority")) {
                StringBuilder select = new StringBuilder("<select name=\"priority\" id=\"").append(id)
                        .append("\"><option value=\"\">—</option>");
                for (dev.supportkit.api.request.Priority priority : dev.supportkit.api.request.Priority.values()) {
                    select.append("<option value=\"").append(priority).append("\">")
                            .append(esc(m.name("priority", priority))).append("</option>");
                }
                form.append(Html.field(label, select.append("</select>").toString(), parameter, null));
            } else if (parameter.equals("tasks")) {
                form.append(Html.field(label, "<textarea name=\"tasks\" id=\"" + id + "\" rows=\"3\" placeholder=\""
                        + esc(m.t("param.tasks.hint")) + "\"></textarea>", parameter, null));
            } else if (parameter.equals("function")) {
                StringBuilder select = new StringBuilder("<select name=\"function\" id=\"").append(id).append("\">");
                for (dev.supportkit.api.journal.LaborFunction function : dev.supportkit.api.journal.LaborFunction.values()) {
                    select.append("<option value=\"").append(esc(function.code())).append("\">").append(esc(function.code()))
                            .append(" ").append(esc(function.title())).append("</option>");
                }
                form.append(Html.field(label, select.append("</select>").toString(), parameter, null));
            } else if (List.of("assignee", "category", "task", "minutes", "specialist", "vendor", "case")
                    .contains(parameter)) {
                form.append(Html.field(label, "<input name=\"" + parameter + "\" id=\"" + id + "\">", parameter, null));
            } else if (parameter.equals("score")) {
                form.append(Html.field(label, SurveyPages.scoreSelect(id), parameter, null));
            } else {
                form.append(Html.field(label, "<textarea name=\"" + parameter + "\" id=\"" + id + "\" rows=\"2\"></textarea>",
                        parameter, null));
            }
        }
        return form.append("<button id=\"do-").append(command.path()).append("\">").append(esc(m.t("command." + command.path())))
                .append("</button></form>").toString();
    }

    private void command(Context ctx) {
        Sessions.Session session = WebDesk.session(ctx);
        Messages m = Messages.of(session.language());
        DeskCommands command = DeskCommands.byPath(ctx.pathParam("command"));
        RequestId id = RequestId.of(ctx.pathParam("id"));
        long version;
        try {
            version = Long.parseLong(Optional.ofNullable(ctx.formParam("version")).orElse(""));
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(new FieldError("version", "required", "the version of the request seen")));
        }
        try {
            command.run(engine, session.user().actor(), new RequestRef(id, version), ctx::formParam);
            session.flash(m.t("done." + command.path()));
        } catch (ValidationException e) {
            session.flash(m.t("failed", e.errors().stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse("")));
        } catch (dev.supportkit.api.error.ConcurrencyConflictException e) {
            session.flash(m.t("conflict"));
        } catch (dev.supportkit.api.error.InvalidTransitionException | dev.supportkit.api.error.AccessDeniedException e) {
            session.flash(m.t("failed", e.getMessage()));
        }
        ctx.redirect("/requests/" + url(id.value()), HttpStatus.SEE_OTHER);
    }

    private void verify(Context ctx) {
        Sessions.Session session = WebDesk.session(ctx);
        Messages m = Messages.of(session.language());
        RequestId id = RequestId.of(ctx.pathParam("id"));
        ChainVerification v = engine.journal().verify(session.user().actor(), id);
        session.flash(v.intact() ? m.t("verify.intact", v.entriesChecked())
                : m.t("verify.broken", v.brokenAt().map(String::valueOf).orElse("?"), v.problem().orElse("")));
        ctx.redirect("/requests/" + url(id.value()), HttpStatus.SEE_OTHER);
    }

    // ---- the customer portal -----------------------------------------------------------------------------

    private void portal(Context ctx) {
        Sessions.Session session = WebDesk.session(ctx);
        Messages m = Messages.of(session.language());
        DeskUser user = session.user();
        RequestQuery.Builder query = RequestQuery.builder().sort(RequestSort.NEWEST_FIRST).limit(PAGE_SIZE);
        Optional.ofNullable(ctx.queryParam("after")).filter(a -> !a.isBlank()).ifPresent(query::after);
        RequestPage page = engine.quality().queue(user.actor(), query.build());
        StringBuilder body = new StringBuilder("<p><a class=\"button\" id=\"new-request\" href=\"/portal/new\">")
                .append(esc(m.t("menu.new-request"))).append("</a></p>").append(requestTable(m, page.requests(), true));
        page.nextCursor().ifPresent(c -> body.append("<p><a id=\"next-page\" href=\"/portal?after=").append(url(c))
                .append("\">").append(esc(m.t("next-page"))).append("</a></p>"));
        ctx.html(Html.page(m, session, m.t("portal.title"), body.toString()));
    }

    private void newRequestForm(Context ctx, Map<String, String> values, List<FieldError> errors) {
        Sessions.Session session = WebDesk.session(ctx);
        Messages m = Messages.of(session.language());
        DeskUser user = session.user();
        if (!user.customer()) {
            ctx.redirect("/desk");
            return;
        }
        Actor actor = user.actor();
        List<SupportedSystem> systems = engine.directory().systems(actor, user.organization().orElseThrow());
        String systemValue = Optional.ofNullable(values.get("system")).orElse(Optional.ofNullable(ctx.queryParam("system")).orElse(""));
        Optional<Questionnaire> questionnaire = systemValue.isBlank() ? Optional.empty()
                : engine.intake().questionnaireFor(actor, Optional.of(SystemId.of(systemValue)), Optional.empty());
        List<FieldError> unmatched = new ArrayList<>(errors);
        StringBuilder body = new StringBuilder();
        // the system is chosen first (a GET form), so that its questionnaire can be shown
        body.append("<form method=\"get\" action=\"/portal/new\" class=\"card\" id=\"system-form\">");
        StringBuilder select = new StringBuilder("<select name=\"system\" id=\"system\" onchange=\"this.form.submit()\">")
                .append("<option value=\"\">").append(esc(m.t("portal.no-system"))).append("</option>");
        for (SupportedSystem system : systems) {
            select.append("<option value=\"").append(esc(system.id())).append('"')
                    .append(system.id().value().equals(systemValue) ? " selected" : "").append('>')
                    .append(esc(system.name() + " (" + system.model() + ")")).append("</option>");
        }
        body.append(Html.field(m.t("field.system"), select.append("</select>").toString(), "system",
                        error(unmatched, "system")))
                .append("<noscript><button>").append(esc(m.t("portal.choose-system"))).append("</button></noscript></form>");

        body.append("<form method=\"post\" action=\"/portal/new\" class=\"card\" id=\"new-request-form\" novalidate>")
                .append(Html.csrf(session)).append("<input type=\"hidden\" name=\"system\" value=\"").append(esc(systemValue)).append("\">");
        body.append(Html.field(m.t("field.subject"), "<input name=\"subject\" id=\"subject\" maxlength=\"400\" value=\""
                + esc(values.getOrDefault("subject", "")) + "\">", "subject", error(unmatched, "subject")));
        body.append(Html.field(m.t("field.text"), "<textarea name=\"text\" id=\"text\" rows=\"5\">"
                + esc(values.getOrDefault("text", "")) + "</textarea>", "text", error(unmatched, "text", "description")));
        questionnaire.ifPresent(q -> {
            body.append("<fieldset id=\"questionnaire\" data-id=\"").append(esc(q.id())).append("\"><legend>")
                    .append(esc(q.title())).append("</legend><input type=\"hidden\" name=\"questionnaire\" value=\"")
                    .append(esc(q.id())).append("\">");
            for (Question question : q.questions()) {
                String name = "answer." + question.key();
                String value = values.getOrDefault(name, "");
                String input;
                if (!question.options().isEmpty()) {
                    StringBuilder s = new StringBuilder("<select name=\"" + esc(name) + "\" id=\"" + esc(name) + "\"><option value=\"\">—</option>");
                    for (String option : question.options()) {
                        s.append("<option").append(option.equals(value) ? " selected" : "").append('>').append(esc(option)).append("</option>");
                    }
                    input = s.append("</select>").toString();
                } else {
                    input = "<input name=\"" + esc(name) + "\" id=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
                }
                body.append(Html.field(question.text() + (question.required() ? " *" : ""), input, name,
                        error(unmatched, question.key())));
            }
            body.append("</fieldset>");
        });
        if (!unmatched.isEmpty()) {
            body.append("<ul class=\"error\" id=\"form-errors\">");
            unmatched.forEach(e -> body.append("<li>").append(esc(e.toString())).append("</li>"));
            body.append("</ul>");
        }
        body.append("<button id=\"register\">").append(esc(m.t("portal.register"))).append("</button></form>");
        if (!errors.isEmpty()) {
            ctx.status(422);
        }
        ctx.html(Html.page(m, session, m.t("menu.new-request"), body.toString()));
    }

    private void registerFromPortal(Context ctx) {
        Sessions.Session session = WebDesk.session(ctx);
        DeskUser user = session.user();
        Map<String, String> values = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        String system = values.getOrDefault("system", "");
        ContactDraft.Builder draft = ContactDraft.builder().organization(user.organization().orElseThrow())
                .representative(RepresentativeId.of(user.login())).channel(Channel.WEB_FORM).newRequest(true)
                .subject(values.getOrDefault("subject", "").strip()).text(values.getOrDefault("text", "").strip());
        List<FieldError> problems = new ArrayList<>();
        if (!system.isBlank()) {
            try {
                draft.system(SystemId.of(system));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("system", "allowed", e.getMessage()));
            }
        }
        String questionnaire = values.getOrDefault("questionnaire", "");
        if (!questionnaire.isBlank()) {
            draft.questionnaire(dev.supportkit.api.intake.QuestionnaireId.of(questionnaire));
            values.forEach((k, v) -> {
                if (k.startsWith("answer.") && !v.isBlank()) {
                    draft.answer(k.substring("answer.".length()), v);
                }
            });
        }
        try {
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Request request = engine.intake().registerContact(user.actor(), draft.build());
            session.flash(Messages.of(session.language()).t("portal.registered", request.id()));
            ctx.redirect("/requests/" + url(request.id().value()), HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            newRequestForm(ctx, values, e.errors());
        }
    }

    /** The message of the errors about a form field (removed from the list), or null. */
    private static String error(List<FieldError> errors, String... names) {
        List<String> messages = new ArrayList<>();
        errors.removeIf(e -> {
            for (String name : names) {
                String f = e.field();
                if (f.equals(name) || f.endsWith("." + name) || f.contains("[" + name + "]") || f.endsWith("." + name + "]")
                        || f.contains("." + name + ".") || f.endsWith("['" + name + "']")) {
                    messages.add(e.message() + " (" + e.rule() + ")");
                    return true;
                }
            }
            return false;
        });
        return messages.isEmpty() ? null : String.join("; ", messages);
    }

    // ---- knowledge and reports ---------------------------------------------------------------------------

    private void knowledge(Context ctx) {
        Sessions.Session session = WebDesk.session(ctx);
        Messages m = Messages.of(session.language());
        Actor actor = session.user().actor();
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        StringBuilder body = new StringBuilder("<form method=\"get\" action=\"/knowledge\" class=\"filters\">")
                .append("<input name=\"q\" id=\"q\" value=\"").append(esc(q)).append("\"><button id=\"search\">")
                .append(esc(m.t("knowledge.search"))).append("</button></form>");
        if (!q.isEmpty()) {
            List<KnowledgeHit> hits = engine.knowledge().search(actor, KnowledgeQuery.of(q));
            body.append("<h2>").append(esc(m.t("knowledge.results"))).append("</h2>")
                    .append(hits.isEmpty() ? "<p class=\"hint\" id=\"no-hits\">—</p>" : hitList(hits));
        }
        body.append("<h2>").append(esc(m.t("knowledge.faq"))).append("</h2><dl class=\"faq\" id=\"faq\">");
        for (FaqEntry entry : engine.knowledge().faq(actor, Optional.empty())) {
            body.append("<dt>").append(esc(entry.question())).append("</dt><dd>").append(esc(entry.answer())).append("</dd>");
        }
        body.append("</dl><h2>").append(esc(m.t("knowledge.articles"))).append("</h2>");
        List<Article> articles = safely(() -> engine.knowledge().articles(actor, Optional.of(ArticleStatus.PUBLISHED)));
        if (articles.isEmpty()) {
            body.append("<p class=\"hint\">—</p>");
        }
        for (Article article : articles) {
            body.append("<article class=\"card\"><h3>").append(esc(article.problem())).append("</h3><p>")
                    .append(esc(article.symptoms())).append("</p><ol>");
            article.steps().forEach(s -> body.append("<li>").append(esc(s)).append("</li>"));
            body.append("</ol></article>");
        }
        ctx.html(Html.page(m, session, m.t("menu.knowledge"), body.toString()));
    }

    private void reports(Context ctx) {
        Sessions.Session session = WebDesk.session(ctx);
        Messages m = Messages.of(session.language());
        StatusSummary summary = engine.reports().statusSummary(session.user().actor());
        StringBuilder body = new StringBuilder("<p class=\"hint\">").append(esc(m.t("reports.as-of",
                Html.time(summary.asOf(), WebDesk.ZONE)))).append("</p><table id=\"status-summary\"><tr><th>")
                .append(esc(m.t("field.status"))).append("</th><th>").append(esc(m.t("reports.count"))).append("</th></tr>");
        for (RequestStatus status : RequestStatus.values()) {
            body.append("<tr data-status=\"").append(status).append("\"><td>").append(esc(m.name("status", status)))
                    .append("</td><td class=\"count\">").append(summary.counts().get(status)).append("</td></tr>");
        }
        body.append("<tr><th>").append(esc(m.t("reports.total"))).append("</th><th id=\"total\">").append(summary.total())
                .append("</th></tr></table>");
        body.append(ReportPages.metricsSection(engine, clock, session, m));
        ctx.html(Html.page(m, session, m.t("menu.reports"), body.toString()));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String hitList(List<KnowledgeHit> hits) {
        StringBuilder html = new StringBuilder("<ul class=\"hits\">");
        for (KnowledgeHit hit : hits) {
            html.append("<li data-kind=\"").append(hit.ref().kind()).append("\" data-id=\"").append(esc(hit.ref().id()))
                    .append("\"><strong>").append(esc(hit.title())).append("</strong> — ").append(esc(hit.summary())).append("</li>");
        }
        return html.append("</ul>").toString();
    }

    private static void fact(StringBuilder html, String label, String value, String id) {
        html.append("<dt>").append(esc(label)).append("</dt><dd id=\"").append(esc(id)).append("\">").append(esc(value)).append("</dd>");
    }

    private static <E extends Enum<E>> String select(String name, String label, E[] values, String selected, String prefix,
                                                     Messages m) {
        StringBuilder html = new StringBuilder("<label class=\"field\"><span>").append(esc(label)).append("</span><select name=\"")
                .append(name).append("\" id=\"filter-").append(name).append("\"><option value=\"\">").append(esc(m.t("any")))
                .append("</option>");
        for (E value : values) {
            html.append("<option value=\"").append(value.name()).append('"').append(value.name().equals(selected) ? " selected" : "")
                    .append('>').append(esc(m.name(prefix, value))).append("</option>");
        }
        return html.append("</select></label>").toString();
    }

    /** A read that a role may be refused: an empty list then, the rest of the page still shows. */
    private static <T> List<T> safely(java.util.function.Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (SupportException e) {
            return List.of();
        }
    }

    static String url(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
