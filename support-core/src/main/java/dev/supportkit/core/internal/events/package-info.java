/**
 * Domain events and CRM pushes after commit: a command hook records outbox rows for every journalled change
 * (listeners, event sinks) and every request version (CRM adapters); the outbox dispatcher delivers them with
 * its leases, retries, back-off and dead letters, in order per request and receiver.
 */
package dev.supportkit.core.internal.events;
