package dev.supportkit.core.internal.handling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.work.Attachment;
import dev.supportkit.api.work.FileUpload;
import dev.supportkit.api.work.Note;
import dev.supportkit.core.testing.EngineFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files on journal entries through the public API: limits, visibility, digests, nothing half-written. */
class AttachmentTest {
    @TempDir
    Path files;

    private EngineFixture fx;

    private EngineFixture engine(Map<String, String> settings) {
        fx = new EngineFixture(settings);
        return fx;
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private static FileUpload text(String name, String content) {
        return FileUpload.of(name, "text/plain", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    @DisplayName("a note's file is internal, a reply's is the customer's too; both are journalled with their digest")
    void visibilityFollowsTheEntry() throws Exception {
        engine(Map.of());
        Request request = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request noted = fx.engine.work().addNote(fx.engineer, request.ref(), Note.of("log from the PBX"));
        Request withLog = fx.engine.work().attach(fx.engineer, noted.ref(), noted.journalSequence(),
                text("pbx.log", "09:00 trunk down"));
        Request replied = fx.engine.work().reply(fx.engineer, withLog.ref(), "Here is the wiring diagram.");
        Request withDiagram = fx.engine.work().attach(fx.engineer, replied.ref(), replied.journalSequence(),
                FileUpload.of("diagram.pdf", "application/pdf", new ByteArrayInputStream(new byte[] {1, 2, 3})));

        List<Attachment> staffSees = fx.engine.work().attachments(fx.auditor, request.id());
        assertEquals(List.of("pbx.log", "diagram.pdf"), staffSees.stream().map(Attachment::name).toList());
        assertEquals(Visibility.INTERNAL, staffSees.get(0).visibility());
        assertEquals(noted.journalSequence(), staffSees.get(0).entry());
        assertEquals(sha256("09:00 trunk down".getBytes(StandardCharsets.UTF_8)), staffSees.get(0).sha256());
        assertEquals(16, staffSees.get(0).size());

        List<Attachment> customerSees = fx.engine.work().attachments(fx.customer, request.id());
        assertEquals(List.of("diagram.pdf"), customerSees.stream().map(Attachment::name).toList());
        assertArrayEquals(new byte[] {1, 2, 3}, read(fx.engine.work().openAttachment(fx.customer, request.id(),
                customerSees.get(0).id())));
        assertThrows(NotFoundException.class, () -> fx.engine.work().openAttachment(fx.customer, request.id(),
                staffSees.get(0).id()), "the note's file is not the customer's");
        assertEquals("09:00 trunk down", new String(read(fx.engine.work().openAttachment(fx.engineer, request.id(),
                staffSees.get(0).id())), StandardCharsets.UTF_8));

        JournalEntry entry = fx.engine.journal().entries(fx.auditor, request.id()).stream()
                .filter(e -> e.sequence() == withDiagram.journalSequence()).findFirst().orElseThrow();
        assertEquals(new RequestEvent.AttachmentAdded(customerSees.get(0).id(), replied.journalSequence(),
                "diagram.pdf", "application/pdf", 3, sha256(new byte[] {1, 2, 3})), entry.event());
        assertEquals(Visibility.CUSTOMER_VISIBLE, entry.visibility());
        ChainVerification chain = fx.engine.journal().verify(fx.auditor, request.id());
        assertTrue(chain.intact(), chain.toString());
    }

    @Test
    @DisplayName("a customer attaches to their own contact only; not to staff entries")
    void customerAttachesToTheirContact() {
        engine(Map.of());
        Request request = fx.registered();
        Request attached = fx.engine.work().attach(fx.customer, request.ref(), 1, text("photo.txt", "LED red"));
        assertEquals(List.of("photo.txt"), fx.engine.work().attachments(fx.customer, request.id()).stream()
                .map(Attachment::name).toList());
        Request taken = fx.engine.intake().takeIntoWork(fx.operator, attached.ref());
        Request noted = fx.engine.work().addNote(fx.operator, taken.ref(), Note.of("internal"));
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().attach(fx.customer, noted.ref(),
                noted.journalSequence(), text("x.txt", "x")));
        assertThrows(NotFoundException.class, () -> fx.engine.work().attach(fx.otherCustomer, noted.ref(), 1,
                text("x.txt", "x")), "another organisation's request is not found");
    }

    @Test
    @DisplayName("oversized, empty, disallowed or badly named files and unattachable entries are refused; nothing is kept")
    void refusals() throws IOException {
        engine(Map.of("supportkit.work.attachments.max-bytes", "10",
                "supportkit.work.attachments.types", "text/plain, image/*",
                "supportkit.work.attachments.directory", files.toString()));
        Request request = fx.registered();
        var work = fx.engine.work();
        assertEquals("file.content/max-size", rule(() -> work.attach(fx.operator, request.ref(), 1,
                text("big.txt", "eleven byte"))));
        assertEquals("file.content/not-empty", rule(() -> work.attach(fx.operator, request.ref(), 1,
                text("empty.txt", ""))));
        assertEquals("file.contentType/allowed", rule(() -> work.attach(fx.operator, request.ref(), 1,
                FileUpload.of("run.exe", "application/x-msdownload", new ByteArrayInputStream(new byte[] {1})))));
        assertEquals("file.name/pattern", rule(() -> work.attach(fx.operator, request.ref(), 1,
                text("../../etc/passwd", "x"))));
        assertEquals("entry/exists", rule(() -> work.attach(fx.operator, request.ref(), 99, text("a.txt", "x"))));
        Request taken = fx.engine.intake().takeIntoWork(fx.operator, request.ref());
        assertEquals("entry/attachable", rule(() -> work.attach(fx.operator, taken.ref(), taken.journalSequence(),
                text("a.txt", "x"))));

        assertEquals(taken, fx.engine.quality().request(fx.auditor, request.id()), "nothing journalled");
        try (Stream<Path> kept = Files.walk(files)) {
            assertEquals(List.of(), kept.filter(Files::isRegularFile).toList(), "no file left behind");
        }
        work.attach(fx.operator, taken.ref(), 1, FileUpload.of("scan.png", "image/png",
                new ByteArrayInputStream(new byte[] {9, 9})));
        assertEquals(1, work.attachments(fx.auditor, request.id()).size(), "image/* allows image/png");
    }

    @Test
    @DisplayName("a stored file changed behind the engine's back fails its reading with the journalled digest")
    void alteredFileIsDetected() throws IOException {
        engine(Map.of("supportkit.work.attachments.directory", files.toString()));
        Request request = fx.registered();
        fx.engine.work().attach(fx.operator, request.ref(), 1, text("pbx.log", "09:00 trunk down"));
        Attachment attachment = fx.engine.work().attachments(fx.auditor, request.id()).get(0);
        Path stored;
        try (Stream<Path> kept = Files.walk(files)) {
            stored = kept.filter(p -> p.getFileName().toString().equals(attachment.id())).findFirst().orElseThrow();
        }
        Files.writeString(stored, "09:00 trunk UP!!");
        IOException altered = assertThrows(IOException.class, () -> {
            try (InputStream in = fx.engine.work().openAttachment(fx.auditor, request.id(), attachment.id())) {
                in.readAllBytes();
            }
        });
        assertTrue(altered.getMessage().contains("does not match its journal entry"), altered.getMessage());
    }

    /** The first error of a refused call as field/rule. */
    private static String rule(org.junit.jupiter.api.function.Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        return e.errors().get(0).field() + "/" + e.errors().get(0).rule();
    }
}
