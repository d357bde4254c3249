package dev.supportkit.spi.inbound;

import dev.supportkit.api.SupportServices;
import dev.supportkit.spi.Provider;

/**
 * Takes contacts from outside the engine (a mailbox, a fax gateway) and registers them through the public
 * services. Created by its factory with the provider context (settings, clock, node id, state); started once
 * the engine's services exist; closed when the engine closes, before storage.
 */
public interface InboundSource extends Provider {
    /**
     * Starts taking contacts, normally on threads of the source's own, and returns without waiting for any.
     * Called once, after the engine is built; a failure here fails the engine's {@code build()}.
     *
     * @param services the engine's public services: intake, directory, work (attachments) and the rest
     */
    void start(SupportServices services);
}
