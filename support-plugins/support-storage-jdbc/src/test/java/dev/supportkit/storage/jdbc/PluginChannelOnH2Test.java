package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A plugin's own channel on H2: stored by its id, read back, and the customer's message delivered by it. */
class PluginChannelOnH2Test {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final OrganizationId ORG = OrganizationId.of("org");
    private static final RepresentativeId REP = RepresentativeId.of("rep");
    private static final Channel TELEGRAM = Channel.of("telegram");

    private final TestDatabase.Fresh database = TestDatabase.H2.create();
    private final Actor admin = Actor.staff("admin", "Admin", Role.ADMINISTRATOR, TENANT);
    private final Actor operator = Actor.staff("anna", "Anna", Role.FIRST_LINE_OPERATOR, TENANT);
    private final Actor auditor = Actor.staff("audit", "Audit", Role.AUDITOR, TENANT);
    private final List<SupportEngine> engines = new ArrayList<>();
    /** The in-memory H2 database lives while a connection is open: this one outlives the first engine. */
    private final Connection keepAlive = database.server().connect(database.url());

    /** The plugin: delivers on "telegram" and records what it is given. */
    private final ScriptedChannelFactory telegramPlugin = new ScriptedChannelFactory("telegram-bot", TELEGRAM);

    private SupportEngine engine() {
        SupportEngine.Builder builder = SupportEngine.builder()
                .clock(Clock.fixed(Instant.parse("2026-03-12T06:00:00Z"), ZoneOffset.UTC)).environment(Map.of())
                .set("supportkit.storage.provider", "jdbc").set("supportkit.jobs.poll-interval-ms", "0")
                .notificationChannel(telegramPlugin);
        database.settings().forEach((key, value) -> builder.set("supportkit.providers.jdbc." + key, value));
        SupportEngine engine = builder.build();
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void close() throws Exception {
        engines.forEach(SupportEngine::close);
        keepAlive.close();
        database.drop().run();
    }

    @Test
    @DisplayName("a contact by telegram and a message to a telegram contact point survive a restart and are delivered")
    void telegramEndToEnd() throws Exception {
        SupportEngine first = engine();
        first.directory().saveOrganization(admin, new Organization(ORG, "Romashka LLC", null));
        first.directory().saveRepresentative(admin, new Representative(REP, ORG, "Irina", "irina@example.com", null, false));
        first.directory().savePreferences(admin, new DeliveryPreferences(REP.value(),
                List.of(new ContactPoint(TELEGRAM, "@irina_p")), null, Locale.forLanguageTag("ru")));
        Request request = first.intake().registerContact(operator, ContactDraft.builder().organization(ORG)
                .representative(REP).channel(TELEGRAM).subject("No calls").text("Busy tone").build());
        Request email = first.intake().registerContact(operator, ContactDraft.builder().organization(ORG)
                .representative(REP).channel(Channel.EMAIL).subject("Fax").text("No paper").newRequest(true).build());

        List<String> stored = new ArrayList<>();
        try (ResultSet rows = keepAlive.createStatement().executeQuery("SELECT channel FROM sk_contacts")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertEquals(List.of("EMAIL", "telegram"), stored.stream().sorted().toList(),
                "a built-in channel keeps its enum name, a plugin's is stored by its id");

        first.close();
        engines.remove(first);
        SupportEngine second = engine();
        assertEquals(2, second.runDueWork().messages());
        assertEquals(List.of("@irina_p", "@irina_p"),
                telegramPlugin.received.stream().map(Notification::address).toList());
        Request read = second.quality().request(auditor, request.id());
        assertEquals(TELEGRAM, read.channel());
        assertEquals(Channel.EMAIL, second.quality().request(auditor, email.id()).channel());
        List<Contact> contacts = second.intake().contacts(operator, request.id());
        assertEquals(TELEGRAM, contacts.get(0).channel());
        assertTrue(second.journal().verify(auditor, request.id()).intact());
        assertEquals(TELEGRAM, second.journal().entries(auditor, request.id()).get(0).channel().orElseThrow());
    }
}
