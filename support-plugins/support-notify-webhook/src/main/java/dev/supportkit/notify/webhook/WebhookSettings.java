package dev.supportkit.notify.webhook;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.ProviderSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The channel's validated settings (keys {@code supportkit.providers.webhook.*}). {@link #toString()}
 * never shows the secret.
 *
 * @param secret    the shared HMAC secret
 * @param timeoutMs connect timeout and response timeout
 * @param userAgent the User-Agent header
 * @param channel   the channel this provider reports
 */
record WebhookSettings(String secret, int timeoutMs, String userAgent, Channel channel) {

    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + WebhookChannelFactory.ID + ".";

    static final String SECRET = "secret";
    static final String TIMEOUT_MS = "timeout-ms";
    static final String USER_AGENT = "user-agent";
    static final String CHANNEL = "channel";

    static final Set<String> KEYS = Set.of(SECRET, TIMEOUT_MS, USER_AGENT, CHANNEL);

    static final int DEFAULT_TIMEOUT_MS = 10_000;
    static final int MIN_TIMEOUT_MS = 100;
    /** An HMAC-SHA256 key shorter than this is too easy to guess. */
    static final int MIN_SECRET_LENGTH = 16;
    static final String DEFAULT_USER_AGENT = "SupportKit-Webhook/1";

    /**
     * Reads and checks the settings.
     *
     * @param settings       the channel's settings
     * @param defaultChannel the channel when the {@code channel} setting is absent
     * @return the settings
     * @throws ConfigurationException listing every problem found
     */
    static WebhookSettings parse(ProviderSettings settings, Channel defaultChannel) {
        Map<String, String> values = settings.asMap();
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(KEYS);
        for (String key : unknown) {
            problems.add(PREFIX + key + ": unknown setting (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }

        String secret = values.getOrDefault(SECRET, "");
        if (secret.isBlank()) {
            problems.add(PREFIX + SECRET + ": required: the shared secret the requests are signed with");
        } else if (secret.length() < MIN_SECRET_LENGTH) {
            // never echo the value: it is a secret
            problems.add(PREFIX + SECRET + ": must be at least " + MIN_SECRET_LENGTH + " characters, was "
                    + secret.length());
        }

        int timeout = DEFAULT_TIMEOUT_MS;
        String rawTimeout = values.get(TIMEOUT_MS);
        if (rawTimeout != null) {
            try {
                timeout = Integer.parseInt(rawTimeout.trim());
            } catch (NumberFormatException e) {
                timeout = -1;
            }
            if (timeout < MIN_TIMEOUT_MS) {
                problems.add(PREFIX + TIMEOUT_MS + ": must be an integer of at least " + MIN_TIMEOUT_MS + ", was '"
                        + rawTimeout + "'");
                timeout = DEFAULT_TIMEOUT_MS;
            }
        }

        String userAgent = values.getOrDefault(USER_AGENT, DEFAULT_USER_AGENT).strip();
        if (userAgent.isEmpty() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            problems.add(PREFIX + USER_AGENT + ": must be non-empty printable ASCII, was '" + userAgent + "'");
        }

        Channel channel = defaultChannel;
        String rawChannel = values.get(CHANNEL);
        if (rawChannel != null) {
            try {
                channel = Channel.valueOf(rawChannel.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + CHANNEL + ": must be one of " + Arrays.toString(Channel.values()) + ", was '"
                        + rawChannel + "'");
            }
        }

        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new WebhookSettings(secret, timeout, userAgent, channel);
    }

    @Override
    public String toString() {
        return "WebhookSettings[secret=****, timeoutMs=" + timeoutMs + ", userAgent=" + userAgent + ", channel="
                + channel + "]";
    }
}
