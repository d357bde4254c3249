/**
 * The {@code rabbitmq} event sink: the engine's domain events published to a RabbitMQ topic exchange, as
 * persistent JSON messages the broker confirms; an unconfirmed publish is retried by the engine's outbox.
 */
package dev.supportkit.events.rabbitmq;
