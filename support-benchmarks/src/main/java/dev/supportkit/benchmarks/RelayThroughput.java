package dev.supportkit.benchmarks;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.work.Note;
import dev.supportkit.events.mqtt.MqttEventSinkFactory;
import dev.supportkit.events.nats.NatsEventSinkFactory;
import dev.supportkit.events.rabbitmq.RabbitMqEventSinkFactory;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.EventSinkFactory;
import dev.supportkit.spi.event.PartiallyPublishedException;
import dev.supportkit.spi.settings.Setting;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relaying events from the outbox to each broker (issue 18): five requests are registered and their first events
 * relayed (the sink connects outside the measured run, as the plain loop's client does), 1,000 journalled
 * changes of each are written, one request after the other (the relay idle), then the engine's dispatcher relays
 * the 5,000 events through the broker's event sink ({@code runDueWork()} until idle) and the events per second
 * are compared with what the same client publishes in a plain loop, the same number of documents of the same
 * size, with the same guarantee per message (publisher confirm, JetStream acknowledgement, MQTT PUBACK), measured
 * in the same run, after as many unmeasured warm-up rounds of both as measured ones. Target: at least 0.5 of the
 * plain loop. Brokers as the tests find them: {@code SUPPORTKIT_TEST_RABBITMQ_URI},
 * {@code SUPPORTKIT_TEST_NATS_URL}, {@code SUPPORTKIT_TEST_MQTT_HOST}/{@code _PORT}, by default the local ones;
 * {@code SUPPORTKIT_BENCH_BROKERS} (a comma-separated list) runs only some of them.
 */
final class RelayThroughput {
    private static final Logger LOG = LoggerFactory.getLogger(RelayThroughput.class);
    static final double TARGET = 0.5;
    static final int EVENTS_PER_REQUEST = 1_000;
    /** Requests relayed per round: a round of 5,000 events takes about a second, long enough to be steady. */
    static final int REQUESTS = 5;
    private static final String RABBIT = env("SUPPORTKIT_TEST_RABBITMQ_URI", "amqp://guest:guest@127.0.0.1:5672");
    private static final String NATS = env("SUPPORTKIT_TEST_NATS_URL", "nats://127.0.0.1:4222");
    private static final String MQTT_HOST = env("SUPPORTKIT_TEST_MQTT_HOST", "127.0.0.1");
    private static final int MQTT_PORT = Integer.parseInt(env("SUPPORTKIT_TEST_MQTT_PORT", "1883"));

    private RelayThroughput() {
    }

    /** One broker: the sink's factory, its settings, and the plain loop to compare with. */
    private record Broker(String name, EventSinkFactory factory, Map<String, String> settings, PlainLoop plain) {
    }

    /** Publishes {@code count} messages of a size in a plain loop, each confirmed; returns messages per second. */
    @FunctionalInterface
    private interface PlainLoop {
        double run(int count, byte[] body) throws Exception;
    }

    static List<Result> run(Settings settings) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Broker> brokers = List.of(
                new Broker("rabbitmq", new RabbitMqEventSinkFactory(), Map.of("uri", RABBIT, "exchange",
                        "skbench.relay." + run), (count, body) -> rabbit(count, body, "skbench.plain." + run)),
                new Broker("nats", new NatsEventSinkFactory(), Map.of("servers", NATS, "stream", "SKBENCH_RELAY_"
                        + run, "subject-prefix", "skbench.relay." + run), (count, body) -> nats(count, body, run)),
                new Broker("mqtt", new MqttEventSinkFactory(), Map.of("host", MQTT_HOST, "port",
                        Integer.toString(MQTT_PORT), "topic-prefix", "skbench/relay/" + run),
                        (count, body) -> mqtt(count, body, "skbench/plain/" + run)));
        List<Result> results = new ArrayList<>();
        int rounds = Math.max(1, settings.rounds());
        // SUPPORTKIT_BENCH_BROKERS (e.g. "mqtt" or "rabbitmq,nats") runs only those brokers
        List<String> only = List.of(env("SUPPORTKIT_BENCH_BROKERS", "rabbitmq,nats,mqtt").split(","));
        for (Broker broker : brokers.stream().filter(b -> only.contains(b.name())).toList()) {
            double relay = 0;
            double plain = 0;
            // as many unmeasured warm-up rounds of both sides as measured ones: the JIT compiles both sides' code
            // first (one round of 1,000 events left the relay's longer path still being compiled)
            for (int round = -rounds; round < rounds; round++) {
                Relayed relayed = relay(broker, round == 0);
                // the same number of messages of the same size, in a plain loop, right after
                double plainRate = broker.plain().run(relayed.events(), relayed.sample());
                if (round < 0) {
                    LOG.info(String.format(Locale.ROOT, "relay %s warm-up %d: %.0f/s relayed, %.0f/s plain",
                            broker.name(), rounds + round + 1, relayed.rate(), plainRate));
                    continue;
                }
                LOG.info(String.format(Locale.ROOT, "relay %s round %d: %d events, %.0f/s relayed, %.0f/s plain",
                        broker.name(), round + 1, relayed.events(), relayed.rate(), plainRate));
                relay += relayed.rate();
                plain += plainRate;
            }
            relay /= rounds;
            plain /= rounds;
            results.add(new Result("relay-" + broker.name() + "-1000-events-per-request", "events/s", relay, plain,
                    relay / plain, String.format(Locale.ROOT, "ratio >= %.1f", TARGET), relay / plain >= TARGET,
                    "the same client publishing the same number of CloudEvents documents of the same size in a plain "
                            + "loop, each " + guarantee(broker.name())));
        }
        return results;
    }

    private static String guarantee(String broker) {
        return switch (broker) {
            case "rabbitmq" -> "confirmed by the broker (publisher confirms, persistent)";
            case "nats" -> "acknowledged by JetStream (with Nats-Msg-Id)";
            default -> "acknowledged by PUBACK (QoS 1)";
        };
    }

    /** What one relay run gave: the events relayed, per second, and one event's document for the plain loop. */
    private record Relayed(int events, double rate, byte[] sample) {
    }

    private static Relayed relay(Broker broker, boolean first) throws Exception {
        CountingFactory counting = new CountingFactory(broker.factory());
        Map<String, String> engineSettings = new java.util.LinkedHashMap<>();
        broker.settings().forEach((k, v) -> engineSettings.put("supportkit.providers." + broker.factory().id() + "."
                + k, v));
        try (BenchDatabase db = new BenchDatabase("relay_" + broker.name());
             Fixture fx = new Fixture(db, 4, engineSettings, builder -> builder.eventSink(counting))) {
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                requests.add(fx.engine.intake().registerContact(fx.operator, Fixture.contact()));
            }
            // The registrations' events relayed first: the sink connects (and declares its exchange or stream)
            // outside the measured run, as the plain loop does.
            while (!fx.engine.runDueWork().idle()) {
                // relay until the outbox is empty
            }
            counting.published.set(0);
            // 1,000 journalled changes of each request, one request after the other: each has 1,000 events
            // waiting in the outbox; nothing relayed yet.
            for (Request request : requests) {
                for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
                    request = fx.engine.work().addNote(fx.operator, request.ref(), Note.of("Checked the trunk log, "
                            + "step " + request.journalSequence() + ": no alarms; waiting for the carrier's answer."));
                }
            }
            long started = System.nanoTime();
            while (!fx.engine.runDueWork().idle()) {
                // relay until the outbox is empty
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int events = (int) counting.published.get();
            if (events < REQUESTS * EVENTS_PER_REQUEST) {
                throw new IllegalStateException(broker.name() + ": only " + events + " of "
                        + REQUESTS * EVENTS_PER_REQUEST + " events were relayed");
            }
            if (first) {
                LOG.info("relay {}: sample event {} bytes", broker.name(), counting.sampleSize());
            }
            return new Relayed(events, events / seconds, counting.sample());
        }
    }

    private static double rabbit(int count, byte[] body, String exchange) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(RABBIT);
        try (Connection connection = factory.newConnection("skbench-plain"); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, false, true, null);
            channel.confirmSelect();
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().deliveryMode(2)
                        .contentType("application/cloudevents+json").messageId(UUID.randomUUID().toString()).build();
                channel.basicPublish(exchange, "bench.Noted", properties, body);
                channel.waitForConfirmsOrDie(5_000);
            }
            return count / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static double nats(int count, byte[] body, String run) throws Exception {
        io.nats.client.Connection connection = Nats.connect(NATS);
        try {
            JetStreamManagement management = connection.jetStreamManagement();
            String stream = "SKBENCH_PLAIN_" + run;
            String subject = "skbench.plain." + run;
            management.addStream(StreamConfiguration.builder().name(stream).subjects(subject + ".>")
                    .storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(10)).build());
            try {
                JetStream js = connection.jetStream();
                long started = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    js.publish(subject + ".bench.Noted", null, body, PublishOptions.builder()
                            .messageId(UUID.randomUUID().toString()).stream(stream).build());
                }
                return count / ((System.nanoTime() - started) / 1e9);
            } finally {
                try {
                    management.deleteStream(stream);
                } catch (JetStreamApiException e) {
                    LOG.warn("could not delete stream {}: {}", stream, e.getMessage());
                }
            }
        } finally {
            connection.close();
        }
    }

    private static double mqtt(int count, byte[] body, String topic) {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("skbench-plain-" + UUID.randomUUID())
                .serverHost(MQTT_HOST).serverPort(MQTT_PORT).buildBlocking();
        client.connectWith().cleanStart(true).send();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                client.publishWith().topic(topic + "/" + (i % 10)).qos(MqttQos.AT_LEAST_ONCE).payload(body)
                        .contentType("application/cloudevents+json").send();
            }
            return count / ((System.nanoTime() - started) / 1e9);
        } finally {
            client.disconnect();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The broker's own factory, its sink wrapped to count publishes and keep one event's document size; batches
     * go to the sink's own {@link EventSink#publishAll}.
     */
    private static final class CountingFactory implements EventSinkFactory {
        private final EventSinkFactory delegate;
        final AtomicLong published = new AtomicLong();
        private volatile byte[] sample;

        CountingFactory(EventSinkFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public List<Setting<?>> settings() {
            return delegate.settings();
        }

        @Override
        public EventSink create(ProviderContext context) {
            EventSink sink = delegate.create(context);
            return new EventSink() {
                @Override
                public void publish(DomainEvent event) {
                    sink.publish(event);
                    published.incrementAndGet();
                    keepSample(event);
                }

                @Override
                public void publishAll(List<DomainEvent> events) {
                    try {
                        sink.publishAll(events);
                    } catch (PartiallyPublishedException e) {
                        published.addAndGet(e.acknowledged());
                        throw e;
                    }
                    published.addAndGet(events.size());
                    keepSample(events.get(0));
                }

                private void keepSample(DomainEvent event) {
                    if (sample == null) {
                        sample = dev.supportkit.spi.event.CloudEvents.toJson(event, context.codec())
                                .getBytes(StandardCharsets.UTF_8);
                    }
                }

                @Override
                public void close() {
                    sink.close();
                }
            };
        }

        byte[] sample() {
            return sample == null ? new byte[600] : sample;
        }

        int sampleSize() {
            return sample().length;
        }
    }
}
