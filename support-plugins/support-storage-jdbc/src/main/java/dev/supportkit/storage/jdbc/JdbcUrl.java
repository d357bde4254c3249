package dev.supportkit.storage.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JDBC URL with its secrets taken out. Every parameter whose name contains {@code password}
 * ({@code password}, {@code sslpassword}, {@code trustStorePassword}, H2's {@code PASSWORD}) is removed
 * from the URL: {@code password} becomes the connection password, the others driver properties. So the
 * URL handed to HikariCP and the driver, which both log it, holds no secret, and {@link #url()} is safe
 * to print.
 *
 * @param dialect     the database
 * @param url         the URL without secrets, as given to the driver
 * @param password    the {@code password} parameter, if the URL had one
 * @param secretProps the other secret parameters, as driver properties
 */
record JdbcUrl(Dialect dialect, String url, Optional<String> password, Map<String, String> secretProps) {

    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("^jdbc:[a-z0-9]+://[^/?;@]*:[^/?;@]*@.*");

    JdbcUrl {
        secretProps = Map.copyOf(secretProps);
    }

    /** Prints the URL without secrets only. */
    @Override
    public String toString() {
        return url;
    }

    /**
     * Parses a URL, adding a problem (that never repeats the URL's secrets) when it is unusable.
     *
     * @param key      the configuration key the URL came from, for messages
     * @param raw      the URL as configured
     * @param problems where problems are added
     * @return the parsed URL, empty when a problem was added
     */
    static Optional<JdbcUrl> parse(String key, String raw, List<String> problems) {
        String text = raw.trim();
        Optional<Dialect> dialect = Dialect.ofUrl(text);
        if (dialect.isEmpty()) {
            problems.add(key + ": must be a jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql: URL, was '"
                    + schemeOf(text) + "...'");
            return Optional.empty();
        }
        if (USER_INFO_PASSWORD.matcher(text).matches()) {
            problems.add(key + ": must not carry a password before the host (user:password@host); "
                    + "use the 'password' setting");
            return Optional.empty();
        }
        boolean h2 = dialect.get() == Dialect.H2;
        char start = h2 ? ';' : '?';
        String separator = h2 ? ";" : "&";
        int at = text.indexOf(start);
        String base = at < 0 ? text : text.substring(0, at);
        List<String> kept = new ArrayList<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        String password = null;
        if (at >= 0) {
            for (String parameter : text.substring(at + 1).split(Pattern.quote(separator))) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                String value = equals < 0 ? "" : parameter.substring(equals + 1);
                if (name.equalsIgnoreCase("password")) {
                    password = value;
                } else if (name.toLowerCase(Locale.ROOT).contains("password")) {
                    secrets.put(name, value);
                } else {
                    kept.add(parameter);
                }
            }
        }
        if (text.startsWith("jdbc:mysql:") && kept.stream().noneMatch(p -> p.startsWith("permitMysqlScheme"))) {
            kept.add("permitMysqlScheme"); // the MariaDB driver serves jdbc:mysql: only when asked to
        }
        String url = kept.isEmpty() ? base : base + start + String.join(separator, kept);
        return Optional.of(new JdbcUrl(dialect.get(), url, Optional.ofNullable(password), secrets));
    }

    private static String schemeOf(String text) {
        int colon = text.indexOf(':', text.indexOf(':') + 1);
        String scheme = colon < 0 ? text : text.substring(0, colon + 1);
        return scheme.length() > 40 ? scheme.substring(0, 40) : scheme;
    }
}
