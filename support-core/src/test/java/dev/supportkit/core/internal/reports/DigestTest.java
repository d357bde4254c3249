package dev.supportkit.core.internal.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.Department;
import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.reports.Digest;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import dev.supportkit.core.testing.SharedStorageFactory;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.storage.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Digests to departments: put together from the store, scheduled, sent once across engines. */
class DigestTest {
    private static final TenantId TENANT = TenantId.of("digest-tenant");
    private final SharedStorageFactory storage = new SharedStorageFactory();
    private final ScriptedChannelFactory email = new ScriptedChannelFactory("scripted-email", Channel.EMAIL);
    private final List<EngineFixture> nodes = new ArrayList<>();
    private final dev.supportkit.core.testing.MutableClock clock =
            new dev.supportkit.core.testing.MutableClock(EngineFixture.START);

    /** A node on the shared store with the daily digest at 08:00 Moscow time (05:00 UTC). */
    private EngineFixture node(String id) {
        SupportEngine.Builder builder = SupportEngine.builder().clock(clock).environment(Map.of()).storage(storage)
                .notificationChannel(email)
                .set("supportkit.node-id", id).set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.quality.digests.daily-sales.tenant", TENANT.value())
                .set("supportkit.quality.digests.daily-sales.department", "dep-sales")
                .set("supportkit.quality.digests.daily-sales.schedule", "daily 08:00")
                .set("supportkit.quality.digests.daily-sales.zone", "Europe/Moscow");
        EngineFixture fx = new EngineFixture(TENANT, builder.build());
        nodes.add(fx);
        return fx;
    }

    @AfterEach
    void close() {
        nodes.forEach(EngineFixture::close);
    }

    private List<OutboxMessage> digestMessages() {
        return storage.store.inTransaction(tx -> tx.findOutboxByStatus(TENANT, OutboxMessage.Status.DELIVERED, 100))
                .stream().filter(m -> m.topic().equals("digest")).toList();
    }

    @Test
    @DisplayName("three engines: the digest of each due time is sent once, to each person of the department")
    void sentOnceAcrossThreeEngines() {
        EngineFixture first = node("node-a");
        node("node-b");
        node("node-c");
        first.engine.directory().saveDepartment(first.admin, new Department(DepartmentId.of("dep-sales"), "Sales",
                "sales", List.of(SpecialistId.of("spc-boris"), SpecialistId.of("spc-galina"))));
        for (String person : List.of("spc-boris", "spc-galina")) {
            first.engine.directory().savePreferences(first.admin, new dev.supportkit.api.directory.DeliveryPreferences(
                    person, List.of(new dev.supportkit.api.directory.ContactPoint(Channel.EMAIL, person + "@support.example")),
                    null, java.util.Locale.forLanguageTag("ru")));
        }
        // START is 06:00 UTC (09:00 Moscow): the day's 08:00 run is due already
        first.requestIn(RequestStatus.RESOLVED, SupportLine.SECOND_LINE);
        for (EngineFixture node : nodes) {
            node.engine.runDueWork();
        }
        assertEquals(List.of("spc-boris", "spc-galina"), digestMessages().stream().map(OutboxMessage::recipient)
                .sorted().toList());
        for (EngineFixture node : nodes) {
            node.engine.runDueWork();
        }
        assertEquals(2, digestMessages().size(), "nothing new before the next due time");

        clock.advance(Duration.ofDays(1));
        for (EngineFixture node : nodes) {
            node.engine.runDueWork();
        }
        List<OutboxMessage> both = digestMessages();
        assertEquals(4, both.size(), "the next day's digest, once");
        assertEquals(2, storage.store.inTransaction(tx -> tx.listCatalogRecords(TENANT, DigestScheduler.RUN_KIND,
                Optional.of("daily-sales"))).size());
        List<Notification> mails = email.received.stream().filter(n -> n.subject().startsWith("Сводка")).toList();
        assertEquals(4, mails.size());
        assertTrue(mails.get(2).body().contains("Поступило заявок: 1"), mails.get(2).body());
        assertTrue(mails.get(2).body().contains("ESCALATED 1"), mails.get(2).body());

        // each message carries the digest as a CSV file: the same figures as the on-demand digest of the period
        Instant due = Instant.parse("2026-03-13T05:00:00Z"); // the second day's 08:00 in Moscow
        Digest expected = first.engine.reports().digest(first.intakeLead, due.minus(Duration.ofDays(1)), due);
        for (Notification mail : mails.subList(2, 4)) {
            assertEquals(1, mail.attachments().size(), mail.toString());
            var file = mail.attachments().get(0);
            assertEquals("daily-sales-2026-03-12.csv", file.fileName());
            assertEquals("text/csv", file.mediaType());
            String csv = new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\uFEFFsection,item,requests\r\n"), csv);
            assertTrue(csv.contains("\r\nreceived,all," + expected.received() + "\r\n"), csv);
            expected.byLine().forEach((line, n) -> assertTrue(csv.contains("\r\nline," + line + "," + n + "\r\n"), csv));
            expected.byPath().forEach((path, n) -> assertTrue(csv.contains("\r\npath," + path + "," + n + "\r\n"), csv));
        }
        assertEquals(mails.get(2).attachments(), mails.get(3).attachments(), "one file for every person");

        // each run is journalled once, under its labour function, in the tenant's digest log
        List<dev.supportkit.api.journal.JournalEntry> logged = first.engine.journal().search(first.auditor,
                dev.supportkit.api.journal.JournalQuery.builder()
                        .functions(dev.supportkit.api.journal.LaborFunction.B_03_6)
                        .period(EngineFixture.START.minus(Duration.ofDays(1)), clock.instant().plusSeconds(1)).build())
                .filter(e -> e.event() instanceof dev.supportkit.api.journal.RequestEvent.DigestSent).toList();
        assertEquals(2, logged.size(), logged.toString());
        var sent = (dev.supportkit.api.journal.RequestEvent.DigestSent) logged.get(1).event();
        assertEquals("daily-sales", sent.digest());
        assertEquals(expected.received(), sent.received());
        assertEquals(List.of("spc-boris", "spc-galina"), sent.recipients().stream().sorted().toList());
        assertEquals(dev.supportkit.api.journal.RequestEvent.DIGEST_LOG, logged.get(1).request().value());
        assertEquals(List.of(1L, 2L), logged.stream().map(e -> e.sequence()).toList(), "one chain");
        assertEquals(logged.get(0).hash(), logged.get(1).previousHash());
        assertTrue(first.engine.reports().laborFunctions(first.intakeLead, EngineFixture.START.minus(Duration.ofDays(1)),
                clock.instant().plusSeconds(1)).stream().anyMatch(t -> t.function()
                == dev.supportkit.api.journal.LaborFunction.B_03_6 && t.entries() == 2),
                "the labour-function report counts the digests");
    }

    @Test
    @DisplayName("attachment = none sends the digest's text alone; another value fails the build naming the key")
    void attachmentSetting() {
        EngineFixture fx = new EngineFixture(TENANT, SupportEngine.builder().clock(clock).environment(Map.of())
                .storage(storage).notificationChannel(email).set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.quality.digests.plain.tenant", TENANT.value())
                .set("supportkit.quality.digests.plain.department", "dep-sales")
                .set("supportkit.quality.digests.plain.schedule", "daily 08:00")
                .set("supportkit.quality.digests.plain.attachment", "none").build());
        nodes.add(fx);
        fx.engine.directory().saveDepartment(fx.admin, new Department(DepartmentId.of("dep-sales"), "Sales",
                "sales", List.of(SpecialistId.of("spc-boris"))));
        fx.engine.directory().savePreferences(fx.admin, new dev.supportkit.api.directory.DeliveryPreferences(
                "spc-boris", List.of(new dev.supportkit.api.directory.ContactPoint(Channel.EMAIL, "boris@support.example")),
                null, java.util.Locale.forLanguageTag("ru")));
        fx.engine.runDueWork();
        List<Notification> mails = email.received.stream().filter(n -> n.subject().startsWith("Сводка")).toList();
        assertEquals(1, mails.size());
        assertEquals(List.of(), mails.get(0).attachments());

        ConfigurationException bad = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
                () -> SupportEngine.builder().environment(Map.of())
                        .set("supportkit.quality.digests.x.tenant", "t")
                        .set("supportkit.quality.digests.x.department", "d")
                        .set("supportkit.quality.digests.x.schedule", "daily 08:00")
                        .set("supportkit.quality.digests.x.attachment", "pdf").build());
        assertTrue(bad.problems().contains("supportkit.quality.digests.x.attachment: must be csv or none, was 'pdf'"),
                bad.problems().toString());
    }

    @Test
    @DisplayName("the on-demand digest counts a period's requests by category, line and path, and the overdue")
    void onDemandDigest() {
        EngineFixture fx = node("node-a");
        fx.requestIn(RequestStatus.RESOLVED, SupportLine.SECOND_LINE);
        fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        Instant from = EngineFixture.START;
        Digest digest = fx.engine.reports().digest(fx.intakeLead, from, from.plus(Duration.ofDays(1)));
        assertEquals(2, digest.received());
        assertEquals(Map.of("SECOND_LINE", 1L, "FIRST_LINE", 1L), digest.byLine());
        assertEquals(Map.of("ESCALATED", 1L, "FIRST_LINE", 1L), digest.byPath());
        assertEquals(0, digest.overdue());
    }

    @Test
    @DisplayName("a digest without its department, or with a bad schedule, fails the build naming the key")
    void badDigestSettings() {
        ConfigurationException bad = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
                () -> SupportEngine.builder().environment(Map.of())
                        .set("supportkit.quality.digests.x.tenant", "t")
                        .set("supportkit.quality.digests.x.schedule", "hourly").build());
        assertTrue(bad.problems().contains("supportkit.quality.digests.x.department: is required"),
                bad.problems().toString());
        assertTrue(bad.problems().stream().anyMatch(p -> p.startsWith("supportkit.quality.digests.x.schedule:")),
                bad.problems().toString());
    }
}
