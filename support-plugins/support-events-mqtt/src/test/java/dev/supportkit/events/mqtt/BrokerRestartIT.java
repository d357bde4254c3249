package dev.supportkit.events.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import dev.supportkit.core.testing.BrokerRestartContract;
import dev.supportkit.core.testing.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker-restart target against a Mosquitto this test starts itself (the installed {@code mosquitto} with
 * persistence, on a free port and its own store), stopped (SIGTERM: it saves its sessions) and started again
 * midway. The consumer keeps a persistent session (no clean start, a session expiry), so QoS 1 messages published
 * while it reconnects wait for it (up to {@code max_queued_messages}, raised here from Mosquitto's 1,000), and it
 * reconnects by itself.
 */
class BrokerRestartIT extends BrokerRestartContract {
    private final String prefix = "skrestart/" + UUID.randomUUID();
    private ServerProcess server;
    private Mqtt5AsyncClient consumer;

    @TempDir
    Path directory;

    @BeforeEach
    void server() throws IOException {
        int port = ServerProcess.freePort();
        Path store = Files.createDirectories(directory.resolve("store"));
        // Started as root, Mosquitto drops to its own user: it must be able to write its store there.
        for (Path path : List.of(directory, store)) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Path conf = directory.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence true\n"
                + "persistence_location " + store + "/\n"
                // Mosquitto keeps at most 1,000 QoS 1 messages for a disconnected client by default and drops the
                // rest: a consumer that must see every event sizes this to the longest outage it rides out.
                + "max_queued_messages 100000\n");
        server = new ServerProcess(List.of("mosquitto", "-c", conf.toString()), port, directory.resolve("mosquitto.log"));
        server.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    @Override
    protected Map<String, String> sinkSettings() {
        return Map.of("supportkit.providers.mqtt.host", "127.0.0.1", "supportkit.providers.mqtt.port",
                Integer.toString(server.port()), "supportkit.providers.mqtt.topic-prefix", prefix,
                "supportkit.providers.mqtt.publish-timeout-ms", "2000");
    }

    @Override
    protected void startConsumer(Consumer<Received> received) throws Exception {
        consumer = Mqtt5Client.builder().identifier("skrestart-" + UUID.randomUUID()).serverHost("127.0.0.1")
                .serverPort(server.port()).automaticReconnectWithDefaultConfig().buildAsync();
        consumer.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().get(10, TimeUnit.SECONDS);
        consumer.subscribeWith().topicFilter(prefix + "/#").qos(MqttQos.AT_LEAST_ONCE).callback(message -> {
            try {
                received.accept(Received.of(message.getPayloadAsBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).send().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected void stopConsumer() throws Exception {
        if (consumer != null) {
            consumer.disconnect().get(10, TimeUnit.SECONDS);
        }
    }

    @Override
    protected ServerProcess ownServer() {
        return server;
    }
}
