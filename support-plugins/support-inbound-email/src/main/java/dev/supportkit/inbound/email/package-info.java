/**
 * The {@code inbound-email} source: contacts arriving by e-mail and fax. IMAP mailboxes are watched (IDLE or
 * polling) under a lease kept in the provider state together with the UIDVALIDITY and UID taken; each message
 * is registered once (by Message-ID) through the public intake API, replies onto their request, machine mail
 * and loops never.
 */
package dev.supportkit.inbound.email;
