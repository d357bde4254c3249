package dev.supportkit.examples.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.quality.DeliveryStatus;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.SupportEngine;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine with the real e-mail channel plugin against a real SMTP server (GreenMail): nothing is
 * lost while the server is down, the message goes out when it returns, and an address that can never
 * work is dead-lettered at once.
 */
class EmailDeliveryEndToEndTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final OrganizationId ORG = OrganizationId.of("romashka");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-03-12T06:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final Actor admin = Actor.staff("admin", "Admin", Role.ADMINISTRATOR, TENANT);
    private final Actor operator = Actor.staff("anna", "Anna", Role.FIRST_LINE_OPERATOR, TENANT);
    private GreenMail smtp;
    private SupportEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Request register(int port, String email) {
        engine = SupportEngine.builder().clock(clock).environment(Map.of())
                .set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.providers.email.host", "127.0.0.1")
                .set("supportkit.providers.email.port", Integer.toString(port))
                .set("supportkit.providers.email.security", "none")
                .set("supportkit.providers.email.connect-timeout-ms", "1000")
                .set("supportkit.providers.email.from", "Support <support@nordtel.example>").build();
        engine.directory().saveOrganization(admin, new Organization(ORG, "Romashka LLC", null));
        engine.directory().saveRepresentative(admin, new Representative(RepresentativeId.of("irina"), ORG,
                "Ирина Петрова", email, null, false));
        return engine.intake().registerContact(operator, ContactDraft.builder().organization(ORG)
                .representative(RepresentativeId.of("irina")).channel(Channel.PHONE)
                .subject("Не работает входящая связь").text("С 9:00 не проходят входящие звонки").build());
    }

    private Delivery delivery(Request request) {
        return engine.quality().deliveries(admin, request.id()).get(0);
    }

    @Test
    @DisplayName("SMTP down: the message waits and is retried on schedule; SMTP back: it is delivered once, in Russian")
    void smtpDownThenUp() throws Exception {
        int port = freePort();
        Request request = register(port, "irina@romashka.example");

        engine.runDueWork();
        Delivery pending = delivery(request);
        assertEquals(DeliveryStatus.PENDING, pending.status());
        assertEquals(1, pending.attempts());
        assertTrue(pending.lastOutcome().orElseThrow().toLowerCase().contains("connect"), pending.lastOutcome()::get);

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        assertEquals(0, engine.runDueWork().messages(), "not before its back-off");
        clock.now = clock.now.plus(Duration.ofSeconds(30));
        engine.runDueWork();

        assertEquals(DeliveryStatus.DELIVERED, delivery(request).status());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Заявка «Не работает входящая связь» зарегистрирована", received[0].getSubject());
        assertTrue(((String) received[0].getContent()).contains("Уважаемый(ая) Ирина Петрова!"));
        assertTrue(engine.journal().verify(admin, request.id()).intact());
    }

    @Test
    @DisplayName("an address that can never work is dead-lettered after the first permanent error")
    void invalidAddressIsDeadLettered() throws Exception {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Request request = register(smtp.getSmtp().getPort(), "иван@romashka.example"); // needs SMTPUTF8: never deliverable

        engine.runDueWork();
        Delivery dead = delivery(request);
        assertEquals(DeliveryStatus.DEAD, dead.status());
        assertEquals(1, dead.attempts());
        assertEquals(0, smtp.getReceivedMessages().length, "the server is never contacted");
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertEquals(0, engine.runDueWork().messages(), "not retried");
    }
}
