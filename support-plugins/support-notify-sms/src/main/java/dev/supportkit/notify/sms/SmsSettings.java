package dev.supportkit.notify.sms;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.util.List;
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

    static final int MIN_TIMEOUT_MS = 100;
    static final int MIN_ENQUIRE_LINK_MS = 1_000;

    static final Setting<String> HOST = Setting.string("host").required()
            .description("the SMSC's host name or address").build();
    static final Setting<Integer> PORT = Setting.integer("port").range(1, 65_535).defaultValue(2775)
            .description("the SMSC's SMPP port").build();
    static final Setting<String> SYSTEM_ID = Setting.string("system-id").required()
            .description("the system id the SMSC knows this client by").build();
    static final Setting<String> PASSWORD = Setting.string("password").secret().defaultValue("")
            .description("the bind password, at most 8 ASCII characters").build();
    static final Setting<String> SYSTEM_TYPE = Setting.string("system-type").defaultValue("")
            .description("the bind system type, at most 12 ASCII characters").build();
    static final Setting<String> SOURCE_ADDRESS = Setting.string("source-address").defaultValue("")
            .description("the sender: +international number, short code or sender name; empty for the SMSC's default")
            .build();
    static final Setting<Integer> BIND_TIMEOUT_MS = Setting.integer("bind-timeout-ms").atLeast(MIN_TIMEOUT_MS)
            .defaultValue(10_000).description("connect and bind response timeout in milliseconds").build();
    static final Setting<Integer> SUBMIT_TIMEOUT_MS = Setting.integer("submit-timeout-ms").atLeast(MIN_TIMEOUT_MS)
            .defaultValue(10_000).description("submit_sm response timeout in milliseconds").build();
    static final Setting<Integer> ENQUIRE_LINK_MS = Setting.integer("enquire-link-ms").atLeast(MIN_ENQUIRE_LINK_MS)
            .defaultValue(30_000).description("enquire_link interval of an idle session in milliseconds").build();

    /** Every setting the channel reads. */
    static final List<Setting<?>> SETTINGS = List.of(HOST, PORT, SYSTEM_ID, PASSWORD, SYSTEM_TYPE, SOURCE_ADDRESS,
            BIND_TIMEOUT_MS, SUBMIT_TIMEOUT_MS, ENQUIRE_LINK_MS);

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
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        String host = reader.get(HOST);
        int port = reader.get(PORT);
        String systemId = reader.get(SYSTEM_ID);
        if (systemId != null && (systemId.length() > MAX_SYSTEM_ID || !isAscii(systemId))) {
            reader.problem(SYSTEM_ID, "must be at most " + MAX_SYSTEM_ID + " ASCII characters (SMPP 3.4), was '"
                    + systemId + "'");
        }
        String password = reader.get(PASSWORD);
        if (password.length() > MAX_PASSWORD || !isAscii(password)) {
            // never echo the value: it is a secret
            reader.problem(PASSWORD, "must be at most " + MAX_PASSWORD + " ASCII characters (SMPP 3.4), was "
                    + password.length() + " characters long");
        }
        String systemType = reader.get(SYSTEM_TYPE);
        if (systemType.length() > MAX_SYSTEM_TYPE || !isAscii(systemType)) {
            reader.problem(SYSTEM_TYPE, "must be at most " + MAX_SYSTEM_TYPE + " ASCII characters (SMPP 3.4), was '"
                    + systemType + "'");
        }
        SourceAddress source = source(reader, reader.get(SOURCE_ADDRESS));
        int bindTimeout = reader.get(BIND_TIMEOUT_MS);
        int submitTimeout = reader.get(SUBMIT_TIMEOUT_MS);
        int enquireLink = reader.get(ENQUIRE_LINK_MS);
        reader.throwIfProblems();
        return new SmsSettings(host, port, systemId, password, systemType, source, bindTimeout, submitTimeout,
                enquireLink);
    }

    private static SourceAddress source(SettingsReader reader, String value) {
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
        reader.problem(SOURCE_ADDRESS, "must be +<7 to 15 digits>, a short code of up to 15 digits or a "
                + "sender name of up to 11 Latin letters, digits, spaces, '.', '_' or '-', was '" + value + "'");
        return new SourceAddress(SourceKind.NONE, "");
    }

    private static boolean isAscii(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
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
        return SettingsReader.mask(text, List.of(password));
    }

    @Override
    public String toString() {
        return "SmsSettings[smsc=" + smsc() + ", systemId=" + systemId + ", password="
                + (password.isEmpty() ? "(none)" : "****") + ", systemType=" + systemType + ", source="
                + source.kind() + ":" + source.address() + ", bindTimeoutMs=" + bindTimeoutMs + ", submitTimeoutMs="
                + submitTimeoutMs + ", enquireLinkMs=" + enquireLinkMs + "]";
    }
}
