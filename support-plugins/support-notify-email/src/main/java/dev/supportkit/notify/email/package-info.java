/**
 * The {@code email} notification channel: SMTP through Jakarta Mail / Angus Mail. Entry point:
 * {@link dev.supportkit.notify.email.EmailChannelFactory}; the SMTP machinery it shares with the fax
 * channel is in {@link dev.supportkit.notify.email.smtp}.
 */
package dev.supportkit.notify.email;
