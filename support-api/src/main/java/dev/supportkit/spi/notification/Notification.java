package dev.supportkit.spi.notification;

import dev.supportkit.api.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rendered message for one recipient on one channel. Build one with {@link #builder()}.
 *
 * @param idempotencyKey the same for every delivery attempt of one message; channels pass it on
 *                       (e.g. a Message-ID header) so the receiver can drop a duplicate
 * @param tenant         the tenant
 * @param address        the recipient's address on this channel (e-mail address, phone number, URL)
 * @param subject        subject line, where the channel has one
 * @param body           the message text
 * @param locale         the language the message is written in
 * @param attachments    files sent with it (a digest's report); empty for most messages. Channels that cannot
 *                       carry files send the text alone
 */
public record Notification(String idempotencyKey, TenantId tenant, String address, String subject, String body,
                           Locale locale, List<NotificationAttachment> attachments) {
    /**
     * Copies the attachments; none when null.
     *
     * @param idempotencyKey the idempotency key
     * @param tenant         the tenant
     * @param address        the address
     * @param subject        the subject
     * @param body           the text
     * @param locale         the language
     * @param attachments    the files, or null for none
     */
    public Notification {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * Returns an empty builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Notification} part by part. */
    public static final class Builder {
        private String idempotencyKey;
        private TenantId tenant;
        private String address;
        private String subject;
        private String body;
        private Locale locale;
        private final List<NotificationAttachment> attachments = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param value the idempotency key, the same for every attempt of one message
         * @return this builder
         */
        public Builder idempotencyKey(String value) {
            idempotencyKey = value;
            return this;
        }

        /**
         * @param value the tenant
         * @return this builder
         */
        public Builder tenant(TenantId value) {
            tenant = value;
            return this;
        }

        /**
         * @param value the recipient's address on the channel
         * @return this builder
         */
        public Builder address(String value) {
            address = value;
            return this;
        }

        /**
         * @param value the subject line
         * @return this builder
         */
        public Builder subject(String value) {
            subject = value;
            return this;
        }

        /**
         * @param value the message text
         * @return this builder
         */
        public Builder body(String value) {
            body = value;
            return this;
        }

        /**
         * @param value the language of the message
         * @return this builder
         */
        public Builder locale(Locale value) {
            locale = value;
            return this;
        }

        /**
         * @param value a file to send with it
         * @return this builder
         */
        public Builder attachment(NotificationAttachment value) {
            attachments.add(java.util.Objects.requireNonNull(value, "attachment"));
            return this;
        }

        /**
         * Builds the notification.
         *
         * @return the notification
         */
        public Notification build() {
            return new Notification(idempotencyKey, tenant, address, subject, body, locale, attachments);
        }
    }
}
