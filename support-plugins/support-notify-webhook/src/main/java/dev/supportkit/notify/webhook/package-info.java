/**
 * The {@code webhook} notification channel: an HMAC-SHA256-signed JSON POST to the recipient's URL
 * over a socket to the checked address (no second DNS lookup), and {@link dev.supportkit.notify.webhook.WebhookSignature}, the verifier
 * for receivers. Entry point: {@link dev.supportkit.notify.webhook.WebhookChannelFactory}.
 */
package dev.supportkit.notify.webhook;
