package dev.supportkit.events.nats;

import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sink's validated settings (keys {@code supportkit.providers.nats.*}). {@link #toString()} never shows the
 * server URL, which may carry credentials.
 *
 * @param servers          the server URL(s), comma-separated: {@code nats://host:4222}
 * @param stream           the JetStream stream (created when missing, over {@code <subject-prefix>.>})
 * @param subjectPrefix    events go to {@code <subject-prefix>.<tenant>.<event type>}
 * @param publishTimeoutMs how long to wait for the server's acknowledgement
 */
record NatsSettings(String servers, String stream, String subjectPrefix, int publishTimeoutMs) {
    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + NatsEventSinkFactory.ID + ".";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}(\\.[A-Za-z0-9_-]{1,64}){0,4}");
    private static final Pattern STREAM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static final Setting<String> SERVERS = Setting.string("servers").required().secret()
            .description("the NATS server URL(s), comma-separated: nats://user:password@host:4222").build();
    static final Setting<String> STREAM_SETTING = Setting.string("stream").defaultValue("SUPPORTKIT_EVENTS")
            .description("the JetStream stream, created over <subject-prefix>.> when missing").build();
    static final Setting<String> SUBJECT_PREFIX = Setting.string("subject-prefix").defaultValue("supportkit.events")
            .description("events go to <subject-prefix>.<tenant>.<event type>").build();
    static final Setting<Integer> PUBLISH_TIMEOUT_MS = Setting.integer("publish-timeout-ms").atLeast(100)
            .defaultValue(5_000).description("how long to wait for the server's acknowledgement").build();

    /** Every setting the sink reads. */
    static final List<Setting<?>> SETTINGS = List.of(SERVERS, STREAM_SETTING, SUBJECT_PREFIX, PUBLISH_TIMEOUT_MS);

    /**
     * Reads and checks the settings.
     *
     * @param settings the sink's settings
     * @return the settings
     * @throws dev.supportkit.api.error.ConfigurationException listing every problem found
     */
    static NatsSettings parse(ProviderSettings settings) {
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        String servers = reader.get(SERVERS);
        if (servers != null && !servers.strip().startsWith("nats://") && !servers.strip().startsWith("tls://")) {
            reader.problem(SERVERS, "must be nats:// or tls:// URLs"); // never echo it: it may carry a password
        }
        String stream = reader.get(STREAM_SETTING);
        if (!STREAM.matcher(stream).matches()) {
            reader.problem(STREAM_SETTING, "must be 1 to 64 letters, digits, '-' or '_', was '" + stream + "'");
        }
        String prefix = reader.get(SUBJECT_PREFIX);
        if (!TOKEN.matcher(prefix).matches()) {
            reader.problem(SUBJECT_PREFIX, "must be dot-separated tokens of letters, digits, '-' or '_', was '"
                    + prefix + "'");
        }
        int timeout = reader.get(PUBLISH_TIMEOUT_MS);
        reader.throwIfProblems();
        return new NatsSettings(servers, stream, prefix, timeout);
    }

    @Override
    public String toString() {
        return "NatsSettings[servers=****, stream=" + stream + ", subjectPrefix=" + subjectPrefix
                + ", publishTimeoutMs=" + publishTimeoutMs + "]";
    }
}
