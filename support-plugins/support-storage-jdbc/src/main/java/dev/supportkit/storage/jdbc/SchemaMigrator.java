package dev.supportkit.storage.jdbc;

import dev.supportkit.api.error.ProviderException;
import dev.supportkit.spi.DataCodec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, upgrades or validates the schema with Flyway. The scripts live under a package path of
 * their own and the history is kept in {@code supportkit_schema_history}, so an application that uses
 * Flyway on the same database neither runs nor sees them; a schema that already holds other tables is
 * baselined at version 0 and then migrated.
 */
final class SchemaMigrator {
    /** Flyway's history table for SupportKit's own migrations. */
    static final String HISTORY_TABLE = "supportkit_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final JdbcSettings settings;
    private final DataCodec codec;

    SchemaMigrator(JdbcSettings settings, DataCodec codec) {
        this.settings = settings;
        this.codec = codec;
    }

    /**
     * Applies the settings' schema mode.
     *
     * @param dataSource the pool
     * @param collation  MariaDB/MySQL only: the binary collation of text keys on this server
     * @throws ProviderException when migrating fails, or when validating finds the schema missing or
     *                           outdated
     */
    void apply(DataSource dataSource, String collation) {
        Dialect dialect = settings.url().dialect();
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .javaMigrations(new V5__Fill_request_columns(codec, settings),
                        new V14__Compact_journal_columns(settings))
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("binary_collation", collation))
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .load();
        try {
            if (settings.schemaMode() == JdbcSettings.SchemaMode.MIGRATE) {
                MigrateResult result = flyway.migrate();
                LOG.info("SupportKit schema at {} is at version {} ({} migration(s) applied now)", settings.url(),
                        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                        result.migrationsExecuted);
            } else {
                ValidateResult result = flyway.validateWithResult();
                if (!result.validationSuccessful) {
                    throw new ProviderException(JdbcStorageProviderFactory.ID, settings.scrub(
                            "schema=validate: the SupportKit schema at " + settings.url() + " is missing or outdated: "
                                    + problems(result) + ". Start once with "
                                    + JdbcSettings.PREFIX + JdbcSettings.SCHEMA.name() + "=migrate, or apply the scripts under "
                                    + dialect.migrationLocation() + "."), null);
                }
                LOG.info("SupportKit schema at {} is valid ({} migration(s) checked)", settings.url(),
                        result.validateCount);
            }
        } catch (FlywayException e) {
            throw new ProviderException(JdbcStorageProviderFactory.ID, settings.scrub(
                    "schema " + settings.schemaMode().name().toLowerCase(Locale.ROOT) + " failed on "
                            + settings.url() + ": " + e.getMessage()), e);
        }
    }

    /** Flyway's findings without its command-line advice, as one sentence. */
    private static String problems(ValidateResult result) {
        return Arrays.stream(result.getAllErrorMessages().split("\\R"))
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("To fix this error"))
                .map(line -> line.replaceAll("\\.+$", ""))
                .collect(Collectors.joining("; "));
    }
}
