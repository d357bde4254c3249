package dev.supportkit.notify.email.smtp;

import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Collections;
import java.util.List;
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
    /** Key of the SMTP server's host. */
    public static final Setting<String> HOST = Setting.string("host").required()
            .description("the SMTP server's host name, e.g. smtp.example.com").build();
    /** Key of the SMTP port; its default follows {@code security}. */
    public static final Setting<Integer> PORT = Setting.integer("port").range(1, 65_535)
            .description("the SMTP port (default 587 with starttls and none, 465 with ssl)").build();
    /** Key of the transport security. */
    public static final Setting<SmtpSecurity> SECURITY = Setting.choice("security", SmtpSecurity.class)
            .defaultValue(SmtpSecurity.STARTTLS)
            .description("starttls (required, not opportunistic), ssl (TLS from the start) or none").build();
    /** Key of the SMTP AUTH user. */
    public static final Setting<String> USERNAME = Setting.string("username")
            .description("the SMTP AUTH user; set together with password").build();
    /** Key of the SMTP AUTH password. */
    public static final Setting<String> PASSWORD = Setting.string("password").secret()
            .description("the SMTP AUTH password; set together with username").build();
    /** Key of the sender address. */
    public static final Setting<String> FROM = Setting.string("from").required()
            .description("the sender address, e.g. 'Support <help@example.com>'").build();
    /** Key of the connect timeout. */
    public static final Setting<Integer> CONNECT_TIMEOUT_MS = Setting.integer("connect-timeout-ms").atLeast(100)
            .defaultValue(10_000).description("how long to wait for the connection, in milliseconds").build();
    /** Key of the read and write timeout. */
    public static final Setting<Integer> TIMEOUT_MS = Setting.integer("timeout-ms").atLeast(100)
            .defaultValue(10_000).description("how long to wait for each server response or write, in milliseconds")
            .build();
    /** Key of the hosts whose certificates are taken as they are. */
    public static final Setting<String> TRUST = Setting.string("trust")
            .description("hosts (or *) whose TLS certificates are accepted without checks, e.g. a test server")
            .build();

    /** Every SMTP setting, in the order they are documented. */
    public static final List<Setting<?>> SETTINGS = List.of(HOST, PORT, SECURITY, USERNAME, PASSWORD, FROM,
            CONNECT_TIMEOUT_MS, TIMEOUT_MS, TRUST);

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
     * Reads the SMTP settings, recording every problem in the reader.
     *
     * @param reader a reader declared with (at least) {@link #SETTINGS}
     * @return the settings, or empty when any SMTP setting has a problem
     */
    public static Optional<SmtpSettings> read(SettingsReader reader) {
        int before = reader.problems().size();
        String host = reader.get(HOST);
        if (host != null && !host.matches("[A-Za-z0-9._:\\[\\]-]+")) {
            reader.problem(HOST, "'" + host + "' is not a host name or IP address");
        }
        SmtpSecurity security = reader.get(SECURITY);
        int port = reader.optional(PORT).orElse(security.defaultPort());
        int connectTimeout = reader.get(CONNECT_TIMEOUT_MS);
        int timeout = reader.get(TIMEOUT_MS);

        Optional<String> username = reader.optional(USERNAME);
        Optional<String> password = reader.optional(PASSWORD);
        if (username.isPresent() && password.isEmpty()) {
            reader.problem(PASSWORD, "required when " + reader.key(USERNAME) + " is set");
        }
        if (username.isEmpty() && password.isPresent()) {
            reader.problem(USERNAME, "required when " + reader.key(PASSWORD) + " is set (SMTP AUTH needs both)");
        }

        InternetAddress from = null;
        String fromValue = reader.get(FROM);
        if (fromValue != null) {
            try {
                from = MailAddresses.parseMailbox(fromValue);
            } catch (AddressException e) {
                reader.problem(FROM, "'" + fromValue + "' is not an e-mail address: " + reason(e));
            }
        }

        Set<String> trust = new TreeSet<>();
        Optional<String> trustValue = reader.optional(TRUST);
        if (trustValue.isPresent()) {
            trust.addAll(List.of(trustValue.get().split("[\\s,]+")));
            trust.remove("");
            if (trust.isEmpty()) {
                reader.problem(TRUST, "must name at least one host (or *) when set; leave it out for normal"
                        + " certificate checks");
            } else if (security == SmtpSecurity.NONE) {
                reader.problem(TRUST, "has no effect with " + reader.key(SECURITY) + "=none");
            }
        }

        if (reader.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new SmtpSettings(host, port, security, username, password, from, connectTimeout,
                timeout, Collections.unmodifiableSet(trust)));
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
        return SettingsReader.mask(text, password.stream().toList());
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security.settingValue()
                + ", username=" + username.orElse("(none)") + ", password=" + (password.isPresent() ? "****" : "(none)")
                + ", from=" + from + ", connectTimeoutMs=" + connectTimeoutMs + ", timeoutMs=" + timeoutMs
                + ", trust=" + (trust.isEmpty() ? "(none)" : String.join(" ", trust)) + "]";
    }
}
