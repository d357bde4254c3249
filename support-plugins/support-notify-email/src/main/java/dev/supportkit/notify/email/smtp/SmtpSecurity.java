package dev.supportkit.notify.email.smtp;

import java.util.Locale;
import java.util.Optional;

/** How the connection to the SMTP server is protected (setting {@code security}). */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS; refused if the server does not offer STARTTLS. Port 587. */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS, "implicit TLS"). Port 465. */
    SSL(465),
    /** No encryption at all: for a relay on the same host or a test server only. Port 587. */
    NONE(587);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /**
     * Returns the port used when the {@code port} setting is absent.
     *
     * @return the port used when the {@code port} setting is absent
     */
    public int defaultPort() {
        return defaultPort;
    }

    /**
     * Returns the value of the {@code security} setting that selects this mode.
     *
     * @return the value of the {@code security} setting that selects this mode, e.g. {@code starttls}
     */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds the mode a setting value names, ignoring case and surrounding blanks.
     *
     * @param value the setting value
     * @return the mode, if the value names one
     */
    public static Optional<SmtpSecurity> fromSetting(String value) {
        for (SmtpSecurity security : values()) {
            if (security.settingValue().equalsIgnoreCase(value.strip())) {
                return Optional.of(security);
            }
        }
        return Optional.empty();
    }
}
