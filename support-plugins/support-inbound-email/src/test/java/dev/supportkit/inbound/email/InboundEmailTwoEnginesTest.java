package dev.supportkit.inbound.email;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.work.Attachment;
import dev.supportkit.core.testing.EngineFixture;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when test of issue 18's inbound half: 200 e-mails (new requests, replies by subject and by
 * In-Reply-To, auto-replies, bulk mail, bounces, SupportKit's own messages, HTML with quoted history and
 * PDFs, faxes, unknown senders, Cyrillic subjects in encoded words, repeated deliveries of one Message-ID)
 * land in a GreenMail IMAP mailbox watched by two engines on one H2 file database (on PostgreSQL in
 * {@link InboundEmailTwoEnginesPostgresTest}); the engine holding the
 * mailbox is closed in the middle. Checked message by message: every real contact registered once, on the
 * right request, by the right representative and channel, with its files; no noise registered.
 */
class InboundEmailTwoEnginesTest {
    private static final String MAILBOX = "support@desk.example";
    private static final String GATEWAY = "fax@gateway.example";

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path directory;

    private enum Kind {
        NEW, REPLY_BY_SUBJECT, REPLY_BY_HEADER, AUTO_REPLY, BULK, BOUNCE, OWN, HTML_WITH_PDF, FAX, UNKNOWN;

        boolean contact() {
            return this == NEW || this == REPLY_BY_SUBJECT || this == REPLY_BY_HEADER || this == HTML_WITH_PDF
                    || this == FAX;
        }
    }

    /** What one message must become. */
    private record Expected(int index, Kind kind, String token, String subject, RepresentativeId rep,
                            Optional<RequestId> target, Optional<String> file) {
    }

    /**
     * The storage both engines share.
     *
     * @return engine settings putting an engine on one H2 file database
     */
    Map<String, String> storage() {
        return Map.of("supportkit.storage.provider", "jdbc", "supportkit.providers.jdbc.url",
                "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath());
    }

    private EngineFixture engine(RecordingInboundFactory factory) {
        String p = "supportkit.providers.inbound-email.";
        Map<String, String> settings = TestMails.mailboxSettings(p, GREENMAIL.getImap().getPort(), "200ms");
        settings.putAll(storage());
        // Longer than the minute each fixture clock jumps while the open requests are made: a jump past a claim of
        // 30 s let the other engine take the mailbox over in the middle of a pass, so two engines read it. The
        // holder closing midway still hands the mailbox over at once (it releases its claim).
        settings.put(p + "lease", "10m");
        settings.put(p + "own-message-id-domains", "desk.example");
        settings.put(p + "own-addresses", MAILBOX);
        settings.put(p + "fax-gateway", GATEWAY);
        settings.put(p + "fax-number-header", "X-Fax-From");
        settings.put(p + "smtp-host", "127.0.0.1");
        settings.put(p + "smtp-port", Integer.toString(GREENMAIL.getSmtp().getPort()));
        settings.put(p + "smtp-security", "none");
        settings.put(p + "reply-from", MAILBOX);
        return new EngineFixture(TenantId.of("acme"), null, settings, builder -> builder.inboundSource(factory));
    }

    @Test
    @DisplayName("200 e-mails, two engines, the holder closed midway: each real contact once on the right request, "
            + "no noise")
    void twoHundredMails() throws Exception {
        GreenMailUser inbox = GREENMAIL.setUser(MAILBOX, "support", "secret");
        RecordingInboundFactory factoryA = new RecordingInboundFactory();
        RecordingInboundFactory factoryB = new RecordingInboundFactory();
        EngineFixture a = engine(factoryA);
        EngineFixture b = engine(factoryB);
        try {
            List<RepresentativeId> reps = new ArrayList<>(List.of(a.rep));
            for (int r = 2; r <= 4; r++) {
                RepresentativeId id = RepresentativeId.of("rep-" + r);
                a.engine.directory().saveRepresentative(a.admin, new Representative(id, a.org, "Представитель " + r,
                        "person" + r + "@romashka.example", null, false));
                reps.add(id);
            }
            List<Request> open = new ArrayList<>();
            for (int r = 0; r < 5; r++) {
                open.add(a.registered());
                b.clock.advance(Duration.ofMinutes(1)); // the two nodes' clocks agree
            }
            List<Expected> expected = new ArrayList<>();
            int delivered = 0;
            for (int i = 0; i < 190; i++) {
                Kind kind = Kind.values()[i % Kind.values().length];
                String token = "token-" + i + "-end";
                RepresentativeId rep = reps.get(i % reps.size());
                String from = rep.equals(a.rep) ? "Irina Petrova <irina@romashka.example>"
                        : "person" + rep.value().substring(4) + "@romashka.example";
                String id = "<m" + i + "@romashka.example>";
                Request target = open.get(i % open.size());
                String subject = "Не работает АТС, письмо №" + i;
                MimeMessage message;
                Optional<RequestId> expectTarget = Optional.empty();
                Optional<String> file = Optional.empty();
                switch (kind) {
                    case NEW -> message = TestMails.plain(id, from, MAILBOX, subject, "Здравствуйте!\n" + token
                            + "\n\n-- \nИрина, ООО Ромашка");
                    case REPLY_BY_SUBJECT -> {
                        subject = "Re: [#" + target.id() + "] " + subject;
                        message = TestMails.plain(id, from, MAILBOX, subject, "Ответ " + token
                                + "\n\nOn Tue, 10 Mar 2026 at 10:00, Support <support@desk.example> wrote:\n"
                                + "> OLDQUOTE earlier text\n");
                        expectTarget = Optional.of(target.id());
                    }
                    case REPLY_BY_HEADER -> {
                        subject = "Re: " + subject;
                        message = TestMails.plain(id, from, MAILBOX, subject, token + "\n> OLDQUOTE");
                        String sent = "<" + target.id() + "_2_request.registered_" + rep + ".0123456789abcdef"
                                + "@desk.example>";
                        message.setHeader("In-Reply-To", sent);
                        message.setHeader("References", "<older@romashka.example> " + sent);
                        expectTarget = Optional.of(target.id());
                    }
                    case AUTO_REPLY -> {
                        message = TestMails.plain(id, from, MAILBOX, "Автоответ: " + subject, "Я в отпуске " + token);
                        message.setHeader("Auto-Submitted", "auto-replied");
                    }
                    case BULK -> {
                        message = TestMails.plain(id, from, MAILBOX, "Рассылка " + i, "News " + token);
                        message.setHeader("Precedence", "bulk");
                    }
                    case BOUNCE -> message = TestMails.bounce(id, MAILBOX, "gone" + i + "@romashka.example", token);
                    case OWN -> {
                        message = TestMails.plain("<" + target.id() + "_5_request.resolved_rep-irina.aa@desk.example>",
                                MAILBOX, MAILBOX, "Request resolved", "Looped back " + token);
                        message.setHeader("X-SupportKit-Idempotency-Key", target.id() + ":5:request.resolved:rep");
                    }
                    case HTML_WITH_PDF -> {
                        file = Optional.of("счёт-" + i + ".pdf");
                        message = TestMails.htmlWithPdf(id, from, MAILBOX, subject, "<html><body><p>Скан <b>"
                                + token + "</b></p><div>Вторая&nbsp;строка</div><blockquote>OLDQUOTE history"
                                + "</blockquote></body></html>", file.get());
                    }
                    case FAX -> {
                        file = Optional.of("fax-" + i + ".pdf");
                        message = TestMails.fax(id, GATEWAY, MAILBOX, "+7 (495) 000-00-00", file.get());
                        message.setText("1 page " + token, "UTF-8");
                        message = withPdf(message, token, file.get());
                        rep = a.otherOrgRep;
                        subject = "Fax from +7 (495) 000-00-00";
                    }
                    default -> message = TestMails.plain(id, "Stranger <stranger" + i + "@nowhere.example>", MAILBOX,
                            subject, "Who am I " + token);
                }
                expected.add(new Expected(i, kind, token, subject, rep, expectTarget, file));
                inbox.deliver(message);
                delivered++;
                if (i % 20 == 0 && kind.contact()) {
                    inbox.deliver(message); // the same message again: one contact
                    delivered++;
                }
            }
            while (delivered < 200) { // top up to 200 with repeats of the first real messages
                inbox.deliver(TestMails.plain("<m" + (delivered - 190) * 10 + "@romashka.example>",
                        "irina@romashka.example", MAILBOX, "Не работает АТС, письмо №" + (delivered - 190) * 10,
                        "Здравствуйте!\ntoken-" + (delivered - 190) * 10 + "-end\n\n-- \nИрина, ООО Ромашка"));
                delivered++;
            }
            assertEquals(200, delivered);

            // Midway, the engine holding the mailbox closes; the other takes over from the stored UID.
            await().atMost(Duration.ofSeconds(120)).until(() -> handled(factoryA) + handled(factoryB) >= 60);
            boolean aHeld = handled(factoryA) > 0;
            assertTrue(aHeld ^ handled(factoryB) > 0, "exactly one engine read the mailbox while both watched it: "
                    + factoryA.last().outcomes() + " / " + factoryB.last().outcomes());
            EngineFixture holder = aHeld ? a : b;
            EngineFixture other = aHeld ? b : a;
            holder.close();
            await().atMost(Duration.ofSeconds(180)).until(() -> handled(factoryA) + handled(factoryB) >= 200);

            Map<String, List<Contact>> byToken = contactsByToken(other);
            Map<RequestId, Request> requests = new HashMap<>();
            for (Request request : other.engine.quality().requests(other.auditor,
                    RequestQuery.builder().limit(RequestQuery.MAX_LIMIT).build())) {
                requests.put(request.id(), request);
            }
            for (Expected e : expected) {
                List<Contact> found = byToken.getOrDefault(e.token(), List.of());
                if (!e.kind().contact()) {
                    assertEquals(List.of(), found, "message " + e.index() + " (" + e.kind() + ") registered nothing");
                    continue;
                }
                assertEquals(1, found.size(), "message " + e.index() + " (" + e.kind() + ") registered once: " + found);
                Contact contact = found.get(0);
                assertEquals(e.rep(), contact.representative(), "message " + e.index() + " representative");
                assertEquals(e.kind() == Kind.FAX ? Channel.FAX : Channel.EMAIL, contact.channel(),
                        "message " + e.index() + " channel");
                assertFalse(contact.text().contains("OLDQUOTE"), "quoted history trimmed: " + contact.text());
                assertFalse(contact.text().contains("Ирина, ООО Ромашка"), "signature trimmed: " + contact.text());
                Request request = requests.get(contact.request());
                if (e.target().isPresent()) {
                    assertEquals(e.target().get(), contact.request(), "message " + e.index() + " is on its request");
                } else {
                    assertTrue(open.stream().noneMatch(r -> r.id().equals(contact.request())),
                            "message " + e.index() + " started a new request");
                    assertEquals(e.subject(), request.subject(), "message " + e.index() + " subject (encoded words)");
                }
                if (e.file().isPresent()) {
                    long entry = other.engine.journal().entries(other.auditor, contact.request()).stream()
                            .filter(j -> contactOf(j).equals(Optional.of(contact.id().value())))
                            .mapToLong(JournalEntry::sequence).findFirst().orElseThrow();
                    List<Attachment> files = other.engine.work().attachments(other.auditor, contact.request()).stream()
                            .filter(f -> f.entry() == entry).toList();
                    assertEquals(List.of(e.file().get()), files.stream().map(Attachment::name).toList(),
                            "message " + e.index() + " keeps its file on its contact");
                    assertEquals(TestMails.PDF.length, files.get(0).size());
                }
                if (e.kind() == Kind.HTML_WITH_PDF) {
                    assertTrue(contact.text().contains("Скан " + e.token()) && contact.text().contains("Вторая строка")
                            && !contact.text().contains("<"), "HTML reduced to text: " + contact.text());
                }
            }
            InboundEmailSource survivor = (aHeld ? factoryB : factoryA).last();
            assertTrue(survivor.failingAddress("gone5@romashka.example").isPresent(), "a bounce marks its address");
            assertEquals("5.1.1", survivor.failingAddress("gone5@romashka.example").get().get("status"));
            assertEquals(Optional.empty(), survivor.failingAddress("irina@romashka.example"));
            // Unknown senders got one refusal each, marked as an automatic reply.
            MimeMessage[] refusals = GREENMAIL.getReceivedMessagesForDomain("nowhere.example");
            assertEquals(19, refusals.length, "one refusal per unknown sender");
            assertEquals("auto-replied", refusals[0].getHeader("Auto-Submitted", ","));
            assertNotEquals(0L, survivor.outcomes().get("NOISE"));
        } finally {
            b.close();
            a.close();
        }
    }

    private static MimeMessage withPdf(MimeMessage fax, String token, String fileName) throws Exception {
        MimeMessage copy = TestMails.fax(fax.getMessageID(), GATEWAY, MAILBOX, "+7 (495) 000-00-00", fileName);
        jakarta.mail.internet.MimeMultipart mixed = (jakarta.mail.internet.MimeMultipart) copy.getContent();
        ((jakarta.mail.internet.MimeBodyPart) mixed.getBodyPart(0)).setText("1 page " + token, "UTF-8");
        copy.saveChanges();
        return copy;
    }

    private static long handled(RecordingInboundFactory factory) {
        return factory.created.stream().mapToLong(s -> s.outcomes().values().stream().mapToLong(Long::longValue).sum())
                .sum();
    }

    private static Optional<String> contactOf(JournalEntry entry) {
        if (entry.event() instanceof RequestEvent.Registered r) {
            return Optional.of(r.contact().value());
        }
        if (entry.event() instanceof RequestEvent.ContactAttached c) {
            return Optional.of(c.contact().value());
        }
        return Optional.empty();
    }

    private static Map<String, List<Contact>> contactsByToken(EngineFixture fx) {
        Map<String, List<Contact>> byToken = new HashMap<>();
        for (Request request : fx.engine.quality().requests(fx.auditor,
                RequestQuery.builder().limit(RequestQuery.MAX_LIMIT).build())) {
            for (Contact contact : fx.engine.intake().contacts(fx.auditor, request.id())) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("token-[0-9]+-end").matcher(contact.text());
                while (m.find()) {
                    byToken.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(contact);
                }
            }
        }
        return byToken;
    }
}
