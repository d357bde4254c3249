/**
 * Who may do what: {@code Permission} is the whole role table (every operation of the public API and
 * the roles that may call it), and {@code AccessPolicy} applies it and the per-request rules: tenant,
 * customer organisation and support line. Roles are checked before anything is read; a request the
 * actor may not see is reported as not found, so another tenant's or organisation's data is never
 * revealed. Internal to the engine.
 */
package dev.supportkit.core.internal.security;
