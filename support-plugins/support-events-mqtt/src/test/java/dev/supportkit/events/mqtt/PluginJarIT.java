package dev.supportkit.events.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.core.testing.EventSinkPluginJarContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/** The PF4J plugin jar, loaded by the engine's discovery, publishing to the real MQTT broker. */
class PluginJarIT extends EventSinkPluginJarContract {
    private final String prefix = "skplugin/" + UUID.randomUUID();
    private final Queue<Mqtt5Publish> received = new ConcurrentLinkedQueue<>();
    private Mqtt5AsyncClient consumer;

    @Override
    protected String pluginId() {
        return "supportkit-events-mqtt";
    }

    @Override
    protected String factoryId() {
        return MqttEventSinkFactory.ID;
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/events/mqtt/MqttEventSinkFactory.class",
                "com/hivemq/client/mqtt/mqtt5/Mqtt5Client.class");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("host", MqttEventSinkTest.HOST, "port", MqttEventSinkTest.PORT, "topic-prefix", prefix);
    }

    @Override
    protected void listen() throws Exception {
        consumer = Mqtt5Client.builder().identifier("skplugin-" + UUID.randomUUID()).serverHost(MqttEventSinkTest.HOST)
                .serverPort(Integer.parseInt(MqttEventSinkTest.PORT)).buildAsync();
        consumer.connect().get(5, TimeUnit.SECONDS);
        consumer.subscribeWith().topicFilter(prefix + "/#").qos(MqttQos.AT_LEAST_ONCE).callback(received::add)
                .send().get(5, TimeUnit.SECONDS);
    }

    @Override
    protected void assertArrived(DomainEvent event) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        String id = received.peek().getUserProperties().asList().stream()
                .filter(p -> p.getName().toString().equals("event-id")).findFirst().orElseThrow().getValue().toString();
        assertEquals(event.eventId(), id);
    }

    @AfterEach
    void close() throws Exception {
        if (consumer != null) {
            consumer.disconnect().get(5, TimeUnit.SECONDS);
        }
    }
}
