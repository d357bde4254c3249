package dev.supportkit.examples.webdesk;

import static dev.supportkit.examples.webdesk.Html.esc;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.quality.SurveyAnswer;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.SupportEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/**
 * The satisfaction survey's public page, {@code /survey/{token}}: the link the engine's survey message carries
 * ({@code supportkit.quality.surveys.link}). It needs no login: the signed one-use token is the permission, so the
 * form carries no CSRF token either (an attacker who could forge the form would need the token itself). The engine
 * checks the token, the score and that the survey is still open; a used, expired or forged token is refused with
 * its reason. A logged-in customer answers on the request's card instead ({@link DeskCommands#SURVEY}).
 */
final class SurveyPages {
    private final SupportEngine engine;

    SurveyPages(SupportEngine engine) {
        this.engine = engine;
    }

    void routes(RoutesConfig routes) {
        routes.get("/survey/{token}", ctx -> ctx.html(form(ctx, null)));
        routes.post("/survey/{token}", this::answer);
    }

    private void answer(Context ctx) {
        Messages m = Messages.of(WebDesk.language(ctx));
        try {
            Request answered = engine.quality().answerSurvey(ctx.pathParam("token"), new SurveyAnswer(
                    DeskCommands.score(ctx.formParam("score")), blankToNull(ctx.formParam("comment"))));
            ctx.html(Html.page(m, null, m.t("survey.title"), "<p class=\"card narrow\" id=\"survey-thanks\" data-id=\""
                    + esc(answered.id().value()) + "\">" + esc(m.t("survey.thanks")) + "</p>"));
        } catch (ValidationException e) {
            ctx.status(422).html(form(ctx, e));
        }
    }

    private String form(Context ctx, ValidationException error) {
        Messages m = Messages.of(WebDesk.language(ctx));
        String token = ctx.pathParam("token");
        StringBuilder body = new StringBuilder("<form method=\"post\" class=\"card narrow\" id=\"survey-form\" action=\"/survey/")
                .append(esc(DeskPages.url(token))).append("\"><h2>").append(esc(m.t("survey.title"))).append("</h2>");
        if (error != null) {
            body.append("<p class=\"error\" id=\"survey-error\">").append(esc(m.t("survey.invalid", error.errors().stream()
                    .map(FieldError::toString).collect(Collectors.joining("; "))))).append("</p>");
        }
        body.append(Html.field(m.t("param.score"), scoreSelect("survey-score"), "score", null))
                .append(Html.field(m.t("param.comment"), "<textarea name=\"comment\" id=\"survey-comment\" rows=\"3\">"
                        + "</textarea>", "comment", null))
                .append("<button id=\"survey-submit\">").append(esc(m.t("command.survey"))).append("</button></form>");
        return Html.page(m, null, m.t("survey.title"), body.toString());
    }

    /** A select of the scores 5 (best) down to 1. */
    static String scoreSelect(String id) {
        StringBuilder select = new StringBuilder("<select name=\"score\" id=\"").append(id).append("\">");
        for (int score = 5; score >= 1; score--) {
            select.append("<option value=\"").append(score).append("\">").append(score).append("</option>");
        }
        return select.append("</select>").toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
