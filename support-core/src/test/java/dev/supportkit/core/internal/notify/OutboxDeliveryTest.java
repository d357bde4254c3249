package dev.supportkit.core.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.QuietHours;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.quality.DeliveryStatus;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import dev.supportkit.core.testing.SharedStorageFactory;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.storage.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages are delivered after commit, at least once, with retries, fallback, quiet hours and dead letters. */
class OutboxDeliveryTest {
    private final MutableClock clock = new MutableClock(EngineFixture.START);
    private final SharedStorageFactory storage = new SharedStorageFactory();
    private final ScriptedChannelFactory email = new ScriptedChannelFactory("scripted-email", Channel.EMAIL);
    private final ScriptedChannelFactory sms = new ScriptedChannelFactory("scripted-sms", Channel.SMS);
    private final List<SupportEngine> engines = new ArrayList<>();

    @TempDir
    Path templates;

    private SupportEngine engine(Map<String, String> settings) {
        SupportEngine.Builder builder = SupportEngine.builder().clock(clock).environment(Map.of()).storage(storage)
                .notificationChannel(email).notificationChannel(sms).set("supportkit.jobs.poll-interval-ms", "0");
        settings.forEach(builder::set);
        SupportEngine engine = builder.build();
        engines.add(engine);
        return engine;
    }

    private EngineFixture fixture(Map<String, String> settings) {
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), engine(settings));
        fx.engine.directory().saveRepresentative(fx.admin, new Representative(fx.rep, fx.org, "Irina Petrova",
                "irina@romashka.example", "+74951234567", false));
        return fx;
    }

    @AfterEach
    void close() {
        engines.forEach(SupportEngine::close);
    }

    private static List<Delivery> deliveries(EngineFixture fx, Request r) {
        return fx.engine.quality().deliveries(fx.auditor, r.id());
    }

    private static List<RequestEvent.DeliveryAttempted> attempts(EngineFixture fx, Request r) {
        return fx.engine.journal().entries(fx.auditor, r.id()).stream().map(JournalEntry::event)
                .filter(RequestEvent.DeliveryAttempted.class::isInstance).map(RequestEvent.DeliveryAttempted.class::cast)
                .toList();
    }

    @Test
    @DisplayName("a registration message is delivered by e-mail after commit, in Russian, and journalled (B/02.6)")
    void deliversAfterCommit() {
        EngineFixture fx = fixture(Map.of());
        Request r = fx.registered();
        assertEquals(DeliveryStatus.PENDING, deliveries(fx, r).get(0).status(), "nothing is sent inside the command");
        assertEquals(0, email.received.size());

        assertEquals(1, fx.engine.runDueWork().messages());
        assertEquals(1, email.received.size());
        var sent = email.received.get(0);
        assertEquals("irina@romashka.example", sent.address());
        assertEquals("Заявка «PBX does not answer» зарегистрирована", sent.subject());
        assertTrue(sent.body().contains("Уважаемый(ая) Irina Petrova!"), sent.body());
        assertTrue(sent.body().contains(r.id().value()), sent.body());
        assertEquals(r.id().value() + ":1:request.registered:" + fx.rep.value(), sent.idempotencyKey());

        Delivery delivery = deliveries(fx, r).get(0);
        assertEquals(DeliveryStatus.DELIVERED, delivery.status());
        assertEquals("250 OK", delivery.lastOutcome().orElseThrow());
        List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, r.id());
        JournalEntry last = journal.get(journal.size() - 1);
        assertEquals(LaborFunction.B_02_6, last.function());
        assertEquals("DELIVERED", ((RequestEvent.DeliveryAttempted) last.event()).outcome());
        assertEquals(r.version(), fx.engine.quality().request(fx.auditor, r.id()).version(),
                "delivery bookkeeping leaves the caller's reference valid");
        assertTrue(fx.engine.journal().verify(fx.auditor, r.id()).intact());
        assertEquals(0, fx.engine.runDueWork().messages(), "delivered once");
    }

    @Test
    @DisplayName("a temporary failure is retried with exponential back-off under the same idempotency key")
    void retriesWithBackoff() {
        EngineFixture fx = fixture(Map.of());
        email.then(Outcome.TEMPORARY_FAILURE, "421 try later").then(Outcome.TEMPORARY_FAILURE, "421 try later");
        Request r = fx.registered();

        fx.engine.runDueWork();
        Delivery pending = deliveries(fx, r).get(0);
        assertEquals(DeliveryStatus.PENDING, pending.status());
        assertEquals(clock.instant().plusSeconds(30), pending.nextAttemptAt());
        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, fx.engine.runDueWork().messages(), "not before its back-off");
        clock.advance(Duration.ofSeconds(1));
        fx.engine.runDueWork();
        assertEquals(clock.instant().plusSeconds(60), deliveries(fx, r).get(0).nextAttemptAt(), "the wait doubles");
        clock.advance(Duration.ofSeconds(60));
        fx.engine.runDueWork();

        Delivery delivered = deliveries(fx, r).get(0);
        assertEquals(DeliveryStatus.DELIVERED, delivered.status());
        assertEquals(3, delivered.attempts());
        assertEquals(1, email.received.stream().map(n -> n.idempotencyKey()).distinct().count());
        assertEquals(List.of("TEMPORARY_FAILURE", "TEMPORARY_FAILURE", "DELIVERED"),
                attempts(fx, r).stream().map(RequestEvent.DeliveryAttempted::outcome).toList());
    }

    @Test
    @DisplayName("a permanent failure falls back to the next contact point at once")
    void fallsBackOnPermanentFailure() {
        EngineFixture fx = fixture(Map.of());
        email.then(Outcome.PERMANENT_FAILURE, "550 5.1.1 user unknown");
        Request r = fx.registered();
        fx.engine.runDueWork();

        assertEquals(1, sms.received.size());
        assertEquals("+74951234567", sms.received.get(0).address());
        assertEquals(DeliveryStatus.DELIVERED, deliveries(fx, r).get(0).status());
        assertEquals(List.of(Channel.EMAIL, Channel.SMS), attempts(fx, r).stream()
                .map(RequestEvent.DeliveryAttempted::channel).toList());
    }

    @Test
    @DisplayName("a message that can never be delivered is dead-lettered at once and can be retried by an administrator")
    void deadLetterAndRetry() {
        EngineFixture fx = fixture(Map.of());
        email.then(Outcome.PERMANENT_FAILURE, "550 no such user");
        sms.then(Outcome.PERMANENT_FAILURE, "invalid destination");
        Request r = fx.registered();
        fx.engine.runDueWork();

        Delivery dead = deliveries(fx, r).get(0);
        assertEquals(DeliveryStatus.DEAD, dead.status());
        assertEquals(List.of(dead), fx.engine.quality().deadLetters(fx.admin, 10));
        clock.advance(Duration.ofHours(5));
        assertEquals(0, fx.engine.runDueWork().messages(), "not retried forever");
        assertEquals(2, email.received.size() + sms.received.size());

        Delivery retried = fx.engine.quality().retryDelivery(fx.admin, dead.id());
        assertEquals(DeliveryStatus.PENDING, retried.status());
        assertEquals(0, retried.attempts());
        fx.engine.runDueWork();
        assertEquals(DeliveryStatus.DELIVERED, deliveries(fx, r).get(0).status());
    }

    @Test
    @DisplayName("temporary failures are dead-lettered after the configured attempts")
    void givesUpAfterMaxAttempts() {
        EngineFixture fx = fixture(Map.of("supportkit.notifications.max-attempts", "3"));
        for (int i = 0; i < 3; i++) {
            email.then(Outcome.TEMPORARY_FAILURE, "connection refused");
        }
        Request r = fx.registered();
        for (int i = 0; i < 3; i++) {
            fx.engine.runDueWork();
            clock.advance(Duration.ofHours(1));
        }
        Delivery dead = deliveries(fx, r).get(0);
        assertEquals(DeliveryStatus.DEAD, dead.status());
        assertEquals(3, dead.attempts());
    }

    @Test
    @DisplayName("quiet hours postpone a message to their end without counting an attempt")
    void quietHours() {
        EngineFixture fx = fixture(Map.of());
        // 06:01 UTC is 09:01 in Moscow: quiet from 08:00 to 10:00 there.
        fx.engine.directory().savePreferences(fx.customer, new DeliveryPreferences(fx.rep.value(),
                List.of(new ContactPoint(Channel.EMAIL, "irina@romashka.example")),
                new QuietHours(LocalTime.of(8, 0), LocalTime.of(10, 0), ZoneId.of("Europe/Moscow")), Locale.ENGLISH));
        Request r = fx.registered();
        fx.engine.runDueWork();
        Delivery waiting = deliveries(fx, r).get(0);
        assertEquals(DeliveryStatus.PENDING, waiting.status());
        assertEquals(0, waiting.attempts());
        assertEquals(java.time.Instant.parse("2026-03-12T07:00:00Z"), waiting.nextAttemptAt());
        assertEquals(0, email.received.size());

        clock.advance(Duration.ofMinutes(60));
        fx.engine.runDueWork();
        assertEquals(1, email.received.size());
        assertEquals("Request \"PBX does not answer\" registered", email.received.get(0).subject(),
                "English, as preferred");
    }

    @Test
    @DisplayName("an engine that stopped between commit and delivery leaves the message to be delivered after restart")
    void survivesRestartBetweenCommitAndDelivery() {
        EngineFixture first = fixture(Map.of());
        Request r = first.registered();
        first.engine.close();

        SupportEngine restarted = engine(Map.of());
        restarted.runDueWork();
        assertEquals(1, email.received.size());
        assertEquals(r.id().value() + ":1:request.registered:" + first.rep.value(), email.received.get(0).idempotencyKey());
    }

    @Test
    @DisplayName("a node that died mid-delivery: the message is delivered again after its lease, with the same key")
    void redeliversAfterCrashMidDelivery() {
        EngineFixture fx = fixture(Map.of());
        Request r = fx.registered();
        storage.store.inTransaction(tx -> tx.claimDueOutbox(new Lease("node-dead", clock.instant(),
                clock.instant().plusSeconds(60), 10)));
        assertEquals(0, fx.engine.runDueWork().messages(), "still claimed by the dead node");
        clock.advance(Duration.ofSeconds(60));
        fx.engine.runDueWork();
        assertEquals(DeliveryStatus.DELIVERED, deliveries(fx, r).get(0).status());
        assertEquals(r.id().value() + ":1:request.registered:" + fx.rep.value(), email.received.get(0).idempotencyKey());
    }

    @Test
    @DisplayName("a vendor's template overrides the shipped one; a variable the engine does not provide fails the build")
    void templateOverrides() throws Exception {
        Files.createDirectories(templates.resolve("ru"));
        Files.writeString(templates.resolve("ru/request.registered.subject.peb"), "[ACME] {{ subject }}");
        EngineFixture fx = fixture(Map.of("supportkit.templates.directory", templates.toString()));
        fx.registered();
        fx.engine.runDueWork();
        assertEquals("[ACME] PBX does not answer", email.received.get(0).subject());

        Files.writeString(templates.resolve("ru/request.resolved.body.peb"), "Dear {{ customerTitle }}: {{ summary }}");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> engine(Map.of("supportkit.templates.directory", templates.toString())));
        assertTrue(error.getMessage().contains("ru/request.resolved.body.peb"), error::getMessage);
        assertTrue(error.getMessage().contains("customerTitle"), error::getMessage);
    }

    @Test
    @DisplayName("delivery preferences are validated field by field")
    void preferencesValidation() {
        EngineFixture fx = fixture(Map.of());
        ValidationException error = assertThrows(ValidationException.class, () -> fx.engine.directory()
                .savePreferences(fx.admin, new DeliveryPreferences(fx.rep.value(), List.of(
                        new ContactPoint(Channel.EMAIL, "not-an-address"), new ContactPoint(Channel.CHAT, "x"),
                        new ContactPoint(Channel.SMS, "8-495-123")),
                        new QuietHours(LocalTime.NOON, LocalTime.NOON, ZoneId.of("UTC")), Locale.GERMAN)));
        assertEquals(Set.of("preferences.contactPoints[0].address format", "preferences.contactPoints[1].channel "
                        + "deliverable", "preferences.contactPoints[2].address format",
                "preferences.quietHours.to not-equal-to-from", "preferences.locale supported-language"),
                error.errors().stream().map(e -> e.field() + " " + e.rule()).collect(Collectors.toSet()));
        assertThrows(dev.supportkit.api.error.AccessDeniedException.class, () -> fx.engine.directory()
                .savePreferences(fx.otherCustomer, new DeliveryPreferences(fx.rep.value(),
                        List.of(new ContactPoint(Channel.EMAIL, "x@y.ru")), null, Locale.ENGLISH)));
    }

    @Test
    @DisplayName("hostile addresses a customer may send are refused by length first, then by a linear format check")
    void hostileAddresses() {
        EngineFixture fx = fixture(Map.of());
        String dots = "a@" + ".".repeat(40_000) + "@";
        String longUrl = "https://example.com/" + "x".repeat(3_000);
        String dotsWithinLimit = "a@" + ".".repeat(240) + "@";
        ValidationException error = assertThrows(ValidationException.class, () -> fx.engine.directory()
                .savePreferences(fx.customer, new DeliveryPreferences(fx.rep.value(), List.of(
                        new ContactPoint(Channel.EMAIL, dots), new ContactPoint(Channel.WEBHOOK, longUrl),
                        new ContactPoint(Channel.EMAIL, dotsWithinLimit), new ContactPoint(Channel.EMAIL, "a@b..ru"),
                        new ContactPoint(Channel.EMAIL, "irina@romashka.example")), null, Locale.ENGLISH)));
        assertEquals(List.of("preferences.contactPoints[0].address length",
                        "preferences.contactPoints[1].address length", "preferences.contactPoints[2].address format",
                        "preferences.contactPoints[3].address format"),
                error.errors().stream().map(e -> e.field() + " " + e.rule()).sorted().toList());
        assertTrue(error.errors().get(0).message().contains("at most 254 characters"), error.errors().toString());
    }
}
