package dev.supportkit.core.internal.plugin;

import dev.supportkit.spi.ProviderFactory;
import java.util.Objects;

/**
 * A provider factory found by {@link ProviderDiscovery}, with where it was found.
 *
 * @param factory the factory instance
 * @param source  the class path or the plugin it came from
 * @param <F>     the factory interface
 */
public record DiscoveredFactory<F extends ProviderFactory<?>>(F factory, ProviderSource source) {
    /**
     * Checks that neither component is null.
     *
     * @param factory the factory instance
     * @param source  the class path or the plugin it came from
     */
    public DiscoveredFactory {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Returns the factory's {@link ProviderFactory#id()}.
     *
     * @return the factory's {@link ProviderFactory#id()}
     */
    public String id() {
        return factory.id();
    }

    /**
     * Returns e.g. {@code 'email' (com.acme.EmailFactory, order 0) from plugin 'acme-mail' 1.2.0}.
     *
     * @return e.g. {@code 'email' (com.acme.EmailFactory, order 0) from plugin 'acme-mail' 1.2.0}
     */
    @Override
    public String toString() {
        return "'" + factory.id() + "' (" + factory.getClass().getName() + ", order " + factory.order() + ") from "
                + source;
    }
}
