/**
 * The {@code nats} event sink: the engine's domain events published to a NATS JetStream stream as CloudEvents,
 * with the event id as {@code Nats-Msg-Id} so the server drops repeats, and acknowledged by the server.
 */
package dev.supportkit.events.nats;
