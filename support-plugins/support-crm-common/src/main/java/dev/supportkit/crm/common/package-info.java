/**
 * What the CRM adapter plugins share: {@link dev.supportkit.crm.common.CrmHttp} (JDK HttpClient, client-side
 * rate limit, Retry-After and back-off, one token refresh on 401, secrets masked),
 * {@link dev.supportkit.crm.common.CrmLinks} (the CRM object of each request, kept in the provider state) and
 * {@link dev.supportkit.crm.common.MirroringCrmAdapter} (a request's changes mirrored once each).
 */
package dev.supportkit.crm.common;
