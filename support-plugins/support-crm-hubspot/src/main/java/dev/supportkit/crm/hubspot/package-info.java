/**
 * The HubSpot CRM adapter: each request is a ticket in a ticket pipeline (stage mapped from the status, the
 * SupportKit request id in a ticket property), its customer a company (found by INN property) and a contact (found
 * by phone or e-mail), each customer-visible journal entry a note on the ticket. Private-app bearer token; the
 * client-side limit follows HubSpot's burst limit per 10 seconds and the search API's per-second limit.
 */
package dev.supportkit.crm.hubspot;
