package dev.supportkit.events.rabbitmq;

import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.net.URI;
import java.util.List;

/**
 * The sink's validated settings (keys {@code supportkit.providers.rabbitmq.*}). {@link #toString()} never
 * shows the URI, which carries the password.
 *
 * @param uri              the broker, {@code amqp://user:password@host:port/vhost} or {@code amqps://…}
 * @param exchange         the topic exchange events are published to (declared durable if missing)
 * @param confirmTimeoutMs how long to wait for the broker's confirm of one publish
 */
record RabbitMqSettings(String uri, String exchange, int confirmTimeoutMs) {
    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + RabbitMqEventSinkFactory.ID + ".";

    static final Setting<String> URI_SETTING = Setting.string("uri").required().secret()
            .description("the broker: amqp://user:password@host:5672/vhost, or amqps:// for TLS").build();
    static final Setting<String> EXCHANGE = Setting.string("exchange").defaultValue("supportkit.events")
            .description("the topic exchange the events go to; routing key <tenant>.<event type>").build();
    static final Setting<Integer> CONFIRM_TIMEOUT_MS = Setting.integer("confirm-timeout-ms").atLeast(100)
            .defaultValue(5_000).description("how long to wait for the broker to confirm a publish").build();

    /** Every setting the sink reads. */
    static final List<Setting<?>> SETTINGS = List.of(URI_SETTING, EXCHANGE, CONFIRM_TIMEOUT_MS);

    /**
     * Reads and checks the settings.
     *
     * @param settings the sink's settings
     * @return the settings
     * @throws dev.supportkit.api.error.ConfigurationException listing every problem found
     */
    static RabbitMqSettings parse(ProviderSettings settings) {
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        String uri = reader.get(URI_SETTING);
        if (uri != null) {
            try {
                String scheme = URI.create(uri).getScheme();
                if (!"amqp".equals(scheme) && !"amqps".equals(scheme)) {
                    reader.problem(URI_SETTING, "must start with amqp:// or amqps://");
                }
            } catch (IllegalArgumentException e) {
                reader.problem(URI_SETTING, "is not a URI"); // never echo it: it carries the password
            }
        }
        String exchange = reader.get(EXCHANGE);
        if (exchange.isBlank() || exchange.length() > 255) {
            reader.problem(EXCHANGE, "must be 1 to 255 characters");
        }
        int timeout = reader.get(CONFIRM_TIMEOUT_MS);
        reader.throwIfProblems();
        return new RabbitMqSettings(uri, exchange, timeout);
    }

    @Override
    public String toString() {
        return "RabbitMqSettings[uri=****, exchange=" + exchange + ", confirmTimeoutMs=" + confirmTimeoutMs + "]";
    }
}
