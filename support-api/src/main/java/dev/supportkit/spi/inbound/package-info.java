/**
 * The inbound-source SPI: a plugin that turns messages arriving from outside (an IMAP mailbox, a fax gateway)
 * into contacts. It implements {@link dev.supportkit.spi.inbound.InboundSource} and registers its
 * {@link dev.supportkit.spi.inbound.InboundSourceFactory} like any other provider factory. The engine creates
 * the source like an event sink (its settings, clock, node id and {@code ProviderContext.state()}) and, once the
 * engine's services exist, calls {@link dev.supportkit.spi.inbound.InboundSource#start} with the public
 * {@link dev.supportkit.api.SupportServices}: a source registers contacts through the same intake API an
 * application uses, under the permissions of the actors it names. It is closed before storage when the engine
 * closes.
 */
package dev.supportkit.spi.inbound;
