/**
 * Messages to customers and specialists: the topics the engine sends and their template variables,
 * business-communication templates (Pebble, Russian and English, checked when the engine starts), the
 * recipient's channels, language, time zone and quiet hours, and {@code OutboxDispatcher}, which
 * delivers outbox messages after commit, at least once, with back-off, fallback to the next contact
 * point and dead letters, journalling every attempt (B/02.6). Internal to the engine.
 */
package dev.supportkit.core.internal.notify;
