package dev.supportkit.spi.inbound;

import dev.supportkit.spi.ProviderFactory;

/**
 * Creates an inbound source; started when registered on the builder or configured under
 * {@code supportkit.providers.<id>.}, like an event sink.
 */
public interface InboundSourceFactory extends ProviderFactory<InboundSource> {
}
