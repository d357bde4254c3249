/**
 * The Bitrix24 CRM adapter: each request is a deal in a dedicated pipeline (category), its stage mapped from the
 * status and the SupportKit request id in a deal user field; its customer a company (found by the INN of its
 * requisite) and a contact (found by phone or e-mail through the duplicate finder); each customer-visible journal
 * entry a timeline comment. Authenticated by an inbound webhook URL; the client-side limit follows Bitrix24's leaky
 * bucket (2 requests per second drained), and {@code QUERY_LIMIT_EXCEEDED} answers are retried.
 */
package dev.supportkit.crm.bitrix24;
