package dev.supportkit.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bad setting is named at once, with its full key and its rule; passwords never show. */
class InboundEmailSettingsTest {
    private static final String P = InboundEmailSettings.PREFIX;

    @Test
    void everyProblemNamedAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> InboundEmailSettings.parse(
                new ProviderSettings(Map.of("mailboxes", "inbox, Bad_Name", "unknown-sender", "register",
                        "poll-interval", "1m", "lease", "90s", "subject-pattern", "[#", "mailbox.inbox.port", "0",
                        "smtp-host", "smtp.example", "colour", "blue"))));
        List<String> problems = e.problems();
        for (String expected : List.of(P + "tenant", P + "mailboxes", P + "unknown-representative", P + "lease",
                P + "subject-pattern", P + "mailbox.inbox.host", P + "mailbox.inbox.username", P + "mailbox.inbox.port",
                P + "reply-from", P + "colour")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected + ":")), expected + " in " + problems);
        }
    }

    @Test
    void readsSeveralMailboxesAndHidesPasswords() {
        InboundEmailSettings settings = InboundEmailSettings.parse(new ProviderSettings(Map.of("tenant", "acme",
                "mailboxes", "support, fax", "mailbox.support.host", "imap.example", "mailbox.support.username", "s",
                "mailbox.support.password", "p4ssw0rd-1", "mailbox.fax.host", "imap.example",
                "mailbox.fax.username", "f", "mailbox.fax.security", "starttls", "mailbox.fax.port", "143",
                "own-message-id-domains", "Desk.Example, mail.desk.example")));
        assertEquals(List.of("support", "fax"), settings.mailboxes().stream().map(MailboxSettings::name).toList());
        assertEquals(143, settings.mailboxes().get(1).port());
        assertEquals(InboundEmailSettings.Security.STARTTLS, settings.mailboxes().get(1).security());
        assertEquals(993, settings.mailboxes().get(0).port());
        assertTrue(settings.ownDomains().contains("desk.example"));
        assertFalse(settings.toString().contains("p4ssw0rd-1"), settings.toString());
    }
}
