package dev.supportkit.inbound.email;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The crash window between registering a contact and marking its message done, and the unknown-sender rules. */
class InboundEmailRecoveryTest {
    private static final String MAILBOX = "support@desk.example";

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    private EngineFixture engine(RecordingInboundFactory factory, Map<String, String> extra) {
        String p = "supportkit.providers.inbound-email.";
        Map<String, String> settings = TestMails.mailboxSettings(p, greenMail.getImap().getPort(), "100ms");
        extra.forEach((k, v) -> settings.put(p + k, v));
        return new EngineFixture(TenantId.of("acme"), null, settings, builder -> builder.inboundSource(factory));
    }

    private static List<Contact> contactsWith(EngineFixture fx, String token) {
        return fx.engine.quality().requests(fx.auditor, RequestQuery.builder().limit(RequestQuery.MAX_LIMIT).build())
                .stream().flatMap(r -> fx.engine.intake().contacts(fx.auditor, r.id()).stream())
                .filter(c -> c.text().contains(token)).toList();
    }

    private static long outcome(RecordingInboundFactory factory, String name) {
        return factory.last().outcomes().get(name);
    }

    @Test
    @DisplayName("a message registered but left 'pending' (the engine stopped in between) is found, not registered again")
    void pendingMarkerAfterRegistration() throws Exception {
        GreenMailUser inbox = greenMail.setUser(MAILBOX, "support", "secret");
        RecordingInboundFactory factory = new RecordingInboundFactory();
        try (EngineFixture fx = engine(factory, Map.of())) {
            inbox.deliver(TestMails.plain("<crash-1@romashka.example>", "irina@romashka.example", MAILBOX,
                    "Сбой", "crash-token"));
            await().atMost(Duration.ofSeconds(30)).until(() -> outcome(factory, "NEW_REQUEST") == 1);
            ProviderStateStore state = factory.states.get(0);
            String key = "message." + StateText.sha256("<crash-1@romashka.example>", 40);
            ProviderState done = state.get(key).orElseThrow();
            Map<String, String> values = StateText.decode(done.value());
            assertEquals("done", values.get("state"));
            Contact registered = contactsWith(fx, "crash-token").get(0);
            // Put the marker back as it was between the registration and the marking, and rewind the mailbox.
            Map<String, String> pending = new LinkedHashMap<>();
            pending.put("state", "pending");
            pending.put("started", fx.clock.instant().minusSeconds(1).toString());
            pending.put("received", registered.receivedAt().toString());
            assertTrue(state.compareAndSet(key, done.version(), StateText.encode(pending)));
            ProviderState cursor = state.get("mailbox.inbox").orElseThrow();
            Map<String, String> rewound = StateText.decode(cursor.value());
            rewound.put("uid", "0");
            assertTrue(state.compareAndSet("mailbox.inbox", cursor.version(), StateText.encode(rewound)));

            await().atMost(Duration.ofSeconds(30)).until(() -> outcome(factory, "ALREADY_TAKEN") == 1);
            assertEquals(List.of(registered), contactsWith(fx, "crash-token"), "registered once");
            assertEquals("done", StateText.decode(state.get(key).orElseThrow().value()).get("state"));
            assertEquals(registered.request().value(),
                    StateText.decode(state.get(key).orElseThrow().value()).get("request"));
        }
    }

    @Test
    @DisplayName("unknown senders under rule 'register' become contacts of the 'unknown' representative, naming the sender")
    void unknownSendersRegistered() throws Exception {
        GreenMailUser inbox = greenMail.setUser(MAILBOX, "support", "secret");
        RecordingInboundFactory factory = new RecordingInboundFactory();
        try (EngineFixture fx = engine(factory, Map.of("unknown-sender", "register", "unknown-representative",
                "rep-unknown"))) {
            fx.engine.directory().saveRepresentative(fx.admin, new Representative(RepresentativeId.of("rep-unknown"),
                    fx.org, "Неизвестный отправитель", "unknown@desk.example", null, false));
            inbox.deliver(TestMails.plain("<who-1@nowhere.example>", "who@nowhere.example", MAILBOX, "Помогите",
                    "stranger-token"));
            await().atMost(Duration.ofSeconds(30)).until(() -> outcome(factory, "NEW_REQUEST") == 1);
            List<Contact> contacts = contactsWith(fx, "stranger-token");
            assertEquals(1, contacts.size());
            assertEquals(RepresentativeId.of("rep-unknown"), contacts.get(0).representative());
            assertTrue(contacts.get(0).text().startsWith("From an unknown address: who@nowhere.example"),
                    contacts.get(0).text());
            Request request = fx.engine.quality().request(fx.auditor, contacts.get(0).request());
            assertEquals("Помогите", request.subject());
        }
    }

    @Test
    @DisplayName("unknown senders under rule 'reject' get one automatic reply and nothing is registered")
    void unknownSendersRejected() throws Exception {
        GreenMailUser inbox = greenMail.setUser(MAILBOX, "support", "secret");
        RecordingInboundFactory factory = new RecordingInboundFactory();
        try (EngineFixture fx = engine(factory, Map.of("smtp-host", "127.0.0.1", "smtp-port",
                Integer.toString(greenMail.getSmtp().getPort()), "smtp-security", "none", "reply-from", MAILBOX))) {
            inbox.deliver(TestMails.plain("<who-2@nowhere.example>", "who@nowhere.example", MAILBOX, "Помогите",
                    "rejected-token"));
            await().atMost(Duration.ofSeconds(30)).until(() -> outcome(factory, "REJECTED") == 1);
            assertEquals(List.of(), contactsWith(fx, "rejected-token"));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    greenMail.getReceivedMessagesForDomain("nowhere.example").length == 1);
            var reply = greenMail.getReceivedMessagesForDomain("nowhere.example")[0];
            assertEquals("Re: Помогите", reply.getSubject());
            assertEquals("<who-2@nowhere.example>", reply.getHeader("In-Reply-To", ","));
            assertEquals("auto-replied", reply.getHeader("Auto-Submitted", ","));
        }
    }
}
