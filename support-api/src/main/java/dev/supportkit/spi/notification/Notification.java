package dev.supportkit.spi.notification;

import dev.supportkit.api.TenantId;
import java.util.Locale;

/**
 * A rendered message for one recipient on one channel.
 *
 * @param idempotencyKey the same for every delivery attempt of one message; channels pass it on
 *                       (e.g. a Message-ID header) so the receiver can drop a duplicate
 * @param tenant         the tenant
 * @param address        the recipient's address on this channel (e-mail address, phone number, URL)
 * @param subject        subject line, where the channel has one
 * @param body           the message text
 * @param locale         the language the message is written in
 */
public record Notification(String idempotencyKey, TenantId tenant, String address, String subject, String body,
                           Locale locale) {
}
