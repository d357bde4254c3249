package dev.supportkit.api.request;

/** The way a contact reached the service, or a message reached the customer. */
public enum Channel {
    /** A telephone call. */
    PHONE,
    /** An e-mail. */
    EMAIL,
    /** A web form or self-service portal. */
    WEB_FORM,
    /** A chat on the vendor's site or product. */
    CHAT,
    /** A messenger (Telegram, WhatsApp and the like). */
    MESSENGER,
    /** A fax. */
    FAX,
    /** An SMS. */
    SMS,
    /** In person, e.g. during a site visit. */
    IN_PERSON,
    /** A signed HTTP callback into the customer's own system. */
    WEBHOOK
}
