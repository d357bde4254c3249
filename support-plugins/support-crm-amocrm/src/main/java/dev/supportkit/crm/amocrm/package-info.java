/**
 * The amoCRM adapter: each request is a lead in a dedicated pipeline (status mapped from the request's status,
 * the SupportKit request id in a custom field), its customer a company (found by an INN custom field) and a contact
 * (found by phone or e-mail), each customer-visible journal entry a note on the lead. OAuth 2.0: the token pair is
 * kept in the engine's provider state and refreshed by one engine at a time ({@link dev.supportkit.crm.common.OAuthTokens});
 * the client-side limit keeps to amoCRM's 7 requests per second.
 */
package dev.supportkit.crm.amocrm;
