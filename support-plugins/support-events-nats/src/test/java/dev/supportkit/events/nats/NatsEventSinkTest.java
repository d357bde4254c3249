package dev.supportkit.events.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.quality.DeliveryStatus;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.event.PartiallyPublishedException;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
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
 * The sink against the real NATS server with JetStream of {@code SUPPORTKIT_TEST_NATS_URL} (default the local
 * one; in CI a missing server fails these tests).
 */
class NatsEventSinkTest {
    static final String URL = System.getenv().getOrDefault("SUPPORTKIT_TEST_NATS_URL", "nats://127.0.0.1:4222");

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String stream = "SKTEST_" + suffix;
    private final String prefix = "sktest." + suffix;
    private Connection connection;
    private JetStreamManagement management;

    @BeforeEach
    void connect() throws Exception {
        connection = Nats.connect(URL);
        management = connection.jetStreamManagement();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (management.getStreamNames().contains(stream)) {
            management.deleteStream(stream);
        }
        connection.close();
    }

    private Map<String, String> settings() {
        return Map.of("supportkit.providers.nats.servers", URL, "supportkit.providers.nats.stream", stream,
                "supportkit.providers.nats.subject-prefix", prefix);
    }

    private List<MessageInfo> stored() throws Exception {
        long count = management.getStreamInfo(stream).getStreamState().getMsgCount();
        List<MessageInfo> messages = new ArrayList<>();
        for (long seq = 1; seq <= count; seq++) {
            messages.add(management.getMessage(stream, seq));
        }
        return messages;
    }

    @Test
    @DisplayName("every journal entry arrives once, in order, as a CloudEvent whose id is the Nats-Msg-Id")
    void publishesEveryEntryOnce() throws Exception {
        try (EngineFixture fx = new EngineFixture(settings())) {
            Request request = fx.registered(fx.draft().subject("АТС не отвечает"));
            fx.engine.intake().takeIntoWork(fx.operator, request.ref());
            for (int run = 0; run < 3; run++) {
                fx.engine.runDueWork();
            }
            List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, request.id());
            List<MessageInfo> mine = new ArrayList<>();
            for (MessageInfo m : stored()) {
                if (request.id().value().equals(m.getHeaders().getFirst("request"))) {
                    mine.add(m);
                }
            }
            assertEquals(journal.size(), mine.size(), "one message per journal entry");
            for (int i = 0; i < mine.size(); i++) {
                MessageInfo m = mine.get(i);
                Map<?, ?> cloudEvent = new ObjectMapper().readValue(m.getData(), Map.class);
                assertEquals("1.0", cloudEvent.get("specversion"));
                assertEquals(m.getHeaders().getFirst("Nats-Msg-Id"), cloudEvent.get("id"));
                assertEquals(prefix + "." + fx.tenant.value() + "." + journal.get(i).event().getClass().getSimpleName(),
                        m.getSubject());
                assertEquals(journal.get(i).occurredAt().toString(), cloudEvent.get("time"), "in journal order");
            }
            assertTrue(new String(mine.get(0).getData(), StandardCharsets.UTF_8).contains("АТС не отвечает"));
        }
    }

    @Test
    @DisplayName("a request's waiting events go out as one batch, each acknowledged, stored in journal order")
    void batchStoredInOrder() throws Exception {
        try (EngineFixture fx = new EngineFixture(settings())) {
            Request request = fx.registeredWithNotes(40);
            fx.runDueWorkUntilIdle();
            List<String> expected = fx.eventIds(request);
            List<String> ids = new ArrayList<>();
            for (MessageInfo m : stored()) {
                if (request.id().value().equals(m.getHeaders().getFirst("request"))) {
                    ids.add(m.getHeaders().getFirst("Nats-Msg-Id"));
                }
            }
            assertEquals(expected, ids, "every entry once, in journal order");

            List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, request.id());
            List<DomainEvent> again = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                again.add(new DomainEvent(expected.get(i), fx.tenant, request.id(), request.version(),
                        journal.get(i).function().code(), journal.get(i)));
            }
            long before = management.getStreamInfo(stream).getStreamState().getMsgCount();
            try (NatsEventSink sink = new NatsEventSink(NatsSettings.parse(new ProviderSettings(Map.of("servers",
                    URL, "stream", stream, "subject-prefix", prefix))), new JacksonCodec())) {
                sink.publishAll(again);
            }
            assertEquals(before, management.getStreamInfo(stream).getStreamState().getMsgCount(),
                    "a batch sent again is acknowledged and dropped by id");
            try (NatsEventSink down = new NatsEventSink(NatsSettings.parse(new ProviderSettings(Map.of("servers",
                    "nats://user:secretpw@127.0.0.1:1", "stream", stream, "publish-timeout-ms", "300"))),
                    new JacksonCodec())) {
                PartiallyPublishedException failed = assertThrows(PartiallyPublishedException.class,
                        () -> down.publishAll(again));
                assertEquals(0, failed.acknowledged(), "none acknowledged");
                assertFalse(failed.getMessage().contains("secretpw"), failed.getMessage());
            }
        }
    }

    @Test
    @DisplayName("publishing an event again (a retry) is dropped by the server by its id")
    void repeatsAreDropped() throws Exception {
        try (EngineFixture fx = new EngineFixture(settings())) {
            Request request = fx.registered();
            for (int run = 0; run < 3; run++) {
                fx.engine.runDueWork();
            }
            long before = management.getStreamInfo(stream).getStreamState().getMsgCount();
            JournalEntry first = fx.engine.journal().entries(fx.auditor, request.id()).get(0);
            DomainEvent again = new DomainEvent(new ObjectMapper().readValue(stored().get(0).getData(), Map.class)
                    .get("id").toString(), fx.tenant, request.id(), request.version(), first.function().code(), first);
            try (NatsEventSink sink = new NatsEventSink(NatsSettings.parse(new ProviderSettings(Map.of("servers", URL,
                    "stream", stream, "subject-prefix", prefix))), new JacksonCodec())) {
                sink.publish(again);
            }
            assertEquals(before, management.getStreamInfo(stream).getStreamState().getMsgCount());
        }
    }

    @Test
    @DisplayName("a server that is down keeps the events in the outbox; bad settings are refused without echoing secrets")
    void downAndBadSettings() {
        try (EngineFixture fx = new EngineFixture(Map.of("supportkit.providers.nats.servers",
                "nats://user:secretpw@127.0.0.1:1", "supportkit.providers.nats.stream", stream,
                "supportkit.providers.nats.publish-timeout-ms", "300"))) {
            Request request = fx.registered();
            fx.engine.runDueWork();
            var pending = fx.engine.quality().deliveries(fx.intakeLead, request.id()).stream()
                    .filter(d -> d.recipient().equals("sink:" + NatsEventSinkFactory.ID)).toList();
            assertFalse(pending.isEmpty());
            assertTrue(pending.stream().noneMatch(d -> d.status() == DeliveryStatus.DELIVERED));
            assertTrue(pending.stream().allMatch(d -> d.lastOutcome().map(o -> !o.contains("secretpw")).orElse(true)));
        }
        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> NatsSettings.parse(
                new ProviderSettings(Map.of("servers", "http://user:secretpw@host", "stream", "bad name"))));
        assertTrue(bad.getMessage().contains("supportkit.providers.nats.servers"), bad.getMessage());
        assertTrue(bad.getMessage().contains("supportkit.providers.nats.stream"), bad.getMessage());
        assertFalse(bad.getMessage().contains("secretpw"));
    }
}
