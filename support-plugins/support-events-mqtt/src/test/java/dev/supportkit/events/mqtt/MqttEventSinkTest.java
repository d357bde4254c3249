package dev.supportkit.events.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.quality.DeliveryStatus;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.spi.ProviderSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sink against the real MQTT broker at {@code SUPPORTKIT_TEST_MQTT_HOST}:{@code SUPPORTKIT_TEST_MQTT_PORT}
 * (default the local Mosquitto; in CI a missing broker fails these tests).
 */
class MqttEventSinkTest {
    static final String HOST = System.getenv().getOrDefault("SUPPORTKIT_TEST_MQTT_HOST", "127.0.0.1");
    static final String PORT = System.getenv().getOrDefault("SUPPORTKIT_TEST_MQTT_PORT", "1883");

    private final String prefix = "sktest/" + UUID.randomUUID();
    private final Queue<Mqtt5Publish> received = new ConcurrentLinkedQueue<>();
    private Mqtt5AsyncClient consumer;

    @BeforeEach
    void subscribe() throws Exception {
        consumer = Mqtt5Client.builder().identifier("sktest-" + UUID.randomUUID()).serverHost(HOST)
                .serverPort(Integer.parseInt(PORT)).buildAsync();
        consumer.connect().get(5, TimeUnit.SECONDS);
        consumer.subscribeWith().topicFilter(prefix + "/#").qos(MqttQos.AT_LEAST_ONCE).callback(received::add)
                .send().get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        consumer.disconnect().get(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("every journal entry arrives at QoS 1 on the request's topic, in order, as a CloudEvent with its id")
    void publishesEveryEntry() throws Exception {
        try (EngineFixture fx = new EngineFixture(Map.of("supportkit.providers.mqtt.host", HOST,
                "supportkit.providers.mqtt.port", PORT, "supportkit.providers.mqtt.topic-prefix", prefix))) {
            Request request = fx.registered(fx.draft().subject("АТС не отвечает"));
            fx.engine.intake().takeIntoWork(fx.operator, request.ref());
            for (int run = 0; run < 3; run++) {
                fx.engine.runDueWork();
            }
            List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, request.id());
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= journal.size());
            List<Mqtt5Publish> messages = List.copyOf(received);
            assertEquals(journal.size(), messages.size(), "one message per journal entry");
            for (int i = 0; i < messages.size(); i++) {
                Mqtt5Publish m = messages.get(i);
                assertEquals(prefix + "/" + fx.tenant.value() + "/" + request.id().value(), m.getTopic().toString());
                assertEquals(MqttQos.AT_LEAST_ONCE, m.getQos());
                Map<?, ?> cloudEvent = new ObjectMapper().readValue(m.getPayloadAsBytes(), Map.class);
                assertEquals("1.0", cloudEvent.get("specversion"));
                assertEquals(journal.get(i).occurredAt().toString(), cloudEvent.get("time"), "in journal order");
                String eventId = m.getUserProperties().asList().stream()
                        .filter(p -> p.getName().toString().equals("event-id")).findFirst().orElseThrow()
                        .getValue().toString();
                assertEquals(eventId, cloudEvent.get("id"));
            }
            assertTrue(new String(messages.get(0).getPayloadAsBytes(), StandardCharsets.UTF_8)
                    .contains("АТС не отвечает"), "Cyrillic intact");
        }
    }

    @ParameterizedTest(name = "max-in-flight {0}, nudge after {1} µs")
    @CsvSource({"20, 300", "1, 300", "20, 0", "5, 1"})
    @DisplayName("a request's waiting events go out as one batch (through the window, or one by one), each "
            + "acknowledged, and arrive in journal order")
    void batchArrivesInOrder(String maxInFlight, String nudgeAfterMicros) throws Exception {
        try (EngineFixture fx = new EngineFixture(Map.of("supportkit.providers.mqtt.host", HOST,
                "supportkit.providers.mqtt.port", PORT, "supportkit.providers.mqtt.topic-prefix", prefix,
                "supportkit.providers.mqtt.max-in-flight", maxInFlight,
                "supportkit.providers.mqtt.nudge-after-micros", nudgeAfterMicros))) {
            Request request = fx.registeredWithNotes(40);
            fx.runDueWorkUntilIdle();
            List<String> expected = fx.eventIds(request);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= expected.size());
            List<String> ids = received.stream().map(m -> m.getUserProperties().asList().stream()
                    .filter(p -> p.getName().toString().equals("event-id")).findFirst().orElseThrow()
                    .getValue().toString()).toList();
            assertEquals(expected, ids, "every entry once, in journal order");
        }
    }

    @Test
    @DisplayName("a broker that is down keeps the events in the outbox; bad settings are refused naming the key")
    void downAndBadSettings() {
        try (EngineFixture fx = new EngineFixture(Map.of("supportkit.providers.mqtt.host", HOST,
                "supportkit.providers.mqtt.port", "1", "supportkit.providers.mqtt.topic-prefix", prefix,
                "supportkit.providers.mqtt.publish-timeout-ms", "500"))) {
            Request request = fx.registered();
            fx.engine.runDueWork();
            var pending = fx.engine.quality().deliveries(fx.intakeLead, request.id()).stream()
                    .filter(d -> d.recipient().equals("sink:" + MqttEventSinkFactory.ID)).toList();
            assertFalse(pending.isEmpty());
            assertTrue(pending.stream().noneMatch(d -> d.status() == DeliveryStatus.DELIVERED));
        }
        assertTrue(received.isEmpty());
        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> MqttSettings.parse(
                new ProviderSettings(Map.of("host", "h", "topic-prefix", "events/#", "password", "secretpw"))));
        assertTrue(bad.getMessage().contains("supportkit.providers.mqtt.topic-prefix"), bad.getMessage());
        assertTrue(bad.getMessage().contains("supportkit.providers.mqtt.password"), bad.getMessage());
        assertFalse(bad.getMessage().contains("secretpw"));
        ConfigurationException window = assertThrows(ConfigurationException.class, () -> MqttSettings.parse(
                new ProviderSettings(Map.of("host", "h", "max-in-flight", "0", "nudge-after-micros", "2000000"))));
        assertTrue(window.getMessage().contains("supportkit.providers.mqtt.max-in-flight"), window.getMessage());
        assertTrue(window.getMessage().contains("supportkit.providers.mqtt.nudge-after-micros"), window.getMessage());
        MqttSettings defaults = MqttSettings.parse(new ProviderSettings(Map.of("host", "h")));
        assertEquals(20, defaults.maxInFlight());
        assertEquals(300, defaults.nudgeAfterMicros());
    }
}
