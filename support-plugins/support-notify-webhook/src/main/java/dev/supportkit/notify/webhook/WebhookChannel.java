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
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a notification as one signed JSON POST. HTTP/1.1, no redirects followed. The detail names
 * the receiver by its origin only ({@code scheme://host:port}): paths and queries of webhook URLs often
 * carry tokens.
 */
final class WebhookChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);
    /** How much of an error response's body goes into the detail. */
    static final int SNIPPET_BYTES = 200;

    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param settings the validated settings
     * @param clock    the engine's clock
     */
    WebhookChannel(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(settings.timeoutMs()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public Channel channel() {
        return settings.channel();
    }

    /**
     * Resolves the host now, at delivery, so a name that pointed to a public address when it was saved and
     * to the service's own network later (DNS rebinding) is refused too.
     */
    private Optional<DeliveryResult> refusedTarget(URI uri, String origin) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of(result(Outcome.TEMPORARY_FAILURE, "unknown host in " + origin));
        }
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
        if (settings.targets() == WebhookSettings.Targets.PUBLIC) {
            Optional<DeliveryResult> refused = refusedTarget(uri, origin);
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
        CompletableFuture<HttpResponse<String>> pending;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMillis(settings.timeoutMs()))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", settings.userAgent())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(settings.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            String key = notification.idempotencyKey();
            if (key != null && !key.isBlank()) {
                request.header(WebhookSignature.IDEMPOTENCY_KEY_HEADER, key);
            }
            pending = client.sendAsync(request.build(),
                    info -> new LimitedBody(info.statusCode() / 100 == 2 ? 0 : SNIPPET_BYTES));
        } catch (IllegalArgumentException e) {
            return result(Outcome.PERMANENT_FAILURE, "invalid webhook request to " + origin + ": " + e.getMessage());
        }
        HttpResponse<String> response;
        try {
            // the request timeout bounds connect and response; this only guards against a stalled body
            response = pending.get(2L * settings.timeoutMs() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return failure(origin, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            pending.cancel(true);
            return result(Outcome.TEMPORARY_FAILURE, "no complete response from " + origin + " within "
                    + (2L * settings.timeoutMs() + 1_000) + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return result(Outcome.TEMPORARY_FAILURE, "interrupted while posting to " + origin);
        }
        return classify(origin, response);
    }

    private DeliveryResult classify(String origin, HttpResponse<String> response) {
        int status = response.statusCode();
        String detail = "HTTP " + status + " from " + origin;
        if (status >= 200 && status < 300) {
            return result(Outcome.DELIVERED, detail);
        }
        String snippet = snippet(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            String retryAfter = response.headers().firstValue("Retry-After")
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
        if (cause instanceof HttpConnectTimeoutException) {
            return result(Outcome.TEMPORARY_FAILURE, "cannot connect to " + origin + ": no connection within "
                    + settings.timeoutMs() + " ms");
        }
        if (cause instanceof HttpTimeoutException) {
            return result(Outcome.TEMPORARY_FAILURE, "no response from " + origin + " within " + settings.timeoutMs()
                    + " ms");
        }
        if (cause instanceof ConnectException) {
            Throwable root = cause.getCause() == null ? cause : cause.getCause();
            String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
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
