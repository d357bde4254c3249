/**
 * The event-sink SPI: a plugin that forwards the engine's domain events (to a broker, a log, ...) implements
 * {@link dev.supportkit.spi.event.EventSink} and registers its {@link dev.supportkit.spi.event.EventSinkFactory}
 * like any other provider factory.
 */
package dev.supportkit.spi.event;
