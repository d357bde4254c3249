package dev.supportkit.crm.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import dev.supportkit.spi.settings.Setting;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OAuth 2.0 token pair whose refresh token is single-use and rotates (amoCRM, Bitrix24 marketplace apps), kept
 * in the provider state so it survives restarts and is shared by the engines on one database. Refreshes are
 * serialised: an engine first takes a lease (its id and an expiry, stored with the pair by compare-and-set), then
 * calls the CRM's token endpoint ({@link Exchange}), then stores the new pair in place of the lease. An engine that
 * finds another's lease does not wait in-process: its push fails for now and is held ({@link #waitUntil()}, the
 * lease poll) until it can use the pair the other stored; a lease whose holder died expires after the lease time. A
 * refresh the CRM refuses keeps the old pair and fails the push for a later retry, losing nothing.
 */
public final class OAuthTokens {
    /** {@code refresh-lease}: how long one engine may hold the right to refresh the pair. */
    public static final Setting<Duration> LEASE_TIME = Setting.duration("refresh-lease").range(1_000, 600_000)
            .defaultValue(Duration.ofSeconds(30)).description("how long one engine may hold the right to refresh "
                    + "the token pair before another may take it").build();
    /** {@code refresh-poll}: how soon an engine that found another's refresh in progress tries again. */
    public static final Setting<Duration> LEASE_POLL = Setting.duration("refresh-poll").range(1, 60_000)
            .defaultValue(Duration.ofSeconds(1)).description("how soon an engine that found another's refresh in "
                    + "progress tries its push again").build();
    /** The state key of the pair. */
    public static final String KEY = "oauth-token-pair";
    /** A token this close to its expiry is refreshed before use. */
    public static final Duration MARGIN = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokens.class);

    private final String crm;
    private final Options options;
    private final Exchange exchange;
    private final ThreadLocal<String> lastToken = new ThreadLocal<>();
    private final ProviderStateStore state;
    private final ObjectMapper json;
    private final Clock clock;
    private final String owner;
    private volatile Instant waitUntil;
    private volatile Pair known;

    /**
     * How the pair is kept.
     *
     * @param leaseTime how long one engine may hold the right to refresh before another may take it
     * @param leasePoll how soon an engine that found another's refresh in progress tries its push again
     * @param secrets   the fixed secrets to mask besides the tokens (client secret, start-up grants)
     */
    public record Options(Duration leaseTime, Duration leasePoll, List<String> secrets) {
        /**
         * Copies the secrets.
         *
         * @param leaseTime the lease time
         * @param leasePoll the lease poll
         * @param secrets   the fixed secrets
         */
        public Options {
            secrets = List.copyOf(secrets);
        }
    }

    /**
     * What the token endpoint handed out.
     *
     * @param access   the access token
     * @param refresh  the refresh token
     * @param lifetime how long the access token is valid
     */
    public record Grant(String access, String refresh, Duration lifetime) {
    }

    /** One call of the CRM's token endpoint. */
    @FunctionalInterface
    public interface Exchange {
        /**
         * Exchanges the stored refresh token, or the configured start-up grant when none is stored yet.
         *
         * @param refreshToken the stored refresh token, empty before the first exchange
         * @return the new pair
         * @throws CrmUnavailableException when the CRM refused or could not answer (the old pair is kept)
         */
        Grant exchange(Optional<String> refreshToken);
    }

    /**
     * A stored pair, possibly with a refresh lease.
     *
     * @param access     the access token, or null before the first exchange
     * @param refresh    the refresh token, or null before the first exchange
     * @param expiresAt  when the access token expires
     * @param leaseOwner the engine refreshing now, or null
     * @param leaseUntil until when its lease holds, or null
     */
    public record Pair(String access, String refresh, Instant expiresAt, String leaseOwner, Instant leaseUntil) {
        /**
         * @param owner the lease's owner, or null
         * @param until until when, or null
         * @return this pair with the lease
         */
        public Pair withLease(String owner, Instant until) {
            return new Pair(access, refresh, expiresAt, owner, until);
        }
    }

    /**
     * @param crm      the CRM's name for messages, e.g. {@code amoCRM}
     * @param options  lease and secrets
     * @param state    the provider's state store
     * @param json     JSON
     * @param clock    the engine's clock
     * @param nodeId   this engine's node id, part of the lease owner
     * @param exchange calls the token endpoint
     */
    public OAuthTokens(String crm, Options options, ProviderStateStore state, ObjectMapper json, Clock clock,
                       String nodeId, Exchange exchange) {
        this.crm = crm;
        this.options = options;
        this.exchange = exchange;
        this.state = state;
        this.json = json;
        this.clock = clock;
        this.owner = nodeId + ":" + UUID.randomUUID();
    }

    /** @return every secret to mask: the fixed ones and the pair last seen */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(options.secrets());
        Pair pair = known;
        if (pair != null) {
            if (pair.access() != null) {
                secrets.add(pair.access());
            }
            if (pair.refresh() != null) {
                secrets.add(pair.refresh());
            }
        }
        return secrets;
    }

    /**
     * Returns an access token valid for at least {@link #MARGIN}, refreshing the pair when needed.
     *
     * @return the token
     */
    public String access() {
        Optional<ProviderState> stored = state.get(KEY);
        Pair pair = stored.map(this::read).orElse(null);
        if (usable(pair)) {
            return pair.access();
        }
        return refresh(null);
    }

    /**
     * After amoCRM answered 401 to a token: uses a newer pair another engine stored, or refreshes.
     *
     * @param failed the access token amoCRM refused
     * @return true (a new token is in place)
     */
    public boolean refreshAfter401(String failed) {
        refresh(failed);
        return true;
    }

    private boolean usable(Pair pair) {
        return pair != null && pair.access() != null && pair.leaseOwner() == null
                && pair.expiresAt().isAfter(clock.instant().plus(MARGIN));
    }

    /**
     * Until when this engine should leave the pair to another engine's refresh.
     *
     * @return the instant, when in the future
     */
    public Optional<Instant> waitUntil() {
        Instant until = waitUntil;
        return until != null && until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /** Takes the lease, exchanges the refresh token, stores the new pair; or leaves it to another engine's lease. */
    private String refresh(String failed) {
        for (int tries = 0; tries < 20; tries++) {
            Optional<ProviderState> stored = state.get(KEY);
            Pair pair = stored.map(this::read).orElse(null);
            int version = stored.map(ProviderState::version).orElse(0);
            Instant now = clock.instant();
            if (usable(pair) && !pair.access().equals(failed)) {
                return pair.access();
            }
            if (pair != null && pair.leaseOwner() != null && !owner.equals(pair.leaseOwner())
                    && pair.leaseUntil().isAfter(now)) {
                Instant retry = now.plus(options.leasePoll());
                waitUntil = retry.isBefore(pair.leaseUntil()) ? retry : pair.leaseUntil();
                throw new CrmUnavailableException(crm + " token pair is being refreshed by another engine; "
                        + "retrying after " + waitUntil);
            }
            Pair base = pair == null ? new Pair(null, null, now, null, null) : pair;
            Pair leased = base.withLease(owner, now.plus(options.leaseTime()));
            if (!state.compareAndSet(KEY, version, write(leased))) {
                continue;
            }
            Pair fresh;
            try {
                Grant grant = exchange.exchange(Optional.ofNullable(base.refresh()));
                if (grant.access() == null || grant.access().isEmpty() || grant.refresh() == null
                        || grant.refresh().isEmpty()) {
                    throw new CrmUnavailableException(crm + "'s token answer has no token pair");
                }
                fresh = new Pair(grant.access(), grant.refresh(), clock.instant().plus(grant.lifetime()), null, null);
            } catch (RuntimeException e) {
                // keep the old pair, give the lease back: nothing is lost, the push is retried later
                state.compareAndSet(KEY, version + 1, write(base.withLease(null, null)));
                throw e instanceof CrmUnavailableException ? e
                        : new CrmUnavailableException(crm + " token refresh failed: " + e.getMessage());
            }
            known = fresh;
            if (!state.compareAndSet(KEY, version + 1, write(fresh))) {
                // our lease expired and another engine took it; ours is the newest pair amoCRM issued
                LOG.warn("{} token lease of {} expired during the refresh; storing the new pair over the change",
                        crm, owner);
                storeOver(fresh);
            }
            LOG.info("{} token pair refreshed by {}", crm, owner);
            return fresh.access();
        }
        throw new CrmUnavailableException(crm + " token pair kept changing during the refresh; retrying later");
    }

    private void storeOver(Pair fresh) {
        for (int i = 0; i < 10; i++) {
            Optional<ProviderState> stored = state.get(KEY);
            if (state.compareAndSet(KEY, stored.map(ProviderState::version).orElse(0), write(fresh))) {
                return;
            }
        }
        throw new CrmUnavailableException(crm + " token pair could not be stored");
    }

    /**
     * Credentials sending the access token as {@code Authorization: Bearer} (amoCRM).
     *
     * @return the auth
     */
    public CrmHttp.Auth bearer() {
        return new CrmHttp.Auth() {
            @Override
            public void apply(HttpRequest.Builder request) {
                String token = access();
                lastToken.set(token);
                request.header("Authorization", "Bearer " + token);
            }

            @Override
            public boolean refresh() {
                return refreshAfter401(lastToken.get());
            }
        };
    }

    /**
     * Credentials sending the access token as a query parameter of each call (Bitrix24's {@code auth}).
     *
     * @param name the parameter's name
     * @return the auth
     */
    public CrmHttp.Auth queryParameter(String name) {
        return new CrmHttp.Auth() {
            @Override
            public URI uri(URI uri) {
                String token = access();
                lastToken.set(token);
                return URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + name + "="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8));
            }

            @Override
            public void apply(HttpRequest.Builder request) {
            }

            @Override
            public boolean refresh() {
                return refreshAfter401(lastToken.get());
            }
        };
    }

    private Pair read(ProviderState stored) {
        try {
            JsonNode node = json.readTree(stored.value());
            Pair pair = new Pair(text(node, "access"), text(node, "refresh"),
                    Instant.parse(node.path("expiresAt").asText()), text(node, "leaseOwner"),
                    node.hasNonNull("leaseUntil") ? Instant.parse(node.get("leaseUntil").asText()) : null);
            if (pair.access() != null) {
                known = pair;
            }
            return pair;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable " + crm + " token state (version " + stored.version() + ")");
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private String write(Pair pair) {
        ObjectNode node = json.createObjectNode();
        node.put("access", pair.access());
        node.put("refresh", pair.refresh());
        node.put("expiresAt", pair.expiresAt().toString());
        node.put("leaseOwner", pair.leaseOwner());
        node.put("leaseUntil", pair.leaseUntil() == null ? null : pair.leaseUntil().toString());
        return node.toString();
    }
}
