package dev.supportkit.notify.voice;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The channel's validated settings (keys {@code supportkit.providers.voice.*}). {@link #toString()}
 * never shows the secret.
 *
 * @param host            the AMI host
 * @param port            the AMI port
 * @param username        the AMI user
 * @param secret          the AMI user's secret
 * @param channelTemplate the channel to dial, with {@code {number}} or {@code {e164}}
 * @param context         the dialplan context of the answered call
 * @param extension       the extension of the answered call
 * @param priority        the priority of the answered call
 * @param mode            text to speech or operator
 * @param callerId        the caller id, if any
 * @param timeoutMs       connect, login and response timeout
 * @param ringTimeoutMs   how long the callee's phone rings
 */
record VoiceSettings(String host, int port, String username, String secret, String channelTemplate, String context,
                     String extension, int priority, Mode mode, Optional<String> callerId, int timeoutMs,
                     int ringTimeoutMs) {

    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + VoiceChannelFactory.ID + ".";

    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String SECRET = "secret";
    static final String CHANNEL_TEMPLATE = "channel-template";
    static final String CONTEXT = "context";
    static final String EXTENSION = "extension";
    static final String OPERATOR_EXTENSION = "operator-extension";
    static final String PRIORITY = "priority";
    static final String MODE = "mode";
    static final String CALLER_ID = "caller-id";
    static final String TIMEOUT_MS = "timeout-ms";
    static final String RING_TIMEOUT_MS = "ring-timeout-ms";

    static final Set<String> KEYS = Set.of(HOST, PORT, USERNAME, SECRET, CHANNEL_TEMPLATE, CONTEXT, EXTENSION,
            OPERATOR_EXTENSION, PRIORITY, MODE, CALLER_ID, TIMEOUT_MS, RING_TIMEOUT_MS);

    static final int DEFAULT_PORT = 5038;
    static final int DEFAULT_TIMEOUT_MS = 10_000;
    static final int DEFAULT_RING_TIMEOUT_MS = 30_000;

    /** What the answered call does. */
    enum Mode {
        /** The dialplan at {@code extension} speaks the message. */
        TTS,
        /** The dialplan at {@code operator-extension} connects the callee to an operator. */
        OPERATOR
    }

    /**
     * Reads and checks the settings.
     *
     * @param settings the channel's settings
     * @return the settings
     * @throws ConfigurationException listing every problem found
     */
    static VoiceSettings parse(ProviderSettings settings) {
        Map<String, String> values = settings.asMap();
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(KEYS);
        for (String key : unknown) {
            problems.add(PREFIX + key + ": unknown setting (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }

        String host = required(values, HOST, "the Asterisk host name or address", problems);
        int port = intSetting(values, PORT, DEFAULT_PORT, 1, 65_535, problems);
        String username = required(values, USERNAME, "the AMI user (manager.conf)", problems);
        String secret = values.getOrDefault(SECRET, "");
        if (secret.isEmpty()) {
            problems.add(PREFIX + SECRET + ": required: the AMI user's secret");
        } else if (hasLineBreak(secret)) {
            problems.add(PREFIX + SECRET + ": must not contain line breaks"); // never echo the value
        }

        String template = required(values, CHANNEL_TEMPLATE, "the channel to dial, e.g. PJSIP/{number}@trunk",
                problems);
        if (!template.isEmpty() && (!template.contains("{number}") && !template.contains("{e164}")
                || template.indexOf('/') <= 0)) {
            problems.add(PREFIX + CHANNEL_TEMPLATE + ": must look like TECH/...{number}... (or {e164}), e.g. "
                    + "PJSIP/{number}@trunk, was '" + template + "'");
        }
        String context = required(values, CONTEXT, "the dialplan context of the answered call", problems);

        Mode mode = Mode.TTS;
        String rawMode = values.getOrDefault(MODE, "tts").trim();
        try {
            mode = Mode.valueOf(rawMode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(PREFIX + MODE + ": must be 'tts' or 'operator', was '" + rawMode + "'");
        }
        String extension;
        if (mode == Mode.OPERATOR) {
            extension = required(values, OPERATOR_EXTENSION, "the operator's extension (mode=operator)", problems);
        } else {
            extension = required(values, EXTENSION, "the extension of the dialplan that speaks ${SUPPORTKIT_TEXT}",
                    problems);
        }
        int priority = intSetting(values, PRIORITY, 1, 1, Integer.MAX_VALUE, problems);
        Optional<String> callerId = Optional.ofNullable(values.get(CALLER_ID)).map(String::strip)
                .filter(s -> !s.isEmpty());
        callerId.filter(VoiceSettings::hasLineBreak).ifPresent(c -> problems.add(PREFIX + CALLER_ID
                + ": must not contain line breaks"));
        int timeout = intSetting(values, TIMEOUT_MS, DEFAULT_TIMEOUT_MS, 100, Integer.MAX_VALUE, problems);
        int ringTimeout = intSetting(values, RING_TIMEOUT_MS, DEFAULT_RING_TIMEOUT_MS, 1_000, Integer.MAX_VALUE,
                problems);

        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new VoiceSettings(host, port, username, secret, template, context, extension, priority, mode,
                callerId, timeout, ringTimeout);
    }

    private static String required(Map<String, String> values, String key, String what, List<String> problems) {
        String value = values.getOrDefault(key, "").strip();
        if (value.isEmpty()) {
            problems.add(PREFIX + key + ": required: " + what);
        } else if (hasLineBreak(value)) {
            problems.add(PREFIX + key + ": must not contain line breaks");
        }
        return value;
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
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

    /**
     * The channel to dial for a number.
     *
     * @param digits the number's digits, without {@code +}
     * @return the channel template with the number filled in
     */
    String channelFor(String digits) {
        return channelTemplate.replace("{number}", digits).replace("{e164}", "+" + digits);
    }

    /** The AMI as {@code host:port}, for messages. */
    String ami() {
        return host + ":" + port;
    }

    /**
     * Removes the secret from a text (a library's message, say) before it is logged or returned.
     *
     * @param text any text, or null
     * @return the text with every occurrence of the secret replaced by {@code ****}
     */
    String scrub(String text) {
        if (text == null || secret.length() < 3) {
            return text;
        }
        return text.replace(secret, "****");
    }

    @Override
    public String toString() {
        return "VoiceSettings[ami=" + ami() + ", username=" + username + ", secret=****, channelTemplate="
                + channelTemplate + ", context=" + context + ", extension=" + extension + ", priority=" + priority
                + ", mode=" + mode.name().toLowerCase(Locale.ROOT) + ", callerId=" + callerId.orElse("") + ", timeoutMs="
                + timeoutMs + ", ringTimeoutMs=" + ringTimeoutMs + "]";
    }
}
