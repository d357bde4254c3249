package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.resolution.InstalledUnit;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.FailureScenario;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The failure register's scenario (twenty failures over three models and four causes, counted with
 * {@code GROUP BY} in the database) checked against the same hand count as on the in-memory store, on H2,
 * PostgreSQL and MariaDB.
 */
class FailureRegisterOnDatabasesTest {
    private TestDatabase.Fresh database;

    @AfterEach
    void drop() {
        if (database != null) {
            database.drop().run();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    @DisplayName("counts per model, component and cause and MTBF per model match the hand count")
    void failureRegisterMatchesTheHandCount(TestDatabase server) {
        database = server.create();
        try (EngineFixture fx = new EngineFixture(database.engineSettings())) {
            FailureScenario.Outcome outcome = FailureScenario.runAndCheck(fx);
            List<InstalledUnit> registered = outcome.units().stream().sorted(Comparator
                    .comparing((InstalledUnit u) -> u.system().value())
                    .thenComparing(u -> u.component().map(ComponentId::value).orElse(""))).toList();
            assertEquals(registered, fx.engine.resolution().installedUnits(fx.auditor, Optional.empty()),
                    "the installed base reads back as registered, in system and component order");
            assertEquals(1, fx.engine.resolution().failureCauses(fx.engineer).version());
        }
    }
}
