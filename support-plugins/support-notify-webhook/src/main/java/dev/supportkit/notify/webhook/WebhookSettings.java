package dev.supportkit.notify.webhook;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The channel's validated settings (keys {@code supportkit.providers.webhook.*}). {@link #toString()}
 * never shows the secret.
 *
 * @param secret    the shared HMAC secret
 * @param timeoutMs connect timeout and response timeout
 * @param userAgent the User-Agent header
 * @param channel   the channel this provider reports
 * @param targets   which addresses a request may go to
 */
record WebhookSettings(String secret, int timeoutMs, String userAgent, Channel channel, Targets targets) {

    /** Which addresses the channel posts to. */
    enum Targets {
        /** Only hosts that resolve to public addresses: never the service's own network. */
        PUBLIC,
        /** Any host (internal receivers on the service's network). */
        ANY
    }

    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + WebhookChannelFactory.ID + ".";

    static final int DEFAULT_TIMEOUT_MS = 10_000;
    /** An HMAC-SHA256 key shorter than this is too easy to guess. */
    static final int MIN_SECRET_LENGTH = 16;
    static final String DEFAULT_USER_AGENT = "SupportKit-Webhook/1";

    static final Setting<String> SECRET = Setting.string("secret").required().secret()
            .description("the shared secret the requests are signed with").build();
    static final Setting<Integer> TIMEOUT_MS = Setting.integer("timeout-ms").atLeast(100)
            .defaultValue(DEFAULT_TIMEOUT_MS).description("connect and response timeout in milliseconds").build();
    static final Setting<String> USER_AGENT = Setting.string("user-agent").defaultValue(DEFAULT_USER_AGENT)
            .description("the User-Agent header, printable ASCII").build();
    static final Setting<String> CHANNEL = Setting.string("channel")
            .description("the built-in channel this provider delivers on (default WEBHOOK, or the one the "
                    + "factory was registered with)").build();

    static final Setting<Targets> ALLOWED_TARGETS = Setting.choice("allowed-targets", Targets.class)
            .defaultValue(Targets.PUBLIC).description("public: post only to hosts that resolve to public "
                    + "addresses, checked at every delivery; any: also to the service's own network").build();

    /** Every setting the channel reads. */
    static final List<Setting<?>> SETTINGS = List.of(SECRET, TIMEOUT_MS, USER_AGENT, CHANNEL, ALLOWED_TARGETS);

    /**
     * Reads and checks the settings.
     *
     * @param settings       the channel's settings
     * @param defaultChannel the channel when the {@code channel} setting is absent
     * @return the settings
     * @throws ConfigurationException listing every problem found
     */
    static WebhookSettings parse(ProviderSettings settings, Channel defaultChannel) {
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        String secret = reader.get(SECRET);
        if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            // never echo the value: it is a secret
            reader.problem(SECRET, "must be at least " + MIN_SECRET_LENGTH + " characters, was " + secret.length());
        }
        int timeout = reader.get(TIMEOUT_MS);
        String userAgent = reader.get(USER_AGENT);
        String configuredAgent = settings.asMap().get(USER_AGENT.name());
        if (configuredAgent != null && configuredAgent.isBlank()) {
            // a header of spaces is a mistake, not a request for the default
            reader.problem(USER_AGENT, "must be non-empty printable ASCII, was blank");
        } else if (!userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            reader.problem(USER_AGENT, "must be non-empty printable ASCII, was '" + userAgent + "'");
        }
        Channel channel = defaultChannel;
        Optional<String> rawChannel = reader.optional(CHANNEL);
        if (rawChannel.isPresent()) {
            try {
                channel = Channel.valueOf(rawChannel.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                reader.problem(CHANNEL, "must be one of " + Arrays.toString(Channel.values()) + ", was '"
                        + rawChannel.get() + "'");
            }
        }
        Targets targets = reader.get(ALLOWED_TARGETS);
        reader.throwIfProblems();
        return new WebhookSettings(secret, timeout, userAgent, channel, targets);
    }

    @Override
    public String toString() {
        return "WebhookSettings[secret=****, timeoutMs=" + timeoutMs + ", userAgent=" + userAgent + ", channel="
                + channel + ", allowedTargets=" + targets.name().toLowerCase(Locale.ROOT) + "]";
    }
}
