package dev.supportkit.events.rabbitmq;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import dev.supportkit.core.testing.BrokerRestartContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The broker-restart target against the machine's RabbitMQ ({@code SUPPORTKIT_TEST_RABBITMQ_URI}), stopped with
 * {@code rabbitmqctl stop_app} and started with {@code rabbitmqctl start_app} midway (the node's process keeps
 * running; other tests using the broker see a few seconds' outage, and the broker is started again whatever
 * happens). The consumer reads a durable queue bound to the sink's exchange, acknowledging each message after
 * taking it; the client's automatic recovery reconnects it, and messages it had not acknowledged come again
 * (duplicates the consumer drops by id).
 */
class BrokerRestartIT extends BrokerRestartContract {
    private final String exchange = "supportkit.restart." + UUID.randomUUID();
    private final String queue = "supportkit.restart.queue." + UUID.randomUUID();
    private Connection connection;

    @Override
    protected Map<String, String> sinkSettings() {
        return Map.of("supportkit.providers.rabbitmq.uri", RabbitMqEventSinkTest.URI,
                "supportkit.providers.rabbitmq.exchange", exchange, "supportkit.providers.rabbitmq.confirm-timeout-ms",
                "2000");
    }

    @Override
    protected void startConsumer(Consumer<Received> received) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(RabbitMqEventSinkTest.URI);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(500);
        connection = factory.newConnection("supportkit-restart-consumer");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        channel.queueDeclare(queue, true, false, false, null);
        channel.queueBind(queue, exchange, "#");
        DeliverCallback deliver = (tag, message) -> {
            try {
                received.accept(Received.of(message.getBody()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
        };
        channel.basicConsume(queue, false, deliver, tag -> { });
    }

    @Override
    protected void stopConsumer() throws Exception {
        if (connection != null) {
            await().atMost(Duration.ofSeconds(30)).until(connection::isOpen);
            try (Channel channel = connection.createChannel()) {
                channel.queueDelete(queue);
                channel.exchangeDelete(exchange);
            }
            connection.close();
        }
    }

    @Override
    protected void stopBroker() throws Exception {
        rabbitmqctl("stop_app");
    }

    @Override
    protected void startBroker() throws Exception {
        rabbitmqctl("start_app");
        URI uri = URI.create(RabbitMqEventSinkTest.URI);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5672 : uri.getPort()), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static void rabbitmqctl(String command) throws Exception {
        Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
        }
    }
}
