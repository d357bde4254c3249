package dev.supportkit.core.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How messages to customers and specialists are delivered.
 *
 * @param templatesDirectory a vendor's templates overriding the shipped ones ({@code supportkit.templates.directory})
 * @param maxAttempts        attempts before a message is dead-lettered ({@code supportkit.notifications.max-attempts})
 * @param backoffInitial     wait after the first temporary failure; doubled after each further one
 * @param backoffMax         the longest wait between attempts
 * @param zone               the time zone times are written in when the recipient names none
 * @param customerWebhooks   which webhook URLs a customer representative may set for themselves
 *                           ({@code supportkit.notifications.customer-webhooks})
 */
public record NotificationSettings(Optional<Path> templatesDirectory, int maxAttempts, Duration backoffInitial,
                                   Duration backoffMax, ZoneId zone, WebhookTargets customerWebhooks) {
    /** The defaults: shipped templates, 8 attempts, 30 s doubling up to 1 h, Moscow time, public webhooks only. */
    public static final NotificationSettings DEFAULTS = new NotificationSettings(Optional.empty(), 8,
            Duration.ofSeconds(30), Duration.ofHours(1), ZoneId.of("Europe/Moscow"), WebhookTargets.PUBLIC);

    /** Which webhook URLs a customer representative may set. */
    public enum WebhookTargets {
        /** http(s) to a public address only: no loopback, link-local, private or other local ranges. */
        PUBLIC,
        /** Any http(s) URL (a deployment whose customers are trusted, e.g. one internal network). */
        ANY
    }

    /**
     * The wait before the next attempt after {@code attempts} failed ones.
     *
     * @param attempts failed attempts so far, at least 1
     * @return the back-off
     */
    public Duration backoffAfter(int attempts) {
        Duration wait = backoffInitial;
        for (int i = 1; i < attempts && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
