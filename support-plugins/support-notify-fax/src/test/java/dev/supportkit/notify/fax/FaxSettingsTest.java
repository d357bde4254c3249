package dev.supportkit.notify.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.notify.fax.testing.TestContext;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FaxSettingsTest {
    private static final String P = "supportkit.providers.fax.";

    @Test
    @DisplayName("every bad key at once: gateway, SMTP keys and unknown keys, each by its full name")
    void reportsEveryProblemAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new FaxChannelFactory().create(
                TestContext.of(Map.of("gateway", "{number}@fax.test", "security", "starttls-please", "port", "0",
                        "password", "pw-secret-1"))));
        assertEquals(List.of(
                P + "gateway: unknown setting (known: connect-timeout-ms, from, gateway-address, host, password, "
                        + "port, security, timeout-ms, trust, username)",
                P + "gateway-address: required: the gateway's address with {number} where the fax number's digits go, "
                        + "e.g. {number}@efax.provider.ru",
                P + "host: required: the SMTP server's host name, e.g. smtp.example.com",
                P + "security: must be 'starttls', 'ssl' or 'none', was 'starttls-please'",
                P + "port: must be an integer from 1 to 65535, was '0'",
                P + "username: required when " + P + "password is set (SMTP AUTH needs both)",
                P + "from: required: the sender address, e.g. 'Support <help@example.com>'"), e.problems());
        assertFalse(e.getMessage().contains("pw-secret-1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fax@efax.provider.ru | must contain {number} once, before the '@'",
            "{number}@{number}.ru | must contain {number} once, before the '@'",
            "fax@{number}.provider.ru | must contain {number} once, before the '@'",
            "{number} | must contain {number} once, before the '@'",
            "{number}@ | does not make an e-mail address",
            "{number}@bad domain.ru | does not make an e-mail address",
            "Fax <{number}@efax.provider.ru> | must be a bare address without a display name"})
    @DisplayName("a gateway template must put {number} once in the local part of a bare address")
    void badGatewayTemplates(String template, String problem) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new FaxChannelFactory().create(
                TestContext.of(Map.of("gateway-address", template, "host", "smtp.example.com",
                        "from", "fax@example.com"))));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith(P + "gateway-address: "), e.problems().toString());
        assertTrue(e.problems().get(0).contains(problem), e.problems().toString());
    }

    @Test
    @DisplayName("good templates, defaults, a masked password; the factory is 'fax' and in META-INF/services")
    void goodSettings() {
        for (String template : List.of("{number}@efax.provider.ru", "fax.{number}.pin1234@gw.example.com")) {
            new FaxChannelFactory().create(TestContext.of(Map.of("gateway-address", template,
                    "host", "smtp.example.com", "from", "fax@example.com")));
        }
        NotificationChannel channel = new FaxChannelFactory().create(TestContext.of(Map.of(
                "gateway-address", "{number}@efax.provider.ru", "host", "smtp.example.com", "from", "fax@example.com",
                "username", "fax-user", "password", "pw-secret-2")));
        assertEquals("FaxChannel[gateway={number}@efax.provider.ru, SmtpSettings[host=smtp.example.com, port=587, "
                + "security=starttls, username=fax-user, password=****, from=fax@example.com, connectTimeoutMs=10000, "
                + "timeoutMs=10000, trust=(none)]]", channel.toString());
        assertEquals("fax", new FaxChannelFactory().id());
        // Only "contains": in a reactor run that stops before package (mvn test), Maven resolves the email
        // module's smtp jar to its classes directory, service file included. PluginJarIT checks the real jars.
        assertTrue(ServiceLoader.load(NotificationChannelFactory.class).stream()
                .anyMatch(p -> p.type() == FaxChannelFactory.class));
    }
}
