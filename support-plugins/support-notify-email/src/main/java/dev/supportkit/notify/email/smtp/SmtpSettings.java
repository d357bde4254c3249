package dev.supportkit.notify.email.smtp;

import dev.supportkit.spi.ProviderSettings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated SMTP settings of a channel, read from the keys under its prefix (e.g.
 * {@code supportkit.providers.email.}):
 *
 * <table>
 *   <caption>SMTP settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code host}</td><td>required</td><td>the SMTP server</td></tr>
 *   <tr><td>{@code port}</td><td>587; 465 for {@code ssl}</td><td>its port</td></tr>
 *   <tr><td>{@code security}</td><td>{@code starttls}</td><td>{@code starttls} (required, not
 *       opportunistic), {@code ssl} (SMTPS) or {@code none}</td></tr>
 *   <tr><td>{@code username}, {@code password}</td><td>none</td><td>SMTP AUTH when a username is set
 *       (then a password is required too)</td></tr>
 *   <tr><td>{@code from}</td><td>required</td><td>the sender, e.g. {@code Support <help@example.com>}</td></tr>
 *   <tr><td>{@code connect-timeout-ms}, {@code timeout-ms}</td><td>10000</td><td>connection and
 *       read/write time-outs</td></tr>
 *   <tr><td>{@code trust}</td><td>none (normal PKI)</td><td>hosts, separated by blanks or commas (or
 *       {@code *}), whose TLS certificate is accepted without checking its chain or its name: for test
 *       servers with self-signed certificates</td></tr>
 * </table>
 *
 * <p>{@link #toString()} never shows the password, and {@link #scrub(String)} removes it from any text.
 */
public final class SmtpSettings {
    /** Key of the SMTP server's host name. */
    public static final String HOST = "host";
    /** Key of the SMTP server's port. */
    public static final String PORT = "port";
    /** Key of the connection security: {@code starttls}, {@code ssl} or {@code none}. */
    public static final String SECURITY = "security";
    /** Key of the SMTP AUTH user name. */
    public static final String USERNAME = "username";
    /** Key of the SMTP AUTH password. */
    public static final String PASSWORD = "password";
    /** Key of the sender address. */
    public static final String FROM = "from";
    /** Key of the connection time-out in milliseconds. */
    public static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";
    /** Key of the read and write time-out in milliseconds. */
    public static final String TIMEOUT_MS = "timeout-ms";
    /** Key of the hosts whose TLS certificate is trusted without validation. */
    public static final String TRUST = "trust";

    /** Every SMTP key, in the order they are documented. */
    public static final Set<String> KEYS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(HOST, PORT,
            SECURITY, USERNAME, PASSWORD, FROM, CONNECT_TIMEOUT_MS, TIMEOUT_MS, TRUST)));

    /** Default of both time-outs, in milliseconds. */
    public static final int DEFAULT_TIMEOUT_MS = 10_000;
    /** The smallest time-out accepted, in milliseconds. */
    public static final int MIN_TIMEOUT_MS = 100;

    private final String host;
    private final int port;
    private final SmtpSecurity security;
    private final Optional<String> username;
    private final Optional<String> password;
    private final InternetAddress from;
    private final int connectTimeoutMs;
    private final int timeoutMs;
    private final Set<String> trust;

    private SmtpSettings(String host, int port, SmtpSecurity security, Optional<String> username,
                         Optional<String> password, InternetAddress from, int connectTimeoutMs, int timeoutMs,
                         Set<String> trust) {
        this.host = host;
        this.port = port;
        this.security = security;
        this.username = username;
        this.password = password;
        this.from = from;
        this.connectTimeoutMs = connectTimeoutMs;
        this.timeoutMs = timeoutMs;
        this.trust = trust;
    }

    /**
     * Reads the SMTP keys of a channel's settings. Every problem found is added to {@code problems},
     * each naming the full key ({@code prefix + key}); keys other than {@link #KEYS} are left to the
     * caller (see {@link #reportUnknownKeys}).
     *
     * @param prefix   the channel's key prefix, e.g. {@code supportkit.providers.email.}
     * @param settings the channel's settings
     * @param problems where problems are added
     * @return the settings, or empty when at least one SMTP key has a problem
     */
    public static Optional<SmtpSettings> read(String prefix, ProviderSettings settings, List<String> problems) {
        Map<String, String> values = settings.asMap();
        int before = problems.size();

        String host = values.getOrDefault(HOST, "").strip();
        if (host.isEmpty()) {
            problems.add(prefix + HOST + ": required, the SMTP server's host name, e.g. smtp.example.com");
        } else if (!host.matches("[A-Za-z0-9._:\\[\\]-]+")) {
            problems.add(prefix + HOST + ": '" + host + "' is not a host name or IP address");
        }

        SmtpSecurity security = SmtpSecurity.STARTTLS;
        String securityValue = values.get(SECURITY);
        if (securityValue != null) {
            Optional<SmtpSecurity> parsed = SmtpSecurity.fromSetting(securityValue);
            if (parsed.isPresent()) {
                security = parsed.get();
            } else {
                problems.add(prefix + SECURITY + ": must be 'starttls', 'ssl' or 'none', was '" + securityValue + "'");
            }
        }

        int port = intSetting(prefix, values, PORT, security.defaultPort(), 1, 65_535, problems);
        int connectTimeout = intSetting(prefix, values, CONNECT_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS,
                Integer.MAX_VALUE, problems);
        int timeout = intSetting(prefix, values, TIMEOUT_MS, DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS, Integer.MAX_VALUE,
                problems);

        Optional<String> username = Optional.ofNullable(values.get(USERNAME)).map(String::strip)
                .filter(u -> !u.isEmpty());
        Optional<String> password = Optional.ofNullable(values.get(PASSWORD)).filter(p -> !p.isEmpty());
        if (username.isPresent() && password.isEmpty()) {
            problems.add(prefix + PASSWORD + ": required when " + prefix + USERNAME + " is set");
        }
        if (username.isEmpty() && password.isPresent()) {
            problems.add(prefix + USERNAME + ": required when " + prefix + PASSWORD
                    + " is set (SMTP AUTH needs both)");
        }

        InternetAddress from = null;
        String fromValue = values.get(FROM);
        if (fromValue == null || fromValue.isBlank()) {
            problems.add(prefix + FROM + ": required, the sender address, e.g. 'Support <help@example.com>'");
        } else {
            try {
                from = MailAddresses.parseMailbox(fromValue);
            } catch (AddressException e) {
                problems.add(prefix + FROM + ": '" + fromValue + "' is not an e-mail address: " + reason(e));
            }
        }

        Set<String> trust = new TreeSet<>();
        String trustValue = values.get(TRUST);
        if (trustValue != null) {
            for (String entry : trustValue.split("[\\s,]+")) {
                if (!entry.isEmpty()) {
                    trust.add(entry);
                }
            }
            if (trust.isEmpty()) {
                problems.add(prefix + TRUST + ": must name at least one host (or *) when set; leave it out for"
                        + " normal certificate checks");
            } else if (security == SmtpSecurity.NONE) {
                problems.add(prefix + TRUST + ": has no effect with " + prefix + SECURITY + "=none");
            }
        }

        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new SmtpSettings(host, port, security, username, password, from, connectTimeout,
                timeout, Collections.unmodifiableSet(trust)));
    }

    /**
     * Adds a problem for every configured key that is not known.
     *
     * @param prefix   the channel's key prefix
     * @param settings the channel's settings
     * @param known    every key the channel understands
     * @param problems where problems are added
     */
    public static void reportUnknownKeys(String prefix, ProviderSettings settings, Set<String> known,
                                         List<String> problems) {
        Set<String> unknown = new TreeSet<>(settings.asMap().keySet());
        unknown.removeAll(known);
        for (String key : unknown) {
            problems.add(prefix + key + ": unknown setting (known: " + String.join(", ", known) + ")");
        }
    }

    private static int intSetting(String prefix, Map<String, String> values, String key, int defaultValue, int min,
                                  int max, List<String> problems) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(prefix + key + ": must be an integer " + (max == Integer.MAX_VALUE ? "of at least " + min
                : "from " + min + " to " + max) + ", was '" + value + "'");
        return defaultValue;
    }

    private static String reason(AddressException e) {
        String message = e.getMessage();
        int inString = message == null ? -1 : message.indexOf(" in string ``");
        return inString < 0 ? String.valueOf(message) : message.substring(0, inString);
    }

    /**
     * Returns the SMTP server's host name.
     *
     * @return the SMTP server's host name
     */
    public String host() {
        return host;
    }

    /**
     * Returns the SMTP server's port.
     *
     * @return the SMTP server's port
     */
    public int port() {
        return port;
    }

    /**
     * Returns how the connection is protected.
     *
     * @return how the connection is protected
     */
    public SmtpSecurity security() {
        return security;
    }

    /**
     * Returns the SMTP AUTH user name, if authentication is configured.
     *
     * @return the SMTP AUTH user name, if authentication is configured
     */
    public Optional<String> username() {
        return username;
    }

    /**
     * Returns the sender address (a copy).
     *
     * @return the sender address
     */
    public InternetAddress from() {
        return (InternetAddress) from.clone();
    }

    /**
     * Returns the connection time-out in milliseconds.
     *
     * @return the connection time-out in milliseconds
     */
    public int connectTimeoutMs() {
        return connectTimeoutMs;
    }

    /**
     * Returns the read and write time-out in milliseconds.
     *
     * @return the read and write time-out in milliseconds
     */
    public int timeoutMs() {
        return timeoutMs;
    }

    /**
     * Returns the hosts whose certificate is trusted without validation ({@code *}: every host).
     *
     * @return the hosts whose certificate is trusted without validation
     */
    public Set<String> trust() {
        return trust;
    }

    /**
     * Returns whether the configured host's certificate is trusted without validation.
     *
     * @return whether {@link #trust()} names the host (or is {@code *})
     */
    public boolean trustsHost() {
        return trust.contains("*") || trust.stream().anyMatch(host::equalsIgnoreCase);
    }

    /** The password for {@code Transport.connect}; never shown. */
    Optional<String> password() {
        return password;
    }

    /** Jakarta Mail session properties for protocol {@code smtp}. */
    Properties sessionProperties() {
        Properties props = new Properties();
        String p = "mail.smtp.";
        props.setProperty(p + "host", host);
        props.setProperty(p + "port", Integer.toString(port));
        props.setProperty(p + "connectiontimeout", Integer.toString(connectTimeoutMs));
        props.setProperty(p + "timeout", Integer.toString(timeoutMs));
        props.setProperty(p + "writetimeout", Integer.toString(timeoutMs));
        props.setProperty(p + "auth", Boolean.toString(username.isPresent()));
        props.setProperty(p + "from", from.getAddress());
        // Never trace the protocol (AUTH would show the credentials in base64), even if mail.debug is set.
        props.setProperty("mail.debug", "false");
        props.setProperty("mail.debug.auth", "false");
        switch (security) {
            case STARTTLS -> {
                props.setProperty(p + "starttls.enable", "true");
                props.setProperty(p + "starttls.required", "true");
            }
            case SSL -> props.setProperty(p + "ssl.enable", "true");
            case NONE -> {
                props.setProperty(p + "starttls.enable", "false");
                props.setProperty(p + "ssl.enable", "false");
            }
        }
        if (security != SmtpSecurity.NONE) {
            if (!trust.isEmpty()) {
                props.setProperty(p + "ssl.trust", String.join(" ", trust));
            }
            // A trusted host's certificate is accepted as it is (self-signed test certificates name no host);
            // every other host's certificate must be valid and name the host.
            props.setProperty(p + "ssl.checkserveridentity", Boolean.toString(!trustsHost()));
        }
        return props;
    }

    /**
     * Removes the password from a text (a server's reply, an exception message) before it is logged,
     * journalled or thrown.
     *
     * @param text any text, or null
     * @return the text with every occurrence of the password replaced by {@code ****}
     */
    public String scrub(String text) {
        if (text == null || password.isEmpty()) {
            return text;
        }
        String secret = password.get();
        return secret.length() < 3 ? text : text.replace(secret, "****");
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security.settingValue()
                + ", username=" + username.orElse("(none)") + ", password=" + (password.isPresent() ? "****" : "(none)")
                + ", from=" + from + ", connectTimeoutMs=" + connectTimeoutMs + ", timeoutMs=" + timeoutMs
                + ", trust=" + (trust.isEmpty() ? "(none)" : String.join(" ", trust)) + "]";
    }
}
