package dev.supportkit.crm.bitrix24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.storage.CatalogProviderState;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.SharedStorageFactory;
import dev.supportkit.crm.common.CrmUnavailableException;
import dev.supportkit.crm.common.OAuthTokens;
import dev.supportkit.crm.common.testing.CrmTestKit;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmChange;
import dev.supportkit.spi.crm.CrmEntry;
import dev.supportkit.spi.state.ProviderStateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A Bitrix24 marketplace app's OAuth 2.0 sign-in against the WireMock portal and OAuth server. */
class Bitrix24OAuthTest {
    private static Bitrix24Fake fake;
    private final MutableClock clock = new MutableClock(CrmTestKit.NOW);
    private final SharedStorageFactory storage = new SharedStorageFactory();

    @BeforeAll
    static void start() {
        fake = new Bitrix24Fake(Bitrix24ContractTest.KEY);
    }

    @AfterAll
    static void stop() {
        fake.shutdown();
    }

    @BeforeEach
    void emptyPortal() {
        fake.reset();
    }

    /** An adapter of one engine; engines given the same state owner share the provider state (one database). */
    private CrmAdapter adapter(String stateOwner, Map<String, String> settings) {
        ProviderStateStore state = new CatalogProviderState(storage.store, stateOwner, Clock.systemUTC());
        return new Bitrix24CrmFactory().create(CrmTestKit.context(settings, state, clock));
    }

    private ProviderStateStore state(String owner) {
        return new CatalogProviderState(storage.store, owner, Clock.systemUTC());
    }

    private static Request request() {
        try (EngineFixture fx = new EngineFixture()) {
            return fx.registered(fx.draft().subject("Тема"));
        }
    }

    private static CrmChange reply(Request request, long sequence) {
        return new CrmChange("k" + sequence, request, Set.of(CrmChange.Kind.COMMENT), List.of(new CrmEntry(sequence,
                "Ответ " + sequence, "Анна", CrmTestKit.NOW)), null, Optional.empty());
    }

    @Test
    @DisplayName("the start-up refresh token is exchanged once; the rotated pair is kept in the provider state")
    void startUpExchange() throws IOException {
        String startUp = fake.refresh;
        CrmAdapter app = adapter("engine", Bitrix24SmartProcessContractTest.appSettings(fake));
        Request request = request();
        app.push(CrmChange.of(request, "k1"));
        assertEquals(1, fake.refreshes.get(), "one exchange");
        assertEquals(1, fake.all("item").size(), "the item was created with the new access token");
        JsonNode stored = new ObjectMapper().readTree(state("engine").get(OAuthTokens.KEY).orElseThrow().value());
        assertEquals(fake.access, stored.path("access").asText());
        assertEquals(fake.refresh, stored.path("refresh").asText());
        assertFalse(fake.refresh.equals(startUp), "the refresh token rotated");
        app.push(reply(request, 2));
        assertEquals(1, fake.refreshes.get(), "a valid token is not refreshed again");
        assertNoSecretLogged(startUp, stored.path("access").asText(), stored.path("refresh").asText());
    }

    @Test
    @DisplayName("401 expired_token refreshes the pair once and repeats the call; a second engine uses the new pair")
    void expiredToken() {
        Map<String, String> settings = Bitrix24SmartProcessContractTest.appSettings(fake);
        CrmAdapter first = adapter("db", settings);
        CrmAdapter second = adapter("db", settings);
        Request request = request();
        first.push(CrmChange.of(request, "k1"));
        second.push(reply(request, 2)); // the stored pair is still valid: no refresh
        assertEquals(1, fake.refreshes.get());

        fake.expireAccessToken();
        first.push(reply(request, 3));
        assertEquals(1, fake.expired.get(), "one call was answered expired_token");
        assertEquals(2, fake.refreshes.get(), "and the pair refreshed once");
        second.push(reply(request, 4)); // its token from before is replaced by the stored pair, no refresh
        assertEquals(2, fake.refreshes.get(), "the other engine refreshes nothing");
        assertEquals(3, fake.all("comment").size(), "every comment posted once");
        assertTrue(fake.all("comment").stream().allMatch(c -> c.path("ENTITY_TYPE").asText().equals("dynamic_1046")));
    }

    @Test
    @DisplayName("the app's item is found by its request id after a lost link, also with a refreshed token")
    void noDuplicateItem() {
        Map<String, String> settings = Bitrix24SmartProcessContractTest.appSettings(fake);
        Request request = request();
        adapter("engine-a", settings).push(CrmChange.of(request, "k1"));
        // another engine without the recorded link (the crash window): it finds the item instead of adding one
        Map<String, String> again = CrmTestKit.with(settings, "refresh-token", fake.refresh);
        adapter("engine-b", again).push(CrmChange.of(request, "k1"));
        assertEquals(1, fake.all("item").size());
    }

    @Test
    @DisplayName("without a stored pair or a start-up grant the push waits, naming the settings to set")
    void noGrant() {
        Map<String, String> settings = new java.util.HashMap<>(Bitrix24SmartProcessContractTest.appSettings(fake));
        settings.remove("refresh-token");
        CrmAdapter app = adapter("engine", settings);
        CrmUnavailableException e = assertThrows(CrmUnavailableException.class,
                () -> app.push(CrmChange.of(request(), "k1")));
        assertTrue(e.getMessage().contains("supportkit.providers.bitrix24.authorization-code"), e.getMessage());
        assertEquals(0, fake.all("item").size());
    }

    @Test
    @DisplayName("a refused refresh keeps the old pair and leaves the push to a later retry")
    void refusedRefresh() {
        Map<String, String> settings = CrmTestKit.with(Bitrix24SmartProcessContractTest.appSettings(fake),
                "refresh-token", "ref-revoked");
        CrmAdapter app = adapter("engine", settings);
        CrmUnavailableException e = assertThrows(CrmUnavailableException.class,
                () -> app.push(CrmChange.of(request(), "k1")));
        assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
        assertFalse(e.getMessage().contains("ref-revoked"), e.getMessage());
        assertFalse(e.getMessage().contains(Bitrix24Fake.CLIENT_SECRET), e.getMessage());
        clock.advance(Duration.ofMinutes(10));
        assertTrue(state("engine").get(OAuthTokens.KEY).map(s -> s.value().contains("\"leaseOwner\":null"))
                .orElse(true), "no lease is left behind");
    }

    @Test
    @DisplayName("OAuth settings are checked: client id and secret required, the secret never echoed")
    void badSettings() {
        Map<String, String> settings = new java.util.HashMap<>(Bitrix24SmartProcessContractTest.appSettings(fake));
        settings.remove("client-id");
        settings.put("portal-url", "not a url");
        RuntimeException e = assertThrows(RuntimeException.class, () -> adapter("engine", settings));
        assertTrue(e.getMessage().contains("supportkit.providers.bitrix24.client-id"), e.getMessage());
        assertTrue(e.getMessage().contains("supportkit.providers.bitrix24.portal-url"), e.getMessage());
        assertFalse(e.getMessage().contains(Bitrix24Fake.CLIENT_SECRET), e.getMessage());
        RuntimeException deal = assertThrows(RuntimeException.class, () -> adapter("engine", CrmTestKit.with(
                Bitrix24SmartProcessContractTest.appSettings(fake), "request-id-field", "UF_CRM_SUPPORTKIT_ID")));
        assertTrue(deal.getMessage().contains("ufCrm1046"), deal.getMessage());
    }

    private static void assertNoSecretLogged(String... secrets) throws IOException {
        Path log = Path.of("target", "supportkit-bitrix24-test.log");
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        for (String secret : secrets) {
            assertFalse(text.contains(secret), "a token appears in the log");
        }
        assertFalse(text.contains(Bitrix24Fake.CLIENT_SECRET), "the client secret appears in the log");
    }
}
