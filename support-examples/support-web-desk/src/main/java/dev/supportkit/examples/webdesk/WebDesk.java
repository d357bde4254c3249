package dev.supportkit.examples.webdesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.core.SupportEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web desk: starts SupportKit on the embedded H2 default (or the database the engine's configuration
 * names), fills the demo data on the first start, and serves the staff desk, the customer portal and the
 * REST API with Javalin (Jetty 12). {@code ./mvnw -q -pl support-examples/support-web-desk -am package
 * -DskipTests exec:java} runs it and prints the address.
 */
public final class WebDesk implements AutoCloseable {
    /** The zone the pages show times in. */
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final String SESSION = "desk.session";
    private static final Logger LOG = LoggerFactory.getLogger(WebDesk.class);

    private final SupportEngine engine;
    private final Javalin app;
    private final UsersFile users;
    private final Sessions sessions;
    private final ObjectMapper json = new ObjectMapper();
    private final String host;

    private WebDesk(DeskSettings settings) {
        this.host = settings.host();
        this.users = settings.usersFile().map(UsersFile::read).orElseGet(UsersFile::demo);
        SupportEngine.Builder builder = SupportEngine.builder()
                .set("supportkit.storage.provider", "jdbc")
                .set("supportkit.providers.jdbc.data-directory", settings.dataDirectory().toString())
                .set("supportkit.providers.lucene.directory", settings.dataDirectory().resolve("search").toString())
                .set("supportkit.sla.default-policy", "desk")
                .set("supportkit.sla.policies.desk.calendar", "24x7")
                .set("supportkit.sla.policies.desk.warn-at", "0.75")
                .set("supportkit.sla.policies.desk.low.first-response", "4h")
                .set("supportkit.sla.policies.desk.low.resolution", "24h")
                .set("supportkit.sla.policies.desk.normal.first-response", "1h")
                .set("supportkit.sla.policies.desk.normal.resolution", "8h")
                .set("supportkit.sla.policies.desk.high.first-response", "30m")
                .set("supportkit.sla.policies.desk.high.resolution", "4h")
                .set("supportkit.sla.policies.desk.critical.first-response", "15m")
                .set("supportkit.sla.policies.desk.critical.resolution", "2h")
                // satisfaction surveys: every closed request, a link to this desk's public survey page
                .set("supportkit.quality.surveys.enabled", "true")
                .set("supportkit.quality.surveys.once-per-days", "0")
                .set("supportkit.quality.surveys.link", "http://" + settings.host() + ":" + settings.port()
                        + "/survey/{token}")
                .set("supportkit.quality.surveys.token-key", SurveyKey.readOrCreate(settings.dataDirectory()));
        settings.engineConfig().ifPresent(builder::configFile);
        this.engine = builder.build();
        try {
            if (settings.seedDemoData()) {
                List<DeskUser> all = users.all();
                if (DemoData.seedIfEmpty(engine, all.get(0).tenant())) {
                    LOG.info("First start: demo customers, staff, FAQ and requests written");
                }
            }
            Clock wallClock = Clock.systemUTC(); // the one place the system clock is chosen: session expiry
            this.sessions = new Sessions(wallClock, settings.secureCookies());
            DeskPages pages = new DeskPages(engine, engine.clock());
            RestApi api = new RestApi(engine, users, sessions, json);
            this.app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.http.defaultContentType = "text/html; charset=utf-8";
                config.routes.before(this::authenticate);
                config.routes.get("/static/desk.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                        .result(resource("/webdesk/desk.css")));
                config.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8")
                        .result(resource("/webdesk/openapi.yaml")));
                config.routes.get("/login", ctx -> ctx.html(loginPage(Messages.of(language(ctx)), null, "")));
                config.routes.post("/login", this::login);
                config.routes.post("/logout", this::logout);
                config.routes.post("/language", this::switchLanguage);
                config.routes.get("/", ctx -> ctx.redirect(session(ctx).user().customer() ? "/portal" : "/desk"));
                pages.routes(config.routes);
                new SurveyPages(engine).routes(config.routes);
                api.routes(config.routes);
                config.routes.exception(Unauthenticated.class, (e, ctx) -> {
                    if (api(ctx)) {
                        problem(ctx, 401, "Unauthenticated", "log in with POST /api/v1/session", List.of());
                    } else {
                        ctx.redirect("/login", HttpStatus.SEE_OTHER);
                    }
                });
                config.routes.exception(CsrfRejected.class, (e, ctx) -> failure(ctx, 403, "Forbidden",
                        "missing or wrong CSRF token"));
                config.routes.exception(ValidationException.class, (e, ctx) -> {
                    if (api(ctx)) {
                        problem(ctx, 422, "Unprocessable content", e.getMessage(), e.errors());
                    } else {
                        failure(ctx, 422, "Unprocessable content", e.getMessage());
                    }
                });
                config.routes.exception(SupportException.class, (e, ctx) -> {
                    int status = status(e);
                    if (status >= 500) {
                        LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
                    }
                    failure(ctx, status, HttpStatus.forStatus(status).getMessage(), e.getMessage());
                });
                config.routes.exception(Exception.class, (e, ctx) -> {
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    failure(ctx, 500, "Internal server error", "the desk failed; see its log");
                });
            }).start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * Starts the desk.
     *
     * @param settings the settings
     * @return the running desk
     */
    public static WebDesk start(DeskSettings settings) {
        return new WebDesk(settings);
    }

    /**
     * Starts the desk from the environment and prints its address.
     *
     * @param args none
     */
    public static void main(String[] args) {
        WebDesk desk = start(DeskSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(desk::close, "web-desk-stop"));
        System.out.println("SupportKit web desk: " + desk.address() + "  (demo logins in the README; Ctrl+C stops)");
    }

    /**
     * The address the desk answers on.
     *
     * @return e.g. {@code http://127.0.0.1:7070}
     */
    public String address() {
        return "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + app.port();
    }

    /**
     * The port the desk listens on.
     *
     * @return the port
     */
    public int port() {
        return app.port();
    }

    /**
     * The engine behind the desk.
     *
     * @return the engine
     */
    public SupportEngine engine() {
        return engine;
    }

    /** Stops the server, then the engine. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            engine.close();
        }
    }

    /** The session of an authenticated request. */
    static Sessions.Session session(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new Unauthenticated();
        }
        return session;
    }

    static boolean api(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    private void authenticate(Context ctx) {
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION, s));
        String path = ctx.path();
        boolean open = path.equals("/login") || path.startsWith("/static/") || path.equals("/openapi.yaml")
                || path.equals("/api/v1/session") && ctx.method() == HandlerType.POST
                || path.startsWith("/survey/"); // the signed one-use token is the permission (SurveyPages)
        if (open) {
            return;
        }
        if (session.isEmpty()) {
            throw new Unauthenticated();
        }
        HandlerType method = ctx.method();
        if (method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH
                || method == HandlerType.DELETE) {
            String sent = api(ctx) ? ctx.header("X-CSRF-Token") : ctx.formParam("_csrf");
            if (!session.get().csrfMatches(sent)) {
                throw new CsrfRejected();
            }
        }
    }

    private void login(Context ctx) {
        String login = Optional.ofNullable(ctx.formParam("login")).orElse("").strip();
        Optional<DeskUser> user = users.authenticate(login, ctx.formParam("password"));
        if (user.isEmpty()) {
            Messages m = Messages.of(language(ctx));
            ctx.status(401).html(loginPage(m, m.t("login.failed"), login));
            return;
        }
        Sessions.Session session = sessions.open(user.get());
        ctx.res().addHeader("Set-Cookie", sessions.cookie(session));
        ctx.redirect(user.get().customer() ? "/portal" : "/desk", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        sessions.close(session(ctx));
        ctx.res().addHeader("Set-Cookie", sessions.expiredCookie());
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void switchLanguage(Context ctx) {
        Sessions.Session session = session(ctx);
        session.language(Locale.forLanguageTag("ru".equals(ctx.formParam("language")) ? "ru" : "en"));
        String back = ctx.header("Referer");
        ctx.redirect(back != null && back.contains("://") ? java.net.URI.create(back).getRawPath()
                + Optional.ofNullable(java.net.URI.create(back).getRawQuery()).map(q -> "?" + q).orElse("") : "/",
                HttpStatus.SEE_OTHER);
    }

    static Locale language(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION);
        if (session != null) {
            return session.language();
        }
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.startsWith("ru") ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    }

    private static String loginPage(Messages m, String error, String login) {
        String body = "<form method=\"post\" action=\"/login\" class=\"card narrow\" id=\"login-form\">"
                + (error == null ? "" : "<p class=\"error\" id=\"login-error\">" + Html.esc(error) + "</p>")
                + Html.field(m.t("login.login"), "<input name=\"login\" id=\"login\" autocomplete=\"username\" value=\""
                + Html.esc(login) + "\" required>", "login", null)
                + Html.field(m.t("login.password"), "<input type=\"password\" name=\"password\" id=\"password\" "
                + "autocomplete=\"current-password\" required>", "password", null)
                + "<button id=\"login-submit\">" + Html.esc(m.t("login.submit")) + "</button>"
                + "<p class=\"hint\">" + Html.esc(m.t("login.hint")) + "</p></form>";
        return Html.page(m, null, m.t("login.title"), body);
    }

    private void failure(Context ctx, int status, String title, String detail) {
        if (api(ctx)) {
            problem(ctx, status, title, detail, List.of());
            return;
        }
        Sessions.Session session = ctx.attribute(SESSION);
        Messages m = Messages.of(language(ctx));
        ctx.status(status).html(Html.page(m, session, m.t("error.title", status),
                "<p class=\"error\" id=\"error-page\" data-status=\"" + status + "\">" + Html.esc(detail) + "</p>"));
    }

    private void problem(Context ctx, int status, String title, String detail,
                         List<dev.supportkit.api.error.FieldError> errors) {
        try {
            ctx.status(status).contentType("application/problem+json")
                    .result(json.writeValueAsString(ApiJson.problem(status, title, detail, errors)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int status(SupportException e) {
        if (e instanceof ValidationException) {
            return 422;
        } else if (e instanceof NotFoundException) {
            return 404;
        } else if (e instanceof AccessDeniedException) {
            return 403;
        } else if (e instanceof ConcurrencyConflictException || e instanceof InvalidTransitionException) {
            return 409;
        } else if (e instanceof ProviderException) {
            return 503;
        }
        return 400;
    }

    static String resource(String name) {
        try (InputStream in = WebDesk.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No live session: the login page, or 401 for the API. */
    static final class Unauthenticated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthenticated() {
            super("not logged in", null, false, false);
        }
    }

    /** A state-changing call without the session's CSRF token: 403. */
    static final class CsrfRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CsrfRejected() {
            super("missing or wrong CSRF token", null, false, false);
        }
    }
}
