package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.storage.StorageProviderFactory;
import java.util.List;

/**
 * The {@code jdbc} storage: H2, PostgreSQL or MariaDB. Select it with
 * {@code supportkit.storage.provider=jdbc}; its settings are the keys
 * {@code supportkit.providers.jdbc.*}:
 * <ul>
 *   <li>{@code url}: a {@code jdbc:h2:}, {@code jdbc:postgresql:}, {@code jdbc:mariadb:} or
 *       {@code jdbc:mysql:} URL; by default an H2 file database {@code supportkit} under
 *       {@code data-directory}. Password parameters in the URL are taken out of it and passed to the
 *       driver as properties, so they never appear in a log.</li>
 *   <li>{@code data-directory}: the directory of the default H2 database, {@code ./data} by default.</li>
 *   <li>{@code user}, {@code password}: the credentials ({@code sa} and none for the default H2).</li>
 *   <li>{@code pool-size}: the largest number of pooled connections, 10 by default.</li>
 *   <li>{@code schema}: {@code migrate} (default) creates or upgrades the tables on start;
 *       {@code validate} only checks that they are complete and current and fails otherwise.</li>
 *   <li>{@code connection-timeout-ms}: how long to wait for a connection before failing, 5000 by
 *       default, at least 250.</li>
 * </ul>
 * Unknown keys and bad values are reported together in one
 * {@link dev.supportkit.api.error.ConfigurationException}.
 */
public final class JdbcStorageProviderFactory implements StorageProviderFactory {
    /** The id configuration selects this storage by. */
    public static final String ID = "jdbc";

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public JdbcStorageProviderFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return JdbcSettings.SETTINGS;
    }

    /**
     * Checks the settings, opens the pool and migrates or validates the schema.
     *
     * @param context the engine's clock, node id, codec and this provider's settings
     * @return the provider
     * @throws dev.supportkit.api.error.ConfigurationException listing every bad setting
     * @throws dev.supportkit.api.error.ProviderException      when the database cannot be reached or its
     *                                                          schema cannot be migrated or is invalid
     */
    @Override
    public StorageProvider create(ProviderContext context) {
        return new JdbcStorageProvider(JdbcSettings.parse(context.settings()), context);
    }
}
