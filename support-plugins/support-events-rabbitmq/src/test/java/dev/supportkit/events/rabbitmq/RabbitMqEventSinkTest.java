package dev.supportkit.events.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.quality.DeliveryStatus;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.testing.EngineFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The sink against the real RabbitMQ of {@code SUPPORTKIT_TEST_RABBITMQ_URI} (default the local broker; in CI
 * a missing broker fails these tests): one persistent, confirmed message per journal entry, found by the engine
 * through {@code META-INF/services} from its settings alone.
 */
class RabbitMqEventSinkTest {
    static final String URI = System.getenv().getOrDefault("SUPPORTKIT_TEST_RABBITMQ_URI",
            "amqp://guest:guest@127.0.0.1:5672");

    private final String exchange = "supportkit.test." + UUID.randomUUID();
    private Connection connection;
    private Channel channel;
    private String queue;

    @BeforeEach
    void consumer() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI);
        connection = factory.newConnection("supportkit-test-consumer");
        channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        queue = channel.queueDeclare().getQueue(); // exclusive, auto-delete
        channel.queueBind(queue, exchange, "#");
    }

    @AfterEach
    void close() throws Exception {
        channel.exchangeDelete(exchange);
        connection.close();
    }

    private List<GetResponse> drain() throws Exception {
        List<GetResponse> messages = new ArrayList<>();
        for (GetResponse m = channel.basicGet(queue, true); m != null; m = channel.basicGet(queue, true)) {
            messages.add(m);
        }
        return messages;
    }

    @Test
    @DisplayName("every journal entry of a request arrives once, in order, as persistent JSON keyed by its event id")
    void publishesEveryEntry() throws Exception {
        try (EngineFixture fx = new EngineFixture(Map.of("supportkit.providers.rabbitmq.uri", URI,
                "supportkit.providers.rabbitmq.exchange", exchange))) {
            Request request = fx.registered(fx.draft().subject("АТС не отвечает"));
            request = fx.engine.intake().takeIntoWork(fx.operator, request.ref());
            for (int run = 0; run < 3; run++) {
                fx.engine.runDueWork(); // deliveries journal entries whose events the next run publishes
            }

            List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, request.id());
            List<GetResponse> messages = drain();
            List<GetResponse> mine = messages.stream().filter(m -> m.getProps().getHeaders().get("request")
                    .toString().equals(journal.get(0).request().value())).toList();
            assertEquals(journal.size(), mine.size(), "one message per journal entry");
            for (int i = 0; i < mine.size(); i++) {
                GetResponse m = mine.get(i);
                String body = new String(m.getBody(), StandardCharsets.UTF_8);
                assertEquals(2, m.getProps().getDeliveryMode(), "persistent");
                assertEquals("application/cloudevents+json", m.getProps().getContentType());
                Map<?, ?> cloudEvent = new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
                assertEquals("1.0", cloudEvent.get("specversion"));
                assertEquals(m.getProps().getMessageId(), cloudEvent.get("id"), "the event id, stable across retries");
                assertEquals("dev.supportkit.request." + journal.get(i).event().getClass().getSimpleName(),
                        cloudEvent.get("type"));
                assertEquals(journal.get(i).request().value(), cloudEvent.get("subject"));
                assertEquals("urn:supportkit:" + fx.tenant.value(), cloudEvent.get("source"));
                assertEquals(journal.get(i).occurredAt().toString(), cloudEvent.get("time"));
                assertEquals(journal.get(i).function().code(), ((Map<?, ?>) cloudEvent.get("data")).get("laborFunction"));
                assertEquals(fx.tenant.value() + "." + journal.get(i).event().getClass().getSimpleName(),
                        m.getEnvelope().getRoutingKey());
                assertTrue(body.contains("\"sequence\":" + journal.get(i).sequence()), body);
                assertFalse(m.getProps().getMessageId().isBlank());
            }
            assertTrue(new String(mine.get(0).getBody(), StandardCharsets.UTF_8).contains("АТС не отвечает"),
                    "Cyrillic intact");
            assertEquals(mine.size(), mine.stream().map(m -> m.getProps().getMessageId()).distinct().count());
        }
    }

    @Test
    @DisplayName("a request's waiting events go out as one confirmed batch and arrive once each, in journal order")
    void batchArrivesInOrder() throws Exception {
        try (EngineFixture fx = new EngineFixture(Map.of("supportkit.providers.rabbitmq.uri", URI,
                "supportkit.providers.rabbitmq.exchange", exchange))) {
            Request request = fx.registeredWithNotes(40);
            fx.runDueWorkUntilIdle();
            List<String> expected = fx.eventIds(request);
            String id = request.id().value();
            assertEquals(expected, drain().stream().filter(m -> m.getProps().getHeaders().get("request").toString()
                    .equals(id)).map(m -> m.getProps().getMessageId()).toList(), "every entry once, in journal order");
        }
    }

    @Test
    @DisplayName("a broker that is down fails the publish; the engine keeps the event and delivers it later")
    void brokerDownKeepsTheEvent() throws Exception { // nothing listens on port 1
        try (EngineFixture fx = new EngineFixture(Map.of("supportkit.providers.rabbitmq.uri",
                "amqp://guest:guest@127.0.0.1:1", "supportkit.providers.rabbitmq.exchange", exchange,
                "supportkit.providers.rabbitmq.confirm-timeout-ms", "500"))) {
            Request request = fx.registered();
            fx.engine.runDueWork();
            List<Delivery> pending = fx.engine.quality().deliveries(fx.intakeLead, request.id()).stream()
                    .filter(d -> d.recipient().equals("sink:" + RabbitMqEventSinkFactory.ID)).toList();
            assertFalse(pending.isEmpty(), "the event is in the outbox");
            assertTrue(pending.stream().noneMatch(d -> d.status() == DeliveryStatus.DELIVERED));
            assertTrue(pending.stream().allMatch(d -> d.lastOutcome().map(o -> !o.contains("guest:guest"))
                    .orElse(true)), "the URI's password never appears in an outcome");
        }
        assertEquals(List.of(), drain());
    }

    @Test
    @DisplayName("bad settings are refused at start naming the key; the URI is never echoed")
    void badSettings() {
        ConfigurationException wrongScheme = assertThrows(ConfigurationException.class, () -> RabbitMqSettings.parse(
                new dev.supportkit.spi.ProviderSettings(Map.of("uri", "http://guest:secretpw@host"))));
        assertTrue(wrongScheme.getMessage().contains("supportkit.providers.rabbitmq.uri"), wrongScheme.getMessage());
        assertFalse(wrongScheme.getMessage().contains("secretpw"), wrongScheme.getMessage());
        assertFalse(RabbitMqSettings.parse(new dev.supportkit.spi.ProviderSettings(Map.of("uri",
                "amqp://guest:secretpw@host"))).toString().contains("secretpw"));
    }
}
