package dev.supportkit.notify.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.NetworkAddresses;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a notification as one signed JSON POST. HTTP/1.1, no redirects followed. The detail names
 * the receiver by its origin only ({@code scheme://host:port}): paths and queries of webhook URLs often
 * carry tokens.
 *
 * <p>The host is resolved once per delivery; with {@code allowed-targets=public} every address must be public,
 * and the POST connects to exactly the addresses that were checked ({@link PinnedPost}), never resolving the
 * name again, so a name that answers with a public address for the check and a local one afterwards (DNS
 * rebinding) cannot reach the service's own network.
 */
final class WebhookChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);
    /** How much of an error response's body goes into the detail. */
    static final int SNIPPET_BYTES = 200;

    private final WebhookSettings settings;
    private final Clock clock;
    private final Resolver resolver;
    private final PinnedPost post;
    private final ObjectMapper json = new ObjectMapper();
    /** Runs each POST, so a delivery can stop waiting for a response that trickles in. */
    private final ExecutorService posts = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "supportkit-webhook");
        thread.setDaemon(true);
        return thread;
    });

    /** Resolves a host name to its addresses: the system's resolver, or a test's. */
    @FunctionalInterface
    interface Resolver {
        /**
         * @param host the URL's host
         * @return its addresses, at least one
         * @throws UnknownHostException when it has none
         */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * @param settings the validated settings
     * @param clock    the engine's clock
     */
    WebhookChannel(WebhookSettings settings, Clock clock) {
        this(settings, clock, InetAddress::getAllByName, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /**
     * @param settings the validated settings
     * @param clock    the engine's clock
     * @param resolver resolves the URL's host, once per delivery
     * @param tls      makes the TLS layer for https
     */
    WebhookChannel(WebhookSettings settings, Clock clock, Resolver resolver, SSLSocketFactory tls) {
        this.settings = settings;
        this.clock = clock;
        this.resolver = resolver;
        this.post = new PinnedPost(tls, settings.timeoutMs());
    }

    @Override
    public Channel channel() {
        return settings.channel();
    }

    /**
     * Checks the addresses the host resolved to now, at delivery, so a name that pointed to a public address
     * when it was saved and to the service's own network later is refused too.
     */
    private Optional<DeliveryResult> refusedTarget(InetAddress[] addresses, String origin) {
        for (InetAddress address : addresses) {
            if (!NetworkAddresses.isPublic(address)) {
                return Optional.of(result(Outcome.PERMANENT_FAILURE, origin + " resolves to "
                        + address.getHostAddress() + ", a loopback, private or other local address; "
                        + WebhookSettings.PREFIX + WebhookSettings.ALLOWED_TARGETS.name() + "=public allows public "
                        + "addresses only"));
            }
        }
        return Optional.empty();
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        URI uri;
        try {
            uri = target(notification.address());
        } catch (IllegalArgumentException e) {
            return result(Outcome.PERMANENT_FAILURE, "invalid webhook URL: " + e.getMessage());
        }
        String origin = origin(uri);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return result(Outcome.TEMPORARY_FAILURE, "unknown host in " + origin);
        }
        if (addresses == null || addresses.length == 0) {
            return result(Outcome.TEMPORARY_FAILURE, "unknown host in " + origin);
        }
        if (settings.targets() == WebhookSettings.Targets.PUBLIC) {
            Optional<DeliveryResult> refused = refusedTarget(addresses, origin);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        Instant now = clock.instant();
        String body;
        try {
            body = body(notification, now);
        } catch (JsonProcessingException e) {
            return result(Outcome.PERMANENT_FAILURE, "cannot write the JSON body: " + e.getOriginalMessage());
        }
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", settings.userAgent());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(settings.secret(), timestamp, body));
        String key = notification.idempotencyKey();
        if (key != null && !key.isBlank()) {
            headers.put(WebhookSignature.IDEMPOTENCY_KEY_HEADER, key);
        }
        try {
            PinnedPost.head(uri, headers, 0);
        } catch (IllegalArgumentException e) {
            return result(Outcome.PERMANENT_FAILURE, "invalid webhook request to " + origin + ": " + e.getMessage());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        AtomicReference<Socket> open = new AtomicReference<>();
        Future<PinnedPost.Response> pending = posts.submit(() -> postToChecked(uri, addresses, headers, bytes, open));
        PinnedPost.Response response;
        long waitMs = 2L * settings.timeoutMs() + 1_000;
        try {
            // connect and every read are bounded by the timeout; this only guards against a trickling response
            response = pending.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return failure(origin, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            stop(pending, open);
            return result(Outcome.TEMPORARY_FAILURE, "no complete response from " + origin + " within " + waitMs
                    + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(pending, open);
            return result(Outcome.TEMPORARY_FAILURE, "interrupted while posting to " + origin);
        }
        return classify(origin, response);
    }

    /**
     * Posts to the checked addresses in turn until one accepts the connection; a failure after connecting is
     * final (the request may have been received).
     */
    private PinnedPost.Response postToChecked(URI uri, InetAddress[] addresses, Map<String, String> headers,
                                              byte[] body, AtomicReference<Socket> open) throws IOException {
        IOException unreachable = null;
        for (InetAddress address : addresses) {
            try {
                return post.post(uri, address, headers, body, SNIPPET_BYTES, open);
            } catch (ConnectException | NoRouteToHostException | PinnedPost.ConnectTimeoutException e) {
                unreachable = e;
            }
        }
        throw unreachable;
    }

    private static void stop(Future<?> pending, AtomicReference<Socket> open) {
        pending.cancel(true);
        Socket socket = open.get();
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing only unblocks the reader
            }
        }
    }

    private DeliveryResult classify(String origin, PinnedPost.Response response) {
        int status = response.status();
        String detail = "HTTP " + status + " from " + origin;
        if (status >= 200 && status < 300) {
            return result(Outcome.DELIVERED, detail);
        }
        String snippet = snippet(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            String retryAfter = response.retryAfter()
                    .map(v -> " (Retry-After: " + printable(v, 40) + ")").orElse("");
            return result(Outcome.TEMPORARY_FAILURE, detail + retryAfter + snippet);
        }
        if (status >= 300 && status < 400) {
            return result(Outcome.PERMANENT_FAILURE, detail + ": redirects are not followed; configure the final URL"
                    + snippet);
        }
        return result(Outcome.PERMANENT_FAILURE, detail + snippet);
    }

    private DeliveryResult failure(String origin, Throwable cause) {
        if (cause instanceof PinnedPost.ConnectTimeoutException) {
            return result(Outcome.TEMPORARY_FAILURE, "cannot connect to " + origin + ": no connection within "
                    + settings.timeoutMs() + " ms");
        }
        if (cause instanceof SocketTimeoutException) {
            return result(Outcome.TEMPORARY_FAILURE, "no response from " + origin + " within " + settings.timeoutMs()
                    + " ms");
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return result(Outcome.TEMPORARY_FAILURE, "cannot connect to " + origin + ": " + reason);
        }
        if (cause instanceof SSLException) {
            return result(Outcome.TEMPORARY_FAILURE, "TLS with " + origin + " failed: " + cause.getMessage());
        }
        if (cause instanceof IOException) {
            return result(Outcome.TEMPORARY_FAILURE, "posting to " + origin + " failed: " + cause.getClass()
                    .getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        return result(Outcome.TEMPORARY_FAILURE, "posting to " + origin + " failed: " + cause);
    }

    /** The JSON body: the notification and the time it was sent, from the engine's clock. */
    private String body(Notification notification, Instant now) throws JsonProcessingException {
        ObjectNode node = json.createObjectNode();
        node.put("idempotencyKey", notification.idempotencyKey());
        node.put("tenant", notification.tenant() == null ? null : notification.tenant().value());
        node.put("subject", notification.subject());
        node.put("body", notification.body());
        node.put("locale", notification.locale() == null ? null : notification.locale().toLanguageTag());
        node.put("sentAt", now.toString());
        return json.writeValueAsString(node);
    }

    /**
     * Checks the address: an absolute http or https URL with a host.
     *
     * @throws IllegalArgumentException saying why not, without echoing the address
     */
    static URI target(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("the address is empty");
        }
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(scheme.isEmpty() ? "not an absolute URL"
                    : "scheme '" + printable(scheme, 20) + "' is not http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("no host in the " + scheme + " URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("credentials in the URL are not supported; the request is signed");
        }
        return uri;
    }

    /** {@code scheme://host[:port]}: how details name the receiver. */
    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return ": " + printable(body, SNIPPET_BYTES);
    }

    /** One line of printable text, at most {@code max} characters. */
    private static String printable(String text, int max) {
        String line = text.strip().replaceAll("[\\p{Cntrl}\\s]+", " ");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }

    private DeliveryResult result(Outcome outcome, String detail) {
        String safe = detail.replace(settings.secret(), "****");
        if (outcome == Outcome.DELIVERED) {
            LOG.debug("Webhook delivered: {}", safe);
        } else {
            LOG.warn("Webhook not delivered ({}): {}", outcome, safe);
        }
        return new DeliveryResult(outcome, safe);
    }

    @Override
    public String toString() {
        return "WebhookChannel[" + settings + "]";
    }
}
