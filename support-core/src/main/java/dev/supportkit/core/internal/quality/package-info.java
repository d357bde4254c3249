/**
 * Tracking and closing requests (B/02.6, D/02.7), the implementation of {@code QualityService}: reading
 * requests and lists of them, the delivery record and dead letters of the messages sent about a
 * request and retrying a dead letter, and closing a signed-off request by the intake lead or a group
 * lead. Internal to the engine.
 */
package dev.supportkit.core.internal.quality;
