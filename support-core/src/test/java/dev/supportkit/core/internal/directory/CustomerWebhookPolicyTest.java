package dev.supportkit.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.Channel;
import dev.supportkit.core.testing.EngineFixture;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A customer cannot point the service's webhook requests at the service's own network. */
class CustomerWebhookPolicyTest {
    private static final List<String> LOCAL = List.of("http://127.0.0.1:5432/", "http://localhost:8080/hook",
            "http://10.1.2.3/hook", "http://172.20.0.5/hook", "http://192.168.1.1/hook",
            "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://[fd00::1]/hook",
            "http://100.64.0.1/hook", "http://0.0.0.0/hook", "http://db.internal/hook");

    private static DeliveryPreferences webhooks(EngineFixture fx, List<String> urls) {
        return new DeliveryPreferences(fx.rep.value(), urls.stream().map(u -> new ContactPoint(Channel.WEBHOOK, u))
                .toList(), null, Locale.ENGLISH);
    }

    @Test
    @DisplayName("loopback, private, link-local, shared and local names are refused for a customer, each by field")
    void localAddressesRefused() {
        try (EngineFixture fx = new EngineFixture()) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> fx.engine.directory().savePreferences(fx.customer, webhooks(fx, LOCAL)));
            assertEquals(LOCAL.size(), e.errors().size(), e.errors().toString());
            for (int i = 0; i < LOCAL.size(); i++) {
                FieldError error = e.errors().get(i);
                assertEquals("preferences.contactPoints[" + i + "].address", error.field());
                assertEquals("public-address", error.rule(), error.toString());
            }
            assertTrue(fx.engine.directory().preferences(fx.customer, fx.rep.value()).isEmpty(), "nothing saved");
        }
    }

    @Test
    @DisplayName("a public address is accepted from a customer; an administrator may set an internal one")
    void publicAndAdministrator() {
        try (EngineFixture fx = new EngineFixture()) {
            fx.engine.directory().savePreferences(fx.customer, webhooks(fx, List.of("https://93.184.216.34/hook")));
            fx.engine.directory().savePreferences(fx.admin, webhooks(fx, List.of("http://127.0.0.1:9000/hook")));
            assertEquals("http://127.0.0.1:9000/hook", fx.engine.directory().preferences(fx.customer, fx.rep.value())
                    .orElseThrow().contactPoints().get(0).address());
        }
    }

    @Test
    @DisplayName("customer-webhooks = any lets a customer set any http(s) URL; a bad value is a configuration error")
    void configurable() {
        try (EngineFixture fx = new EngineFixture(Map.of("supportkit.notifications.customer-webhooks", "any"))) {
            fx.engine.directory().savePreferences(fx.customer, webhooks(fx, List.of("http://127.0.0.1:9000/hook")));
        }
        var e = assertThrows(dev.supportkit.api.error.ConfigurationException.class,
                () -> new EngineFixture(Map.of("supportkit.notifications.customer-webhooks", "some")));
        assertTrue(e.getMessage().contains("supportkit.notifications.customer-webhooks: must be public or any"),
                e.getMessage());
    }
}
