package dev.supportkit.events.nats;

import dev.supportkit.core.testing.BrokerRestartContract;
import dev.supportkit.core.testing.ServerProcess;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker-restart target against a NATS server with JetStream that this test starts itself (the installed
 * {@code nats-server}, as {@code .ci/run} starts the shared one, on a free port and its own store), stopped and
 * started again midway. The consumer is an ordered push consumer, which resumes after the last stream sequence
 * it saw when the server is back.
 */
class BrokerRestartIT extends BrokerRestartContract {
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String stream = "SKRESTART_" + suffix;
    private final String prefix = "skrestart." + suffix;
    private ServerProcess server;
    private Connection connection;

    @TempDir
    Path directory;

    @BeforeEach
    void server() throws IOException {
        int port = ServerProcess.freePort();
        server = new ServerProcess(List.of("nats-server", "-a", "127.0.0.1", "-p", Integer.toString(port), "-js",
                "-sd", directory.resolve("store").toString()), port, directory.resolve("nats.log"));
        server.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    private String url() {
        return "nats://127.0.0.1:" + server.port();
    }

    @Override
    protected Map<String, String> sinkSettings() {
        return Map.of("supportkit.providers.nats.servers", url(), "supportkit.providers.nats.stream", stream,
                "supportkit.providers.nats.subject-prefix", prefix, "supportkit.providers.nats.publish-timeout-ms",
                "2000");
    }

    @Override
    protected void startConsumer(Consumer<Received> received) throws Exception {
        connection = Nats.connect(new Options.Builder().server(url()).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(200)).build());
        connection.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream)
                .subjects(prefix + ".>").storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(10)).build());
        JetStream js = connection.jetStream();
        Dispatcher dispatcher = connection.createDispatcher();
        js.subscribe(prefix + ".>", dispatcher, message -> {
            try {
                received.accept(Received.of(message.getData()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, true, PushSubscribeOptions.builder().ordered(true).build());
    }

    @Override
    protected void stopConsumer() throws Exception {
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    protected ServerProcess ownServer() {
        return server;
    }
}
