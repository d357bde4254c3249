package dev.supportkit.examples.webdesk;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The small template helper of the server-rendered pages: escaping, the page frame with its menu, and form
 * fields that show their own error. No JavaScript framework, no CDN: one stylesheet served by the desk.
 */
public final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private Html() {
    }

    /**
     * Escapes text for HTML content and attribute values.
     *
     * @param text the text, may be null
     * @return the escaped text
     */
    public static String esc(Object text) {
        if (text == null) {
            return "";
        }
        String s = text.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A time in the desk's zone.
     *
     * @param instant the time, may be null
     * @param zone    the zone
     * @return the text
     */
    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.withZone(zone).format(instant);
    }

    /**
     * The whole page: head, menu for the session's user, the flash message and the body.
     *
     * @param m       the texts
     * @param session the session, or null on the login page
     * @param title   the page title (plain text)
     * @param body    the body (HTML)
     * @return the page
     */
    public static String page(Messages m, Sessions.Session session, String title, String body) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"").append(m.locale().getLanguage()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" — SupportKit</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/desk.css\"></head><body>");
        html.append("<header><span class=\"brand\">SupportKit</span>");
        if (session != null) {
            DeskUser user = session.user();
            html.append("<nav>");
            if (user.customer()) {
                link(html, "/portal", m.t("menu.portal"), "menu-portal");
                link(html, "/portal/new", m.t("menu.new-request"), "menu-new");
                link(html, "/knowledge", m.t("menu.knowledge"), "menu-knowledge");
            } else {
                link(html, "/desk", m.t("menu.queues"), "menu-queues");
                link(html, "/knowledge", m.t("menu.knowledge"), "menu-knowledge");
                if (user.role() == dev.supportkit.api.Role.INTAKE_LEAD || user.role() == dev.supportkit.api.Role.GROUP_LEAD
                        || user.role() == dev.supportkit.api.Role.AUDITOR) {
                    link(html, "/reports", m.t("menu.reports"), "menu-reports");
                }
            }
            html.append("</nav><span class=\"who\" id=\"who\" data-login=\"").append(esc(user.login())).append("\">")
                    .append(esc(user.name())).append(" · ").append(esc(m.name("role", user.role()))).append("</span>");
            html.append("<form method=\"post\" action=\"/language\" class=\"inline\">").append(csrf(session))
                    .append("<select name=\"language\" id=\"language\" onchange=\"this.form.submit()\">");
            for (var language : Messages.LANGUAGES) {
                html.append("<option value=\"").append(language.getLanguage()).append('"')
                        .append(language.getLanguage().equals(m.locale().getLanguage()) ? " selected" : "")
                        .append('>').append(language.getLanguage().equals("ru") ? "Русский" : "English").append("</option>");
            }
            html.append("</select><noscript><button>").append(esc(m.t("language.switch"))).append("</button></noscript></form>");
            html.append("<form method=\"post\" action=\"/logout\" class=\"inline\">").append(csrf(session))
                    .append("<button id=\"logout\">").append(esc(m.t("logout"))).append("</button></form>");
        }
        html.append("</header><main>");
        if (session != null) {
            session.takeFlash().ifPresent(f -> html.append("<p class=\"flash\" id=\"flash\">").append(esc(f)).append("</p>"));
        }
        html.append("<h1>").append(esc(title)).append("</h1>").append(body).append("</main></body></html>");
        return html.toString();
    }

    /**
     * The hidden CSRF field every form carries.
     *
     * @param session the session
     * @return the field
     */
    public static String csrf(Sessions.Session session) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(session.csrfToken()) + "\">";
    }

    /**
     * A labelled field with its error below it (id {@code error-<name>}) when there is one.
     *
     * @param label the label
     * @param input the input element (HTML)
     * @param name  the field's name
     * @param error the error, or null
     * @return the field
     */
    public static String field(String label, String input, String name, String error) {
        return "<label class=\"field" + (error == null ? "" : " invalid") + "\"><span>" + esc(label) + "</span>" + input
                + (error == null ? "" : "<span class=\"error\" id=\"error-" + esc(name) + "\">" + esc(error) + "</span>")
                + "</label>";
    }

    private static void link(StringBuilder html, String href, String text, String id) {
        html.append("<a id=\"").append(id).append("\" href=\"").append(href).append("\">").append(esc(text)).append("</a>");
    }
}
