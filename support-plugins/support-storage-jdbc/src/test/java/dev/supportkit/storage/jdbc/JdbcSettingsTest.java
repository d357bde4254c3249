package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Settings: defaults, every problem reported at once, secrets taken out of URLs and never printed. */
class JdbcSettingsTest {
    private static final String SECRET = "hunter2-do-not-print";

    private static JdbcSettings parse(Map<String, String> values) {
        return JdbcSettings.parse(new ProviderSettings(values));
    }

    @Test
    @DisplayName("without settings: an H2 file database under ./data, pool of 10, migrate, 5 s timeout")
    void defaults() {
        JdbcSettings settings = parse(Map.of());
        String expectedFile = Path.of("./data").toAbsolutePath().normalize().resolve("supportkit").toString();
        assertEquals("jdbc:h2:file:" + expectedFile + ";DB_CLOSE_ON_EXIT=FALSE", settings.url().url());
        assertEquals(Dialect.H2, settings.url().dialect());
        assertEquals(Optional.of("sa"), settings.user());
        assertEquals(Optional.empty(), settings.password());
        assertEquals(10, settings.poolSize());
        assertEquals(JdbcSettings.SchemaMode.MIGRATE, settings.schemaMode());
        assertEquals(5000, settings.connectionTimeoutMs());
    }

    @Test
    @DisplayName("every bad setting is reported at once, each naming its key, the password never")
    void everyProblemAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(Map.of(
                "url", "jdbc:oracle:thin:@db:1521/x", "pool-size", "zero", "schema", "drop",
                "connection-timeout-ms", "10", "poolsize", "5", "password", SECRET)));
        List<String> problems = e.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("supportkit.providers.jdbc.poolsize: unknown setting"), problems.get(0));
        assertTrue(problems.contains("supportkit.providers.jdbc.url: must be a jdbc:h2:, jdbc:postgresql:, "
                + "jdbc:mariadb: or jdbc:mysql: URL, was 'jdbc:oracle:...'"), problems.toString());
        assertTrue(problems.contains("supportkit.providers.jdbc.pool-size: must be an integer of at least 1, was 'zero'"));
        assertTrue(problems.contains("supportkit.providers.jdbc.schema: must be 'migrate' or 'validate', was 'drop'"));
        assertTrue(problems.contains(
                "supportkit.providers.jdbc.connection-timeout-ms: must be an integer of at least 250, was '10'"));
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    @DisplayName("pool-size must be positive; a blank url is a problem, not the default")
    void poolSizeAndBlankUrl() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(Map.of("pool-size", "0", "url", " ")));
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertThrows(ConfigurationException.class, () -> parse(Map.of("pool-size", "-3")));
        assertEquals(3, parse(Map.of("pool-size", " 3 ")).poolSize());
    }

    @Test
    @DisplayName("password parameters leave the URL: password becomes the password, the rest driver properties")
    void passwordsAreTakenOutOfUrls() {
        JdbcSettings postgres = parse(Map.of("url", "jdbc:postgresql://db:5432/app?user=u&password=" + SECRET
                + "&sslpassword=other-" + SECRET + "&ssl=false"));
        assertEquals("jdbc:postgresql://db:5432/app?user=u&ssl=false", postgres.url().url());
        assertEquals(Optional.of(SECRET), postgres.password());
        assertEquals(Map.of("sslpassword", "other-" + SECRET), postgres.url().secretProps());

        JdbcSettings h2 = parse(Map.of("url", "jdbc:h2:mem:x;PASSWORD=" + SECRET + ";MODE=Regular"));
        assertEquals("jdbc:h2:mem:x;MODE=Regular", h2.url().url());
        assertEquals(Optional.of(SECRET), h2.password());

        JdbcSettings mysql = parse(Map.of("url", "jdbc:mysql://db/app?trustStorePassword=" + SECRET));
        assertEquals("jdbc:mysql://db/app?permitMysqlScheme", mysql.url().url());
        assertEquals(Dialect.MARIADB, mysql.url().dialect());

        for (JdbcSettings settings : List.of(postgres, h2, mysql)) {
            assertFalse(settings.toString().contains(SECRET), settings.toString());
            assertFalse(settings.url().toString().contains(SECRET));
        }
    }

    @Test
    @DisplayName("a password both in the URL and in the setting, or before the host, is refused without echoing it")
    void ambiguousPasswordsAreRefused() {
        ConfigurationException twice = assertThrows(ConfigurationException.class, () -> parse(Map.of(
                "url", "jdbc:mariadb://db/app?password=" + SECRET, "password", SECRET)));
        assertEquals(1, twice.problems().size());
        ConfigurationException userInfo = assertThrows(ConfigurationException.class, () -> parse(Map.of(
                "url", "jdbc:postgresql://admin:" + SECRET + "@db/app")));
        assertEquals(1, userInfo.problems().size());
        assertFalse(twice.getMessage().contains(SECRET));
        assertFalse(userInfo.getMessage().contains(SECRET));
    }

    @Test
    @DisplayName("scrub removes the password from any text")
    void scrub() {
        JdbcSettings settings = parse(Map.of("url", "jdbc:postgresql://db/app", "password", SECRET));
        assertEquals("auth failed for **** at db", settings.scrub("auth failed for " + SECRET + " at db"));
        assertTrue(settings.toString().contains("password=****"), settings.toString());
    }
}
