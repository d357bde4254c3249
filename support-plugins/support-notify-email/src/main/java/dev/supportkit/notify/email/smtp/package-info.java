/**
 * Sending one message over SMTP through Jakarta Mail / Angus Mail, shared by the channels that speak
 * SMTP (the {@code email} channel and the {@code fax} channel's e-mail-to-fax gateway): the SMTP settings
 * ({@link dev.supportkit.notify.email.smtp.SmtpSettings}), strict address parsing
 * ({@link dev.supportkit.notify.email.smtp.MailAddresses}) and the sender that composes, sends and
 * classifies the outcome ({@link dev.supportkit.notify.email.smtp.SmtpSender}).
 *
 * <p>This package is also published alone as the {@code smtp}-classified jar of
 * {@code support-notify-email}, which has no {@code META-INF/services} entry: depending on it does not
 * bring the {@code email} channel factory onto the class path.
 */
package dev.supportkit.notify.email.smtp;
