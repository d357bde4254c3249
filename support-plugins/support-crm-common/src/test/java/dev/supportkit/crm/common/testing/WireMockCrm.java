package dev.supportkit.crm.common.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.supportkit.core.testing.CrmAdapterContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every fake CRM on WireMock shares: a server on a free loopback port whose calls below one path pattern go to
 * the fake's response transformer, the objects it holds by kind and id, and the faults every contract test
 * provokes: every third call answered with the CRM's rate-limit error, and the outages of
 * {@link CrmAdapterContract.Outage} (503 on every call, connections refused, answers too slow). A fake extends it and
 * implements {@link #transform}; {@link #reset()} empties it and ends an outage.
 */
public abstract class WireMockCrm implements ResponseDefinitionTransformerV2 {
    /** JSON for the fakes. */
    protected static final ObjectMapper JSON = new ObjectMapper();
    /** How long a {@link CrmAdapterContract.Outage#SLOW} answer takes. */
    public static final int SLOW_MS = (int) CrmAdapterContract.SLOW_ANSWER.toMillis();

    /** Kind (deal, contacts, …) → id → object, in the order added. */
    public final Map<String, Map<String, ObjectNode>> objects = new ConcurrentHashMap<>();
    /** The ids the fake hands out. */
    protected final AtomicInteger ids;
    /** The WireMock server. */
    public final WireMockServer server;
    private final String name;
    private final String paths;
    /** Whether the next comment the fake stores has its answer lost (a 502 from the front server instead). */
    private final java.util.concurrent.atomic.AtomicBoolean loseNextComment =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** During a refused outage: a loopback port nothing listens on, which {@link #baseUrl()} then names. */
    private volatile int refusedPort;

    /**
     * Starts the server; the subclass's constructor ends with {@link #reset()} (its own fields exist by then).
     *
     * @param name    the transformer's name
     * @param paths   the URL paths the fake answers, a regular expression, e.g. {@code /crm/.*}
     * @param firstId the id before the first one handed out
     * @param threads WireMock's request threads
     */
    protected WireMockCrm(String name, String paths, int firstId, int threads) {
        this.name = name;
        this.paths = paths;
        this.ids = new AtomicInteger(firstId);
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(threads)
                .extensions(this));
        server.start();
    }

    /** Empties the fake and its stubs, and ends an outage. */
    public final synchronized void reset() {
        refusedPort = 0;
        loseNextComment.set(false);
        objects.clear();
        cleared();
        server.resetAll();
        server.stubFor(any(urlPathMatching(paths)).atPriority(10).willReturn(aResponse().withTransformers(name)));
    }

    /** Called by {@link #reset()} after the objects are gone: the fake forgets its own state. */
    protected void cleared() {
    }

    /** @return {@code http://127.0.0.1:<port>}, during a refused outage a port nothing listens on */
    public String baseUrl() {
        int refused = refusedPort;
        return "http://127.0.0.1:" + (refused == 0 ? server.port() : refused);
    }

    /**
     * Stores an object under a fresh id.
     *
     * @param kind    its kind
     * @param fields  its fields (copied)
     * @param idField the field the id is written to
     * @param numeric whether the id is written as a number
     * @return the id
     */
    protected synchronized String store(String kind, ObjectNode fields, String idField, boolean numeric) {
        String id = Integer.toString(ids.incrementAndGet());
        ObjectNode stored = fields.deepCopy();
        if (numeric) {
            stored.put(idField, Long.parseLong(id));
        } else {
            stored.put(idField, id);
        }
        objects.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(id, stored);
        return id;
    }

    /**
     * @param kind a kind
     * @return its objects, in the order added
     */
    public List<ObjectNode> all(String kind) {
        return new ArrayList<>(objects.getOrDefault(kind, Map.of()).values());
    }

    /**
     * Makes every third call answer with the CRM's rate-limit error from now on (a scenario cycling through three
     * states ahead of the fake's own stub); the other calls reach the fake.
     *
     * @param limited the rate-limit answer
     */
    public void everyThirdCall(ResponseDefinitionBuilder limited) {
        String[] states = {Scenario.STARTED, "second", "third"};
        for (int i = 0; i < states.length; i++) {
            var stub = any(urlPathMatching(paths)).atPriority(1).inScenario("rate-limit")
                    .whenScenarioStateIs(states[i]).willSetStateTo(states[(i + 1) % states.length]);
            server.stubFor(i < 2 ? stub.willReturn(aResponse().withTransformers(name)) : stub.willReturn(limited));
        }
    }

    /**
     * Makes the CRM fail from now on until {@link #reset()}, a 503 being the front server's HTML page. A refused
     * outage concerns the adapters created afterwards (their settings read {@link #baseUrl()}).
     *
     * @param outage how
     */
    public void outage(CrmAdapterContract.Outage outage) {
        outage(outage, aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"));
    }

    /**
     * Makes the CRM fail from now on until {@link #reset()}.
     *
     * @param outage      how
     * @param unavailable the CRM's 503 answer
     */
    public void outage(CrmAdapterContract.Outage outage, ResponseDefinitionBuilder unavailable) {
        switch (outage) {
            case UNAVAILABLE -> server.stubFor(any(urlPathMatching(".*")).atPriority(1).willReturn(unavailable));
            case REFUSED -> refusedPort = freePort();
            case SLOW -> server.stubFor(any(urlPathMatching(".*")).atPriority(1).willReturn(WireMock.okJson("{}")
                    .withFixedDelay(SLOW_MS)));
            default -> throw new IllegalArgumentException(outage.toString());
        }
    }

    /** The next comment is stored, but its answer is lost: the client sees a 502 as if the CRM never answered. */
    public void loseNextCommentAnswer() {
        loseNextComment.set(true);
    }

    /**
     * The answer to a comment the fake just stored: as given, or a 502 once after {@link #loseNextCommentAnswer()}.
     *
     * @param stored the answer
     * @return the answer the client gets
     */
    protected ResponseDefinition commentStored(ResponseDefinition stored) {
        if (loseNextComment.getAndSet(false)) {
            return aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>").build();
        }
        return stored;
    }

    /** A loopback port that was free a moment ago: nothing listens on it. */
    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A JSON answer.
     *
     * @param status      the HTTP status
     * @param body        the body
     * @param contentType its content type
     * @return the answer
     */
    protected static ResponseDefinition answer(int status, JsonNode body, String contentType) {
        return aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body.toString())
                .build();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Stops the server. */
    public void shutdown() {
        server.stop();
    }
}
