package dev.supportkit.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import dev.supportkit.core.testing.InterceptingStorageFactory;
import dev.supportkit.spi.notification.Notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled checkpoints: taken once per due time across engines, and each copy (file, message to the auditor,
 * event) is a checkpoint {@code verifyAgainst} reads, which finds a journal cut back after it.
 */
class CheckpointScheduleTest {
    private static final TenantId TENANT = TenantId.of("checkpoint-tenant");
    private final InterceptingStorageFactory storage = new InterceptingStorageFactory();
    private final ScriptedChannelFactory email = new ScriptedChannelFactory("scripted-email", Channel.EMAIL);
    private final MutableClock clock = new MutableClock(EngineFixture.START);
    private final List<EngineFixture> nodes = new ArrayList<>();
    private final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());
    @TempDir
    Path directory;

    private SupportEngine.Builder builder(String node) {
        return SupportEngine.builder().clock(clock).environment(Map.of()).storage(storage)
                .notificationChannel(email).eventListener(events::add)
                .set("supportkit.node-id", node).set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.journal.checkpoint-directory", directory.toString())
                .set("supportkit.journal.checkpoints.every", "PT1H")
                .set("supportkit.journal.checkpoints.tenants", TENANT.value())
                .set("supportkit.journal.checkpoints.recipients", "spc-boris")
                .set("supportkit.journal.checkpoints.event", "true");
    }

    private EngineFixture node(String id) {
        EngineFixture fx = new EngineFixture(TENANT, builder(id).build());
        nodes.add(fx);
        return fx;
    }

    @AfterEach
    void close() {
        nodes.forEach(EngineFixture::close);
    }

    private List<Notification> checkpointMails() {
        return email.received.stream().filter(n -> !n.attachments().isEmpty()
                && n.attachments().get(0).fileName().startsWith("checkpoint-")).toList();
    }

    private List<RequestEvent.JournalCheckpointed> checkpointEvents() {
        return events.stream().filter(e -> e.entry().event() instanceof RequestEvent.JournalCheckpointed)
                .map(e -> (RequestEvent.JournalCheckpointed) e.entry().event()).toList();
    }

    @Test
    @DisplayName("two engines: one checkpoint per hour, as a file, a mail to the auditor and an event")
    void takenOncePerDueTimeEverywhere() throws IOException {
        EngineFixture first = node("node-a");
        EngineFixture second = node("node-b");
        first.engine.directory().savePreferences(first.admin, new DeliveryPreferences("spc-boris",
                List.of(new ContactPoint(Channel.EMAIL, "boris@support.example")), null, Locale.forLanguageTag("en")));
        Request closed = first.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
        Request open = first.registered();

        first.engine.runDueWork();
        second.engine.runDueWork();
        first.engine.runDueWork();
        assertEquals(1, checkpointMails().size(), "one mail: " + email.received);
        assertEquals(1, checkpointEvents().size(), "one event");
        Path tenantDirectory = directory.resolve(TENANT.value());
        List<Path> files;
        try (Stream<Path> listed = Files.list(tenantDirectory)) {
            files = listed.toList();
        }
        assertEquals(1, files.size(), files.toString());

        // the three copies are the same checkpoint, and each reads as one that holds
        String fromFile = Files.readString(files.get(0), StandardCharsets.UTF_8);
        String fromMail = new String(checkpointMails().get(0).attachments().get(0).content(), StandardCharsets.UTF_8);
        RequestEvent.JournalCheckpointed event = checkpointEvents().get(0);
        assertEquals(fromFile, fromMail);
        assertEquals(fromFile, event.checkpoint());
        assertEquals(2, event.requests());
        assertTrue(checkpointMails().get(0).body().contains(event.sha256()), checkpointMails().get(0).body());
        assertEquals(List.of(), first.engine.journal().verifyAgainst(first.auditor, fromFile));

        // an hour later: the next one, once
        clock.advance(Duration.ofHours(1));
        second.engine.runDueWork();
        first.engine.runDueWork();
        assertEquals(2, checkpointMails().size());
        assertEquals(2, checkpointEvents().size());

        // the closed request's journal read back one entry short, as if its last entry were deleted: the
        // checkpoint taken before finds it
        storage.journalReads = records -> records.isEmpty() || !records.get(0).request().equals(closed.id()) ? records
                : records.subList(0, records.size() - 1);
        List<ChainVerification> problems = first.engine.journal().verifyAgainst(first.auditor, event.checkpoint());
        assertEquals(List.of(closed.id()), problems.stream().map(ChainVerification::request).toList());
        assertTrue(problems.get(0).problem().orElseThrow().contains("entries were removed"), problems.toString());
        assertTrue(first.engine.journal().verify(first.auditor, open.id()).intact());
    }

    @Test
    @DisplayName("a text that is not a checkpoint is refused naming the field and the rule")
    void badCheckpointText() {
        EngineFixture fx = node("node-a");
        for (String text : List.of("", "{not json", "{\"tenant\":\"t\",\"takenAt\":\"x\",\"heads\":[]}")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> fx.engine.journal().verifyAgainst(fx.auditor, text));
            FieldError error = e.errors().get(0);
            assertEquals("checkpoint", error.field(), e.toString());
            assertTrue(List.of("required", "format").contains(error.rule()), e.toString());
            assertTrue(!e.getMessage().contains("{not json"), "the text is not quoted back: " + e.getMessage());
        }
        ValidationException other = assertThrows(ValidationException.class, () -> fx.engine.journal()
                .verifyAgainst(fx.auditor, "{\"tenant\":\"another\",\"takenAt\":\"2026-01-01T00:00:00Z\",\"heads\":[]}"));
        assertEquals("checkpoint.tenant", other.errors().get(0).field());
    }

    @Test
    @DisplayName("bad checkpoint settings are all reported at start")
    void badSettings() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SupportEngine.builder()
                .clock(clock).environment(Map.of())
                .set("supportkit.journal.checkpoints.every", "PT10S")
                .set("supportkit.journal.checkpoints.recipients", "bad id!")
                .set("supportkit.journal.checkpoints.event", "maybe")
                .set("supportkit.journal.checkpoints.colour", "blue").build());
        for (String expected : List.of("checkpoints.every: must be at least PT1M", "checkpoints.tenants: must name",
                "checkpoints.recipients: 'bad id!'", "checkpoints.event: must be true or false",
                "checkpoints.colour: unknown")) {
            assertTrue(e.getMessage().contains(expected), expected + " in " + e.getMessage());
        }
    }
}
