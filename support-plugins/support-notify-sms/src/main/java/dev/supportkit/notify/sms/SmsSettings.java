package dev.supportkit.notify.sms;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The channel's validated settings (keys {@code supportkit.providers.sms.*}). {@link #toString()} never
 * shows the password.
 *
 * @param host            the SMSC host
 * @param port            the SMSC port
 * @param systemId        the bind system id
 * @param password        the bind password (may be empty)
 * @param systemType      the bind system type (may be empty)
 * @param source          the sender address
 * @param bindTimeoutMs   connect and bind response timeout
 * @param submitTimeoutMs submit_sm response timeout
 * @param enquireLinkMs   enquire_link interval of an idle session
 */
record SmsSettings(String host, int port, String systemId, String password, String systemType,
                   SourceAddress source, int bindTimeoutMs, int submitTimeoutMs, int enquireLinkMs) {

    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + SmsChannelFactory.ID + ".";

    static final String HOST = "host";
    static final String PORT = "port";
    static final String SYSTEM_ID = "system-id";
    static final String PASSWORD = "password";
    static final String SYSTEM_TYPE = "system-type";
    static final String SOURCE_ADDRESS = "source-address";
    static final String BIND_TIMEOUT_MS = "bind-timeout-ms";
    static final String SUBMIT_TIMEOUT_MS = "submit-timeout-ms";
    static final String ENQUIRE_LINK_MS = "enquire-link-ms";

    static final Set<String> KEYS = Set.of(HOST, PORT, SYSTEM_ID, PASSWORD, SYSTEM_TYPE, SOURCE_ADDRESS,
            BIND_TIMEOUT_MS, SUBMIT_TIMEOUT_MS, ENQUIRE_LINK_MS);

    static final int DEFAULT_PORT = 2775;
    static final int DEFAULT_BIND_TIMEOUT_MS = 10_000;
    static final int DEFAULT_SUBMIT_TIMEOUT_MS = 10_000;
    static final int DEFAULT_ENQUIRE_LINK_MS = 30_000;
    static final int MIN_TIMEOUT_MS = 100;
    static final int MIN_ENQUIRE_LINK_MS = 1_000;

    /** SMPP 3.4 field limits (without the terminating NUL). */
    static final int MAX_SYSTEM_ID = 15;
    static final int MAX_PASSWORD = 8;
    static final int MAX_SYSTEM_TYPE = 12;

    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{1,15}");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._\\-]{0,10}");

    /** How the sender is addressed in submit_sm. */
    enum SourceKind {
        /** No sender: the SMSC's default. */
        NONE,
        /** An international number: TON 1 (international), NPI 1 (ISDN). */
        INTERNATIONAL,
        /** A short code: TON 0 (unknown), NPI 1 (ISDN). */
        SHORT_CODE,
        /** A sender name: TON 5 (alphanumeric), NPI 0 (unknown). */
        ALPHANUMERIC
    }

    /**
     * The sender as sent in submit_sm.
     *
     * @param kind    how it is addressed
     * @param address the address field (an international number without its {@code +})
     */
    record SourceAddress(SourceKind kind, String address) {
    }

    /**
     * Reads and checks the settings.
     *
     * @param settings the channel's settings
     * @return the settings
     * @throws ConfigurationException listing every problem found
     */
    static SmsSettings parse(ProviderSettings settings) {
        Map<String, String> values = settings.asMap();
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(KEYS);
        for (String key : unknown) {
            problems.add(PREFIX + key + ": unknown setting (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }

        String host = values.getOrDefault(HOST, "").trim();
        if (host.isEmpty()) {
            problems.add(PREFIX + HOST + ": required: the SMSC's host name or address");
        }
        int port = intSetting(values, PORT, DEFAULT_PORT, 1, 65_535, problems);

        String systemId = values.getOrDefault(SYSTEM_ID, "").trim();
        if (systemId.isEmpty()) {
            problems.add(PREFIX + SYSTEM_ID + ": required: the system id the SMSC knows this client by");
        } else if (systemId.length() > MAX_SYSTEM_ID || !isAscii(systemId)) {
            problems.add(PREFIX + SYSTEM_ID + ": must be at most " + MAX_SYSTEM_ID + " ASCII characters (SMPP 3.4), was '"
                    + systemId + "'");
        }
        String password = values.getOrDefault(PASSWORD, "");
        if (password.length() > MAX_PASSWORD || !isAscii(password)) {
            // never echo the value: it is a secret
            problems.add(PREFIX + PASSWORD + ": must be at most " + MAX_PASSWORD + " ASCII characters (SMPP 3.4), was "
                    + password.length() + " characters long");
        }
        String systemType = values.getOrDefault(SYSTEM_TYPE, "").trim();
        if (systemType.length() > MAX_SYSTEM_TYPE || !isAscii(systemType)) {
            problems.add(PREFIX + SYSTEM_TYPE + ": must be at most " + MAX_SYSTEM_TYPE
                    + " ASCII characters (SMPP 3.4), was '" + systemType + "'");
        }
        SourceAddress source = source(values.getOrDefault(SOURCE_ADDRESS, "").trim(), problems);

        int bindTimeout = intSetting(values, BIND_TIMEOUT_MS, DEFAULT_BIND_TIMEOUT_MS, MIN_TIMEOUT_MS,
                Integer.MAX_VALUE, problems);
        int submitTimeout = intSetting(values, SUBMIT_TIMEOUT_MS, DEFAULT_SUBMIT_TIMEOUT_MS, MIN_TIMEOUT_MS,
                Integer.MAX_VALUE, problems);
        int enquireLink = intSetting(values, ENQUIRE_LINK_MS, DEFAULT_ENQUIRE_LINK_MS, MIN_ENQUIRE_LINK_MS,
                Integer.MAX_VALUE, problems);

        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new SmsSettings(host, port, systemId, password, systemType, source, bindTimeout, submitTimeout,
                enquireLink);
    }

    private static SourceAddress source(String value, List<String> problems) {
        if (value.isEmpty()) {
            return new SourceAddress(SourceKind.NONE, "");
        }
        if (INTERNATIONAL.matcher(value).matches()) {
            return new SourceAddress(SourceKind.INTERNATIONAL, value.substring(1));
        }
        if (SHORT_CODE.matcher(value).matches()) {
            return new SourceAddress(SourceKind.SHORT_CODE, value);
        }
        if (ALPHANUMERIC.matcher(value).matches()) {
            return new SourceAddress(SourceKind.ALPHANUMERIC, value);
        }
        problems.add(PREFIX + SOURCE_ADDRESS + ": must be +<7 to 15 digits>, a short code of up to 15 digits or a "
                + "sender name of up to 11 Latin letters, digits, spaces, '.', '_' or '-', was '" + value + "'");
        return new SourceAddress(SourceKind.NONE, "");
    }

    private static boolean isAscii(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static int intSetting(Map<String, String> values, String key, int defaultValue, int min, int max,
                                  List<String> problems) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(PREFIX + key + ": must be an integer " + (max == Integer.MAX_VALUE ? "of at least " + min
                : "from " + min + " to " + max) + ", was '" + value + "'");
        return defaultValue;
    }

    /** The SMSC as {@code host:port}, for messages. */
    String smsc() {
        return host + ":" + port;
    }

    /**
     * Removes the password from a text (a library's message, say) before it is logged or returned.
     *
     * @param text any text, or null
     * @return the text with every occurrence of the password replaced by {@code ****}
     */
    String scrub(String text) {
        if (text == null || password.length() < 3) {
            return text;
        }
        return text.replace(password, "****");
    }

    @Override
    public String toString() {
        return "SmsSettings[smsc=" + smsc() + ", systemId=" + systemId + ", password="
                + (password.isEmpty() ? "(none)" : "****") + ", systemType=" + systemType + ", source="
                + source.kind() + ":" + source.address() + ", bindTimeoutMs=" + bindTimeoutMs + ", submitTimeoutMs="
                + submitTimeoutMs + ", enquireLinkMs=" + enquireLinkMs + "]";
    }
}
