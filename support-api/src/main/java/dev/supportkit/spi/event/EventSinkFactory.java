package dev.supportkit.spi.event;

import dev.supportkit.spi.ProviderFactory;

/** Creates an event sink; started when registered on the builder or enabled in the configuration. */
public interface EventSinkFactory extends ProviderFactory<EventSink> {
}
