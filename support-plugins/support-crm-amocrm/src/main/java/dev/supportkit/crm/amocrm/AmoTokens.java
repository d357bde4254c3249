package dev.supportkit.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.crm.common.CrmHttp;
import dev.supportkit.crm.common.CrmUnavailableException;
import dev.supportkit.spi.crm.CrmRejectedException;
import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import java.io.IOException;
import java.net.URI;
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
 * amoCRM's OAuth 2.0 token pair, kept in the provider state so it survives restarts and is shared by the engines
 * on one database. amoCRM's refresh tokens are single-use and every refresh rotates the pair, so refreshes are
 * serialised: an engine first takes a lease (its id and an expiry, stored with the pair by compare-and-set), then
 * calls the token endpoint, then stores the new pair in place of the lease. An engine that finds another's lease
 * does not wait in-process: its push fails for now and is held ({@code refresh-poll}) until it can use the pair the
 * other stored; a lease whose holder died expires after {@code refresh-lease}. A refresh amoCRM refuses keeps the old pair and fails the push for a later retry, losing
 * nothing.
 */
final class AmoTokens {
    /** The state key of the pair. */
    static final String KEY = "oauth-token-pair";
    /** A token this close to its expiry is refreshed before use. */
    static final Duration MARGIN = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(AmoTokens.class);

    private final AmoSettings settings;
    private final ProviderStateStore state;
    private final ObjectMapper json;
    private final Clock clock;
    private final String owner;
    private volatile Instant waitUntil;
    private volatile CrmHttp http;
    private volatile Pair known;

    /**
     * A stored pair, possibly with a refresh lease.
     *
     * @param access     the access token, or null before the first exchange
     * @param refresh    the refresh token, or null before the first exchange
     * @param expiresAt  when the access token expires
     * @param leaseOwner the engine refreshing now, or null
     * @param leaseUntil until when its lease holds, or null
     */
    record Pair(String access, String refresh, Instant expiresAt, String leaseOwner, Instant leaseUntil) {
        Pair withLease(String owner, Instant until) {
            return new Pair(access, refresh, expiresAt, owner, until);
        }
    }

    AmoTokens(AmoSettings settings, ProviderStateStore state, ObjectMapper json, Clock clock, String nodeId) {
        this.settings = settings;
        this.state = state;
        this.json = json;
        this.clock = clock;
        this.owner = nodeId + ":" + UUID.randomUUID();
    }

    /** @param value the client that calls the token endpoint (unauthenticated) */
    void client(CrmHttp value) {
        http = value;
    }

    /** @return every secret to mask: the client secret, the start-up grants and the pair last seen */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(settings.clientSecret());
        settings.authorizationCode().ifPresent(secrets::add);
        settings.refreshToken().ifPresent(secrets::add);
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
    String access() {
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
    boolean refreshAfter401(String failed) {
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
    Optional<Instant> waitUntil() {
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
                Instant retry = now.plus(settings.leasePoll());
                waitUntil = retry.isBefore(pair.leaseUntil()) ? retry : pair.leaseUntil();
                throw new CrmUnavailableException("amoCRM token pair is being refreshed by another engine; "
                        + "retrying after " + waitUntil);
            }
            Pair base = pair == null ? new Pair(null, null, now, null, null) : pair;
            Pair leased = base.withLease(owner, now.plus(settings.leaseTime()));
            if (!state.compareAndSet(KEY, version, write(leased))) {
                continue;
            }
            Pair fresh;
            try {
                fresh = exchange(base);
            } catch (RuntimeException e) {
                // keep the old pair, give the lease back: nothing is lost, the push is retried later
                state.compareAndSet(KEY, version + 1, write(base.withLease(null, null)));
                throw e instanceof CrmUnavailableException ? e
                        : new CrmUnavailableException("amoCRM token refresh failed: " + e.getMessage());
            }
            known = fresh;
            if (!state.compareAndSet(KEY, version + 1, write(fresh))) {
                // our lease expired and another engine took it; ours is the newest pair amoCRM issued
                LOG.warn("amoCRM token lease of {} expired during the refresh; storing the new pair over the change",
                        owner);
                storeOver(fresh);
            }
            LOG.info("amoCRM token pair refreshed by {}", owner);
            return fresh.access();
        }
        throw new CrmUnavailableException("amoCRM token pair kept changing during the refresh; retrying later");
    }

    private void storeOver(Pair fresh) {
        for (int i = 0; i < 10; i++) {
            Optional<ProviderState> stored = state.get(KEY);
            if (state.compareAndSet(KEY, stored.map(ProviderState::version).orElse(0), write(fresh))) {
                return;
            }
        }
        throw new CrmUnavailableException("amoCRM token pair could not be stored");
    }

    /** Calls {@code POST /oauth2/access_token} with the stored refresh token, or a start-up grant. */
    private Pair exchange(Pair current) {
        ObjectNode body = json.createObjectNode();
        body.put("client_id", settings.clientId());
        body.put("client_secret", settings.clientSecret());
        body.put("redirect_uri", settings.redirectUri());
        if (current.refresh() != null) {
            body.put("grant_type", "refresh_token").put("refresh_token", current.refresh());
        } else if (settings.authorizationCode().isPresent()) {
            body.put("grant_type", "authorization_code").put("code", settings.authorizationCode().get());
        } else if (settings.refreshToken().isPresent()) {
            body.put("grant_type", "refresh_token").put("refresh_token", settings.refreshToken().get());
        } else {
            throw new CrmUnavailableException("amoCRM has no token pair stored yet: set "
                    + AmoSettings.PREFIX + "authorization-code or " + AmoSettings.PREFIX + "refresh-token");
        }
        JsonNode answer;
        try {
            answer = http.call("POST", URI.create(settings.baseUrl() + "/oauth2/access_token"), body,
                    "POST oauth2/access_token");
        } catch (CrmRejectedException e) {
            throw new CrmUnavailableException("amoCRM refused the token refresh, authorize the integration again: "
                    + e.getMessage());
        }
        String access = answer.path("access_token").asText("");
        String refresh = answer.path("refresh_token").asText("");
        if (access.isEmpty() || refresh.isEmpty()) {
            throw new CrmUnavailableException("amoCRM's token answer has no token pair");
        }
        return new Pair(access, refresh, clock.instant().plusSeconds(answer.path("expires_in").asLong(86_400)),
                null, null);
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
            throw new IllegalStateException("unreadable amoCRM token state (version " + stored.version() + ")");
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
