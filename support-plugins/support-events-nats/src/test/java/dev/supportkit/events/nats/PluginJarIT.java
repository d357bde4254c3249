package dev.supportkit.events.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.core.testing.EventSinkPluginJarContract;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The PF4J plugin jar, loaded by the engine's discovery, publishing to the real NATS JetStream. */
class PluginJarIT extends EventSinkPluginJarContract {
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String stream = "SKPLUGIN_" + suffix;
    private Connection connection;
    private JetStreamManagement management;

    @Override
    protected String pluginId() {
        return "supportkit-events-nats";
    }

    @Override
    protected String factoryId() {
        return NatsEventSinkFactory.ID;
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/events/nats/NatsEventSinkFactory.class", "io/nats/client/Nats.class");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("servers", NatsEventSinkTest.URL, "stream", stream, "subject-prefix", "skplugin." + suffix);
    }

    @Override
    protected void listen() throws Exception {
        connection = Nats.connect(NatsEventSinkTest.URL);
        management = connection.jetStreamManagement();
    }

    @Override
    protected void assertArrived(DomainEvent event) throws Exception {
        MessageInfo stored = management.getMessage(stream, 1);
        assertEquals(event.eventId(), stored.getHeaders().getFirst("Nats-Msg-Id"));
    }

    @AfterEach
    void close() throws Exception {
        if (connection != null) {
            if (management.getStreamNames().contains(stream)) {
                management.deleteStream(stream);
            }
            connection.close();
        }
    }
}
