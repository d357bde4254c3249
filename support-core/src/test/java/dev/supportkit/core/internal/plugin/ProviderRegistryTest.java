package dev.supportkit.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderRegistryTest {
    @TempDir
    Path tmp;

    /** A factory with a given id and order; never asked to create anything here. */
    static final class StubFactory implements NotificationChannelFactory {
        private final String id;
        private final int order;

        StubFactory(String id, int order) {
            this.id = id;
            this.order = order;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public NotificationChannel create(ProviderContext context) {
            throw new UnsupportedOperationException("stub");
        }

        @Override
        public String toString() {
            return "StubFactory[" + id + ", " + order + "]";
        }
    }

    @Test
    void explicitRegistrationWinsOverDiscovered() {
        StubFactory explicit = new StubFactory("email", -100);
        StubFactory discovered = new StubFactory("email", 100);

        Map<String, NotificationChannelFactory> chosen =
                ProviderRegistry.resolve(List.of(explicit), List.of(discovered));

        assertEquals(Map.of("email", explicit), chosen);
        assertSame(explicit, chosen.get("email"));
    }

    @Test
    void theHighestOrderWinsAmongDiscovered() {
        StubFactory low = new StubFactory("sms", 1);
        StubFactory high = new StubFactory("sms", 5);
        StubFactory other = new StubFactory("webhook", 0);

        Map<String, NotificationChannelFactory> chosen =
                ProviderRegistry.resolve(List.of(), List.of(low, other, high));

        assertSame(high, chosen.get("sms"));
        assertSame(other, chosen.get("webhook"));
        assertEquals(List.of("sms", "webhook"), new ArrayList<>(chosen.keySet()), "sorted by id");
        assertThrows(UnsupportedOperationException.class, () -> chosen.put("x", low));
    }

    @Test
    void onAFullTieTheOneListedFirstWins() {
        StubFactory first = new StubFactory("sms", 0);
        StubFactory second = new StubFactory("sms", 0);

        assertSame(first, ProviderRegistry.resolve(List.of(), List.of(first, second)).get("sms"));
        assertSame(second, ProviderRegistry.resolve(List.of(), List.of(second, first)).get("sms"));
    }

    @Test
    void explicitAndDiscoveredWithDifferentIdsAreAllKept() {
        StubFactory explicit = new StubFactory("a", 0);
        StubFactory discovered = new StubFactory("b", 0);

        assertEquals(Map.of("a", explicit, "b", discovered),
                ProviderRegistry.resolve(List.of(explicit), List.of(discovered)));
        assertTrue(ProviderRegistry.resolve(List.<NotificationChannelFactory>of(), List.of()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Email", "-sms", "", "web hook", "sms_1", "émail"})
    void rejectsAnInvalidId(String id) {
        StubFactory bad = new StubFactory(id, 0);

        ConfigurationException discovered = assertThrows(ConfigurationException.class,
                () -> ProviderRegistry.resolve(List.of(), List.of(bad)));
        assertEquals(1, discovered.problems().size());
        assertTrue(discovered.problems().get(0).contains("invalid id '" + id + "'"), discovered.getMessage());
        assertTrue(discovered.problems().get(0).contains("[a-z0-9][a-z0-9-]*"), discovered.getMessage());

        ConfigurationException explicit = assertThrows(ConfigurationException.class,
                () -> ProviderRegistry.resolve(List.of(bad), List.of()));
        assertTrue(explicit.problems().get(0).contains("registered explicitly"), explicit.getMessage());
    }

    @Test
    void rejectsANullIdAndListsEveryProblem() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderRegistry.resolve(List.of(new StubFactory(null, 0)), List.of(new StubFactory("X", 0))));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains("invalid id null"), e.getMessage());
    }

    @Test
    void acceptsValidIds() {
        for (String id : List.of("a", "0", "jdbc", "e-mail", "crm-2", "a--b", "x-")) {
            assertTrue(ProviderRegistry.isValidId(id), id);
        }
        assertFalse(ProviderRegistry.isValidId(null));
    }

    @Test
    void rejectsTheSameIdRegisteredExplicitlyTwice() {
        StubFactory one = new StubFactory("email", 0);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderRegistry.resolve(List.of(one, new StubFactory("email", 1)), List.of()));
        assertTrue(e.problems().get(0).contains("'email' is registered explicitly more than once"), e.getMessage());
        // The same instance twice is not a conflict.
        assertSame(one, ProviderRegistry.resolve(List.of(one, one), List.of()).get("email"));
    }

    @Test
    void onATieAClassPathFactoryWinsOverAPluginOne() throws IOException {
        Path classes = TestPluginJars.compileEchoPlugin(tmp.resolve("work"), TestClasspathEchoChannelFactory.ID);
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        TestPluginJars.jar(plugins.resolve("shadow.jar"), classes,
                TestPluginJars.manifest("shadow", "1.0.0", "^1.0.0"), true);

        try (DiscoveredProviders found = ProviderDiscovery.discover(Optional.of(plugins),
                ProviderRegistryTest.class.getClassLoader())) {
            List<NotificationChannelFactory> same = new ArrayList<>(found.factories(NotificationChannelFactory.class)
                    .stream().filter(f -> f.id().equals(TestClasspathEchoChannelFactory.ID)).toList());
            assertEquals(2, same.size(), same.toString());

            for (int i = 0; i < 2; i++) {
                NotificationChannelFactory chosen = ProviderRegistry.resolve(List.of(), same)
                        .get(TestClasspathEchoChannelFactory.ID);
                assertEquals(TestClasspathEchoChannelFactory.class, chosen.getClass());
                assertEquals(ProviderSource.classpath(), ProviderSource.of(chosen.getClass()));
                Collections.reverse(same);
            }
            NotificationChannelFactory plugin = same.stream()
                    .filter(f -> f.getClass() != TestClasspathEchoChannelFactory.class).findFirst().orElseThrow();
            assertEquals(ProviderSource.plugin("shadow", "1.0.0"), ProviderSource.of(plugin.getClass()));
        }
    }
}
