package dev.supportkit.spi;

import dev.supportkit.spi.settings.Setting;
import java.util.List;

/**
 * Creates providers of one kind (Keycloak-style). Factories are found in PF4J plugin jars, on the
 * plain classpath through {@code META-INF/services}, or registered explicitly on the engine builder;
 * an explicit registration wins, then the highest {@link #order()}. Configuration selects a factory by
 * {@link #id()}. A factory must have a public no-argument constructor.
 *
 * @param <P> the kind of provider it creates
 */
public interface ProviderFactory<P extends Provider> {
    /**
     * The id configuration selects this factory by, e.g. {@code jdbc} or {@code email}. Lower-case
     * letters, digits and hyphens.
     *
     * @return the id
     */
    String id();

    /**
     * Creates the provider. Called once per engine.
     *
     * @param context the engine's clock, node id, codec and this provider's settings
     * @return the provider
     * @throws dev.supportkit.api.error.ProviderException or
     *         {@link dev.supportkit.api.error.ConfigurationException} when it cannot be created
     */
    P create(ProviderContext context);

    /**
     * Breaks ties between factories with the same id: the higher order wins. Explicit registration on
     * the builder beats any order.
     *
     * @return the order; 0 by default
     */
    default int order() {
        return 0;
    }

    /**
     * The settings this provider reads under {@code supportkit.providers.<id>.}: names, types, defaults and
     * descriptions, for documentation and tooling. A factory that reads settings should declare them and
     * read them with a {@link dev.supportkit.spi.settings.SettingsReader}.
     *
     * @return the declared settings; empty by default
     */
    default List<Setting<?>> settings() {
        return List.of();
    }
}
