package dev.supportkit.storage.jdbc;

import static dev.supportkit.spi.storage.tck.StorageFixtures.request;
import static dev.supportkit.spi.storage.tck.StorageFixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.core.internal.plugin.DiscoveredFactory;
import dev.supportkit.core.internal.plugin.DiscoveredProviders;
import dev.supportkit.core.internal.plugin.LoadedPlugin;
import dev.supportkit.core.internal.plugin.ProviderDiscovery;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageProviderFactory;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import dev.supportkit.storage.jdbc.testing.TestContext;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PF4J plugin jar (classifier {@code plugin}), checked after {@code package}: its manifest, what it
 * bundles and what it leaves to the engine, and that it works on its own when loaded the way the
 * engine loads plugins (plugin first; only the SupportKit API/SPI and SLF4J from the application),
 * and through the engine's own PF4J discovery ({@code support-core}, a test-scope dependency).
 */
class PluginJarIT {
    private static Path jar;

    @BeforeAll
    static void findJar() {
        String property = System.getProperty("supportkit.plugin.jar");
        assertNotNull(property, "Failsafe must pass supportkit.plugin.jar");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "the plugin jar was not built: " + jar);
    }

    @Test
    @DisplayName("the manifest declares the PF4J plugin: id, version, SPI range, provider")
    void manifestDeclaresThePlugin() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals("supportkit-storage-jdbc", main.getValue("Plugin-Id"));
            assertEquals(System.getProperty("supportkit.plugin.version"), main.getValue("Plugin-Version"));
            assertEquals(">=1.0.0 & <2.0.0", main.getValue("Plugin-Requires"));
            assertEquals("SupportKit", main.getValue("Plugin-Provider"));
        }
    }

    @Test
    @DisplayName("it bundles the pool, Flyway, the drivers and the migrations, but not the SupportKit API or SLF4J")
    void bundlesDependenciesButNotTheApi() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String present : List.of("dev/supportkit/storage/jdbc/JdbcStorageProviderFactory.class",
                    "com/zaxxer/hikari/HikariDataSource.class", "org/flywaydb/core/Flyway.class",
                    "org/h2/Driver.class", "org/postgresql/Driver.class", "org/mariadb/jdbc/Driver.class",
                    "dev/supportkit/storage/jdbc/migration/h2/V1__supportkit_schema.sql",
                    "dev/supportkit/storage/jdbc/migration/postgresql/V1__supportkit_schema.sql",
                    "dev/supportkit/storage/jdbc/migration/mariadb/V1__supportkit_schema.sql",
                    "dev/supportkit/storage/jdbc/migration/h2/V3__catalog_records.sql",
                    "dev/supportkit/storage/jdbc/migration/postgresql/V3__catalog_records.sql",
                    "dev/supportkit/storage/jdbc/migration/mariadb/V3__catalog_records.sql")) {
                assertNotNull(file.getEntry(present), "missing " + present);
            }
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("dev/supportkit/api/")
                    || e.getName().startsWith("dev/supportkit/spi/") || e.getName().startsWith("org/slf4j/")),
                    "the engine provides the SupportKit API and SLF4J");
            assertEquals("dev.supportkit.storage.jdbc.JdbcStorageProviderFactory",
                    read(file, "META-INF/services/dev.supportkit.spi.storage.StorageProviderFactory").trim());
            String flywayPlugins = read(file, "META-INF/services/org.flywaydb.core.extensibility.Plugin");
            for (String databaseType : List.of("org.flywaydb.core.internal.database.h2.H2DatabaseType",
                    "org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
                    "org.flywaydb.database.mysql.mariadb.MariaDBDatabaseType")) {
                assertTrue(flywayPlugins.contains(databaseType), "Flyway's services lost " + databaseType);
            }
        }
    }

    @Test
    @DisplayName("loaded alone like the engine loads plugins, it stores data in H2 and PostgreSQL")
    void worksInAnIsolatedClassLoader() throws IOException {
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar.toUri().toURL()}, new EngineSide())) {
            StorageProviderFactory factory = ServiceLoader.load(StorageProviderFactory.class, plugin).findFirst()
                    .orElseThrow(() -> new AssertionError("no StorageProviderFactory in the plugin jar"));
            assertSame(plugin, factory.getClass().getClassLoader(), "the factory must come from the plugin jar");
            assertEquals("jdbc", factory.id());

            roundTrip(factory, Map.of("url", "jdbc:h2:mem:" + TestDatabase.randomName()));
            TestDatabase.Fresh postgres = TestDatabase.POSTGRES.create();
            try {
                roundTrip(factory, new HashMap<>(postgres.settings()));
            } finally {
                postgres.drop().run();
            }
        }
    }

    @Test
    @DisplayName("the plain jar, as a Maven dependency on the class path, lists the factory in META-INF/services")
    void plainJarIsFoundOnTheClassPath() {
        StorageProviderFactory factory = ServiceLoader.load(StorageProviderFactory.class, PluginJarIT.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(f -> f.id().equals("jdbc")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'jdbc' StorageProviderFactory on the class path"));
        assertEquals(JdbcStorageProviderFactory.class, factory.getClass());
        String location = factory.getClass().getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith(".jar"), "Failsafe tests the packaged plain jar, not classes: " + location);
        assertFalse(location.endsWith("-plugin.jar"), location);
    }

    @Test
    @DisplayName("the engine's PF4J discovery loads the jar from a plugins directory and finds the jdbc factory")
    void engineDiscoveryLoadsThePlugin(@TempDir Path plugins) throws IOException {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        try (DiscoveredProviders discovered = ProviderDiscovery.discover(Optional.of(plugins), new EngineSide())) {
            List<LoadedPlugin> loaded = discovered.plugins();
            assertEquals(1, loaded.size(), loaded.toString());
            assertEquals("supportkit-storage-jdbc", loaded.get(0).id());
            assertEquals(">=1.0.0 & <2.0.0", loaded.get(0).requires());
            List<DiscoveredFactory<StorageProviderFactory>> factories = discovered.storageProviders();
            assertEquals(1, factories.size(), factories.toString());
            assertEquals("jdbc", factories.get(0).id());
            assertFalse(factories.get(0).source().isClasspath(), "found in the plugin, not on the class path");
            roundTrip(factories.get(0).factory(), Map.of("url", "jdbc:h2:mem:" + TestDatabase.randomName()));
        }
    }

    private static void roundTrip(StorageProviderFactory factory, Map<String, String> settings) {
        TenantId tenant = StorageFixtures.tenant();
        Request stored = request(tenant, requestId());
        try (StorageProvider provider = factory.create(TestContext.of("node-plugin", settings))) {
            assertSame(factory.getClass().getClassLoader(), provider.getClass().getClassLoader());
            provider.inTransaction(tx -> {
                tx.insertRequest(stored);
                return null;
            });
            assertEquals(Optional.of(stored), provider.inTransaction(tx -> tx.findRequest(tenant, stored.id())));
        }
    }

    private static String read(JarFile file, String name) throws IOException {
        assertNotNull(file.getEntry(name), "missing " + name);
        try (InputStream in = file.getInputStream(file.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * An application class loader without this module or its dependencies: the JDK, the SupportKit API
     * and SPI, SLF4J and PF4J (which the engine brings). Nothing else.
     */
    private static final class EngineSide extends ClassLoader {
        private static final List<String> SHARED = List.of("dev.supportkit.api.", "dev.supportkit.spi.", "org.slf4j.",
                "org.pf4j.");

        EngineSide() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (SHARED.stream().anyMatch(name::startsWith)) {
                return PluginJarIT.class.getClassLoader().loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
