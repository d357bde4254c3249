package dev.supportkit.notify.voice;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    static final Setting<String> HOST = Setting.string("host").required()
            .description("the Asterisk host name or address").build();
    static final Setting<Integer> PORT = Setting.integer("port").range(1, 65_535).defaultValue(5038)
            .description("the AMI port").build();
    static final Setting<String> USERNAME = Setting.string("username").required()
            .description("the AMI user (manager.conf)").build();
    static final Setting<String> SECRET = Setting.string("secret").required().secret()
            .description("the AMI user's secret").build();
    static final Setting<String> CHANNEL_TEMPLATE = Setting.string("channel-template").required()
            .description("the channel to dial, e.g. PJSIP/{number}@trunk").build();
    static final Setting<String> CONTEXT = Setting.string("context").required()
            .description("the dialplan context of the answered call").build();
    static final Setting<String> EXTENSION = Setting.string("extension")
            .description("the extension of the dialplan that speaks ${SUPPORTKIT_TEXT}").build();
    static final Setting<String> OPERATOR_EXTENSION = Setting.string("operator-extension")
            .description("the operator's extension (mode=operator)").build();
    static final Setting<Integer> PRIORITY = Setting.integer("priority").atLeast(1).defaultValue(1)
            .description("the dialplan priority of the answered call").build();
    static final Setting<Mode> MODE = Setting.choice("mode", Mode.class).defaultValue(Mode.TTS)
            .description("what the answered call does: speak the message or connect an operator").build();
    static final Setting<String> CALLER_ID = Setting.string("caller-id")
            .description("the caller id shown to the callee; empty for the trunk's default").build();
    static final Setting<Integer> TIMEOUT_MS = Setting.integer("timeout-ms").atLeast(100).defaultValue(10_000)
            .description("connect, login and response timeout in milliseconds").build();
    static final Setting<Integer> RING_TIMEOUT_MS = Setting.integer("ring-timeout-ms").atLeast(1_000)
            .defaultValue(30_000).description("how long the callee's phone rings, in milliseconds").build();

    /** Every setting the channel reads. */
    static final List<Setting<?>> SETTINGS = List.of(HOST, PORT, USERNAME, SECRET, CHANNEL_TEMPLATE, CONTEXT,
            EXTENSION, OPERATOR_EXTENSION, PRIORITY, MODE, CALLER_ID, TIMEOUT_MS, RING_TIMEOUT_MS);

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
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        String host = singleLine(reader, HOST);
        int port = reader.get(PORT);
        String username = singleLine(reader, USERNAME);
        String secret = singleLine(reader, SECRET);
        String template = singleLine(reader, CHANNEL_TEMPLATE);
        if (template != null && (!template.contains("{number}") && !template.contains("{e164}")
                || template.indexOf('/') <= 0)) {
            reader.problem(CHANNEL_TEMPLATE, "must look like TECH/...{number}... (or {e164}), e.g. "
                    + "PJSIP/{number}@trunk, was '" + template + "'");
        }
        String context = singleLine(reader, CONTEXT);
        Mode mode = reader.get(MODE);
        Setting<String> extensionSetting = mode == Mode.OPERATOR ? OPERATOR_EXTENSION : EXTENSION;
        String extension = singleLine(reader, extensionSetting);
        if (extension == null) {
            reader.problem(extensionSetting, "required: " + extensionSetting.description());
        }
        int priority = reader.get(PRIORITY);
        Optional<String> callerId = Optional.ofNullable(singleLine(reader, CALLER_ID));
        int timeout = reader.get(TIMEOUT_MS);
        int ringTimeout = reader.get(RING_TIMEOUT_MS);
        reader.throwIfProblems();
        return new VoiceSettings(host, port, username, secret, template, context, extension, priority, mode,
                callerId, timeout, ringTimeout);
    }

    /** A text setting that must fit on one AMI line; the value is never echoed (it may be the secret). */
    private static String singleLine(SettingsReader reader, Setting<String> setting) {
        String value = reader.get(setting);
        if (value != null && hasLineBreak(value)) {
            reader.problem(setting, "must not contain line breaks");
        }
        return value;
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
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
        return SettingsReader.mask(text, List.of(secret));
    }

    @Override
    public String toString() {
        return "VoiceSettings[ami=" + ami() + ", username=" + username + ", secret=****, channelTemplate="
                + channelTemplate + ", context=" + context + ", extension=" + extension + ", priority=" + priority
                + ", mode=" + mode.name().toLowerCase(Locale.ROOT) + ", callerId=" + callerId.orElse("") + ", timeoutMs="
                + timeoutMs + ", ringTimeoutMs=" + ringTimeoutMs + "]";
    }
}
