package dev.supportkit.core.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.work.Note;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's broker target, for each broker event sink: every event of 500 request lives arrives, per request in
 * order, across a broker restart in the middle of the relay, with duplicates only where the protocol allows and
 * the consumer dropping them by event id. The lives are written first; a relay thread then runs the engine's
 * due work (advancing the engine clock when idle, so retried events come due); once a share of the events has
 * arrived the broker is stopped, kept down while the relay keeps failing, and started again; the test waits for
 * every event. A subclass names its sink's settings, reads its broker with a consumer that survives the restart,
 * and stops and starts the broker; it must leave the broker running whatever happens.
 */
public abstract class BrokerRestartContract {
    /** How many request lives. */
    protected static final int LIVES = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One message as the consumer read it.
     *
     * @param eventId  the event id (CloudEvents {@code id})
     * @param request  the request id (CloudEvents {@code subject})
     * @param sequence the journal entry's sequence in its request
     */
    protected record Received(String eventId, String request, long sequence) {
        /**
         * Reads a CloudEvents JSON document.
         *
         * @param body the message body
         * @return what the check needs of it
         * @throws IOException when the body is no CloudEvents document
         */
        public static Received of(byte[] body) throws IOException {
            JsonNode node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            return new Received(node.get("id").asText(), node.get("subject").asText(),
                    node.get("data").get("entry").get("sequence").asLong());
        }
    }

    /** @return the sink's engine settings, full keys ({@code supportkit.providers.<id>.*}) */
    protected abstract Map<String, String> sinkSettings();

    /**
     * Starts a consumer that survives a broker restart and hands every message it reads to {@code received}.
     *
     * @param received where messages go, in the order read
     * @throws Exception when it cannot start
     */
    protected abstract void startConsumer(java.util.function.Consumer<Received> received) throws Exception;

    /**
     * Stops the consumer.
     *
     * @throws Exception when closing fails
     */
    protected abstract void stopConsumer() throws Exception;

    /**
     * The broker server this test started itself ({@link ServerProcess}), which the default
     * {@link #stopBroker()} and {@link #startBroker()} stop and start by its own process handle.
     *
     * @return the server; the default has none, so a subclass overrides this or both of those
     */
    protected ServerProcess ownServer() {
        throw new UnsupportedOperationException("override ownServer(), or stopBroker() and startBroker()");
    }

    /**
     * Stops the broker.
     *
     * @throws Exception when it cannot be stopped
     */
    protected void stopBroker() throws Exception {
        ownServer().stop();
    }

    /**
     * Starts the broker again and returns once it takes connections.
     *
     * @throws Exception when it cannot be started
     */
    protected void startBroker() throws Exception {
        ownServer().start();
    }

    @Test
    @DisplayName("every event of 500 request lives arrives, per request in order, across a broker restart midway")
    void everyEventAcrossARestart() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(sinkSettings());
        settings.put("supportkit.notifications.max-attempts", "1000");
        settings.put("supportkit.jobs.poll-interval-ms", "20"); // the engine's own worker relays
        settings.put("supportkit.notifications.backoff-initial-seconds", "1");
        settings.put("supportkit.notifications.backoff-max-seconds", "5");
        List<DomainEvent> expected = new CopyOnWriteArrayList<>();
        Map<String, List<Received>> arrivals = new ConcurrentHashMap<>();
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        List<Received> all = new CopyOnWriteArrayList<>();
        startConsumer(r -> {
            all.add(r);
            if (distinct.add(r.eventId())) { // drop repeats by id, as every consumer must
                arrivals.computeIfAbsent(r.request(), k -> new CopyOnWriteArrayList<>()).add(r);
            }
        });
        boolean stopped = false;
        try (EngineFixture fx = new EngineFixture(settings, builder -> builder.eventListener(expected::add))) {
            // The engine's own worker relays (every 20 ms) while the lives are written; each poll of a wait moves
            // the engine clock a second, so that events retried with back-off come due.
            java.util.function.BooleanSupplier tick = () -> {
                fx.clock.advance(Duration.ofSeconds(1));
                return true;
            };
            for (int life = 0; life < LIVES / 2; life++) {
                live(fx, life);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> tick.getAsBoolean() && distinct.size() >= LIVES / 5);
            stopBroker();
            stopped = true;
            int atStop = distinct.size();
            for (int life = LIVES / 2; life < LIVES; life++) {
                live(fx, life); // commands go on while the broker is down
            }
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(tick::getAsBoolean);
            startBroker();
            stopped = false;
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                tick.getAsBoolean();
                Set<String> missing = new java.util.HashSet<>(ids(expected));
                missing.removeAll(distinct);
                assertTrue(expected.size() >= 3 * LIVES && missing.isEmpty() && distinct.size() == expected.size(),
                        () -> expected.size() + " events journalled, " + distinct.size() + " arrived ("
                                + all.size() + " messages), " + missing.size() + " missing, " + atStop
                                + " had arrived when the broker stopped");
            });
            assertTrue(atStop < distinct.size(), "the broker was restarted in the middle: " + atStop + " of "
                    + distinct.size() + " events had arrived");
            Map<String, List<Long>> sequences = new HashMap<>();
            for (DomainEvent event : expected) {
                sequences.computeIfAbsent(event.request().value(), k -> new ArrayList<>()).add(event.entry().sequence());
            }
            assertEquals(LIVES, sequences.size());
            for (Map.Entry<String, List<Long>> request : sequences.entrySet()) {
                List<Long> arrived = arrivals.getOrDefault(request.getKey(), List.of()).stream()
                        .map(Received::sequence).toList();
                List<Long> inOrder = request.getValue().stream().sorted().toList();
                assertEquals(inOrder, arrived, "request " + request.getKey() + ": every event once, in order");
            }
            org.slf4j.LoggerFactory.getLogger(BrokerRestartContract.class).info(
                    "broker restart: {} events, {} messages read ({} repeats dropped by id)",
                    distinct.size(), all.size(), all.size() - distinct.size());
        } finally {
            if (stopped) {
                startBroker();
            }
            stopConsumer();
        }
    }

    private static void live(EngineFixture fx, int life) {
        Request request = fx.registered(fx.draft().subject("Life " + life));
        request = fx.engine.intake().takeIntoWork(fx.operator, request.ref());
        fx.engine.work().addNote(fx.operator, request.ref(), Note.of("Checked the trunk, life " + life));
    }

    private static List<String> ids(List<DomainEvent> events) {
        return events.stream().map(DomainEvent::eventId).toList();
    }
}
