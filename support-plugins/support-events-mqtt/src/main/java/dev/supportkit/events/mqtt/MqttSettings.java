package dev.supportkit.events.mqtt;

import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sink's validated settings (keys {@code supportkit.providers.mqtt.*}). {@link #toString()} never shows the
 * password.
 *
 * @param host             the broker's host
 * @param port             its port
 * @param username         the user name, if the broker asks for one
 * @param password         the password, if any
 * @param topicPrefix      events go to {@code <topic-prefix>/<tenant>/<request id>}
 * @param publishTimeoutMs how long to wait for the broker's PUBACK (and to connect)
 * @param maxInFlight      how many events of a batch may wait for their PUBACK at once (at most the broker's
 *                         receive maximum); 1 publishes one after the other
 * @param nudgeAfterMicros how long a batch waits for a PUBACK before it nudges the broker; 0 never nudges
 */
record MqttSettings(String host, int port, Optional<String> username, Optional<String> password, String topicPrefix,
                    int publishTimeoutMs, int maxInFlight, int nudgeAfterMicros) {
    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + MqttEventSinkFactory.ID + ".";
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_.-]{1,64}(/[A-Za-z0-9_.-]{1,64}){0,4}");

    static final Setting<String> HOST = Setting.string("host").required().description("the broker's host").build();
    static final Setting<Integer> PORT = Setting.integer("port").atLeast(1).defaultValue(1883)
            .description("the broker's port").build();
    static final Setting<String> USERNAME = Setting.string("username").description("the user name, if any").build();
    static final Setting<String> PASSWORD = Setting.string("password").secret().description("the password, if any")
            .build();
    static final Setting<String> TOPIC_PREFIX = Setting.string("topic-prefix").defaultValue("supportkit/events")
            .description("events go to <topic-prefix>/<tenant>/<request id>").build();
    static final Setting<Integer> PUBLISH_TIMEOUT_MS = Setting.integer("publish-timeout-ms").atLeast(100)
            .defaultValue(5_000).description("how long to wait for the broker's PUBACK").build();

    static final Setting<Integer> MAX_IN_FLIGHT = Setting.integer("max-in-flight").range(1, 65_535).defaultValue(20)
            .description("how many events of a batch may wait for their PUBACK at once (capped by the broker's "
                    + "receive maximum); 1 publishes one after the other").build();
    static final Setting<Integer> NUDGE_AFTER_MICROS = Setting.integer("nudge-after-micros").range(0, 1_000_000)
            .defaultValue(300).description("how long a batch waits for a PUBACK before it nudges the broker with "
                    + "an UNSUBSCRIBE of <topic-prefix>/.nudge; 0 never nudges").build();

    /** Every setting the sink reads. */
    static final List<Setting<?>> SETTINGS = List.of(HOST, PORT, USERNAME, PASSWORD, TOPIC_PREFIX, PUBLISH_TIMEOUT_MS,
            MAX_IN_FLIGHT, NUDGE_AFTER_MICROS);

    /**
     * Reads and checks the settings.
     *
     * @param settings the sink's settings
     * @return the settings
     * @throws dev.supportkit.api.error.ConfigurationException listing every problem found
     */
    static MqttSettings parse(ProviderSettings settings) {
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        String host = reader.get(HOST);
        int port = reader.get(PORT);
        if (port > 65_535) {
            reader.problem(PORT, "must be at most 65535, was " + port);
        }
        String prefix = reader.get(TOPIC_PREFIX);
        if (!TOPIC.matcher(prefix).matches()) {
            reader.problem(TOPIC_PREFIX, "must be /-separated levels of letters, digits, '.', '-' or '_' (no"
                    + " wildcards), was '" + prefix + "'");
        }
        Optional<String> username = reader.optional(USERNAME);
        Optional<String> password = reader.optional(PASSWORD);
        if (password.isPresent() && username.isEmpty()) {
            reader.problem(PASSWORD, "needs a username");
        }
        int timeout = reader.get(PUBLISH_TIMEOUT_MS);
        int maxInFlight = reader.get(MAX_IN_FLIGHT);
        int nudge = reader.get(NUDGE_AFTER_MICROS);
        reader.throwIfProblems();
        return new MqttSettings(host, port, username, password, prefix, timeout, maxInFlight, nudge);
    }

    @Override
    public String toString() {
        return "MqttSettings[host=" + host + ", port=" + port + ", username=" + username.orElse("-")
                + ", password=" + (password.isPresent() ? "****" : "-") + ", topicPrefix=" + topicPrefix
                + ", publishTimeoutMs=" + publishTimeoutMs + ", maxInFlight=" + maxInFlight + ", nudgeAfterMicros="
                + nudgeAfterMicros + "]";
    }
}
