package dev.supportkit.crm.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.supportkit.spi.crm.CrmRejectedException;
import dev.supportkit.spi.settings.SettingsReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CRM's JSON-over-HTTPS calls on the JDK {@link HttpClient}, never waiting in-process: every call first takes a
 * permit of the client-side {@link RateLimiter}; a 429, 503, 408, other 5xx or a network fault pauses the client
 * until the answer's {@code Retry-After} (seconds or an HTTP date) or a doubling back-off, and throws
 * {@link CrmUnavailableException} (telling whether the CRM may have carried the call out); while paused (or when the limiter is spent) a call throws at once. The engine
 * holds the adapter's pushes until {@link #pausedUntil()} without counting attempts ({@code CrmAdapter.pausedUntil}),
 * so the waits follow the engine's clock and block no thread. A 401 makes the {@link Auth} refresh its token once;
 * any other 4xx throws {@link CrmRejectedException} with the CRM's error text. Log lines and messages name the call
 * by a label (never its URL, which may hold a webhook secret) and mask every secret.
 */
public final class CrmHttp {
    private static final Logger LOG = LoggerFactory.getLogger(CrmHttp.class);

    private final String crm;
    private final HttpClient client;
    private final ObjectMapper json;
    private final RateLimiter limiter;
    private final Options options;
    private final Auth auth;
    private final Supplier<Collection<String>> secrets;
    private final Clock clock;
    private volatile Instant pausedUntil;
    private final AtomicInteger failures = new AtomicInteger();

    /**
     * How the client behaves.
     *
     * @param timeout      connect and response timeout of a call
     * @param firstBackoff the first pause after a failure without {@code Retry-After}, doubled each failure in a row
     * @param maxBackoff   the longest such pause ({@code Retry-After} is honoured as given)
     */
    public record Options(Duration timeout, Duration firstBackoff, Duration maxBackoff) {
    }

    /** How calls are authenticated. */
    public interface Auth {
        /** No headers (the secret is in the URL, as a Bitrix24 webhook's). */
        Auth NONE = new Auth() {
            @Override
            public void apply(HttpRequest.Builder request) {
            }

            @Override
            public boolean refresh() {
                return false;
            }
        };

        /**
         * The URL a call goes to, with credentials a CRM takes in the URL (a Bitrix24 app's {@code auth}); asked
         * again for each attempt, so a refreshed token is used. The default leaves it as it is.
         *
         * @param uri the call's URL
         * @return the URL to call
         */
        default URI uri(URI uri) {
            return uri;
        }

        /**
         * Adds the credentials to a call.
         *
         * @param request the call being built
         */
        void apply(HttpRequest.Builder request);

        /**
         * Renews the credentials after a 401.
         *
         * @return true when new credentials are in place and the call is worth repeating
         */
        boolean refresh();

        /**
         * A static bearer token (a HubSpot private app's).
         *
         * @param token the token
         * @return the auth
         */
        static Auth bearer(String token) {
            return new Auth() {
                @Override
                public void apply(HttpRequest.Builder request) {
                    request.header("Authorization", "Bearer " + token);
                }

                @Override
                public boolean refresh() {
                    return false;
                }
            };
        }
    }

    /**
     * Creates a client.
     *
     * @param crm     the CRM's name for messages, e.g. {@code HubSpot}
     * @param client  the HTTP client
     * @param json    JSON
     * @param limiter the client-side rate limit
     * @param options timeout and back-off
     * @param auth    the credentials
     * @param secrets the secrets to mask in messages (read at each use: tokens rotate)
     * @param clock   the engine's clock, to read {@code Retry-After} dates against
     */
    public CrmHttp(String crm, HttpClient client, ObjectMapper json, RateLimiter limiter, Options options, Auth auth,
                   Supplier<Collection<String>> secrets, Clock clock) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.client = client;
        this.json = json;
        this.limiter = limiter;
        this.options = options;
        this.auth = auth;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** @return the JSON mapper */
    public ObjectMapper json() {
        return json;
    }

    /**
     * Calls the CRM and reads its JSON answer.
     *
     * @param method {@code GET}, {@code POST}, {@code PATCH} …
     * @param uri    the URL
     * @param body   the JSON body, or null
     * @param label  the call's name for logs and messages, e.g. {@code POST tickets}
     * @return the answer ({@link MissingNode} when empty)
     * @throws CrmRejectedException    when the CRM refused the call for good
     * @throws CrmUnavailableException when the CRM could not take it now
     */
    public JsonNode call(String method, URI uri, JsonNode body, String label) {
        return call(method, uri, body, label, null);
    }

    /**
     * Calls the CRM under a second, narrower rate limit as well (e.g. HubSpot's search API).
     *
     * @param method {@code GET}, {@code POST}, {@code PATCH} …
     * @param uri    the URL
     * @param body   the JSON body, or null
     * @param label  the call's name for logs and messages
     * @param extra  the second limit, or null
     * @return the answer ({@link MissingNode} when empty)
     * @throws CrmRejectedException    when the CRM refused the call for good
     * @throws CrmUnavailableException when the CRM could not take it now
     */
    public JsonNode call(String method, URI uri, JsonNode body, String label, RateLimiter extra) {
        boolean refreshed = false;
        while (true) {
            Instant now = clock.instant();
            Instant paused = pausedUntil;
            if (paused != null && paused.isAfter(now)) {
                throw new CrmUnavailableException(crm + " is paused until " + paused + "; " + label + " waits");
            }
            Optional<Instant> free = limiter.tryAcquire().or(() -> extra == null ? Optional.empty()
                    : extra.tryAcquire());
            if (free.isPresent()) {
                pause(free.get());
                throw new CrmUnavailableException(crm + " client-side rate limit reached; " + label
                        + " waits until " + free.get());
            }
            HttpResponse<String> response;
            try {
                response = client.send(request(method, uri, body), HttpResponse.BodyHandlers.ofString(
                        StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrmUnavailableException(crm + ": interrupted during " + label, true);
            } catch (IOException e) {
                throw failed(Optional.empty(), label, mask(e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage())), !(e instanceof ConnectException));
            }
            int status = response.statusCode();
            LOG.debug("{} {} answered {}", crm, label, status);
            if (status >= 200 && status < 300) {
                failures.set(0);
                return parse(response.body(), label);
            }
            if (status == 401 && !refreshed) {
                refreshed = true;
                if (auth.refresh()) {
                    continue;
                }
            }
            if (status == 401) {
                throw new CrmUnavailableException(crm + " refused the credentials for " + label + " (401): "
                        + errorText(response.body()));
            }
            if (status == 429 || status == 408 || status >= 500) {
                throw failed(response.headers().firstValue("Retry-After"), label,
                        status + " " + errorText(response.body()), status != 429 && status != 408 && status != 503);
            }
            throw new CrmRejectedException(crm + " rejected " + label + " (" + status + "): "
                    + errorText(response.body()));
        }
    }

    /**
     * Until when the client makes no call: the CRM asked to wait, or the rate limit is spent.
     *
     * @return the instant calls may resume, when in the future
     */
    public Optional<Instant> pausedUntil() {
        Instant paused = pausedUntil;
        return paused != null && paused.isAfter(clock.instant()) ? Optional.of(paused) : Optional.empty();
    }

    /** Pauses after a failure: until Retry-After, else for the doubling back-off; the exception to throw. */
    private CrmUnavailableException failed(Optional<String> retryAfter, String label, String fault,
                                           boolean outcomeUnknown) {
        int inRow = failures.incrementAndGet();
        Duration backoff = options.firstBackoff().multipliedBy(1L << Math.min(inRow - 1, 20));
        if (backoff.compareTo(options.maxBackoff()) > 0) {
            backoff = options.maxBackoff();
        }
        Duration wait = retryAfter.flatMap(this::parseRetryAfter).orElse(backoff);
        Instant until = clock.instant().plus(wait);
        pause(until);
        LOG.info("{} {} failed ({}); paused until {}", crm, label, fault, until);
        return new CrmUnavailableException(crm + " " + label + " failed (" + fault + "); paused until " + until,
                outcomeUnknown);
    }

    private void pause(Instant until) {
        synchronized (this) {
            if (pausedUntil == null || until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
    }

    private HttpRequest request(String method, URI uri, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(auth.uri(uri)).timeout(options.timeout())
                .header("Accept", "application/json");
        auth.apply(builder);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json; charset=utf-8");
            builder.method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private Optional<Duration> parseRetryAfter(String value) {
        String text = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }

    private JsonNode parse(String body, String label) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new CrmUnavailableException(crm + " " + label + " answered with unreadable JSON", true);
        }
    }

    /** The CRM's error text (its {@code message}, {@code error_description}, {@code detail} or the body), masked. */
    private String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "(no text)";
        }
        String text = body;
        try {
            JsonNode node = json.readTree(body);
            for (String field : new String[] {"message", "error_description", "detail", "title", "error"}) {
                JsonNode value = node.get(field);
                if (value != null && value.isTextual()) {
                    text = node.has("error") && node.get("error").isTextual() && !"error".equals(field)
                            ? node.get("error").asText() + ": " + value.asText() : value.asText();
                    break;
                }
            }
        } catch (IOException e) {
            // not JSON: the body as it is
        }
        return mask(text.length() > 500 ? text.substring(0, 500) + "…" : text);
    }

    /**
     * Masks every secret in a text.
     *
     * @param text a text
     * @return the text with each secret replaced by {@code ****}
     */
    public String mask(String text) {
        return SettingsReader.mask(text, secrets.get());
    }
}
