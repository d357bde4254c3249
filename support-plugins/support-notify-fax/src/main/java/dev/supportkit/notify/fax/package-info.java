/**
 * The {@code fax} notification channel: each notification is rendered to an A4 PDF (PDFBox, DejaVu Sans
 * embedded) and e-mailed as an attachment to an e-mail-to-fax gateway, through the e-mail channel's
 * shared SMTP sender. Entry point: {@link dev.supportkit.notify.fax.FaxChannelFactory}.
 */
package dev.supportkit.notify.fax;
