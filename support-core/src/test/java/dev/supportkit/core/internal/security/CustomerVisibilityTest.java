package dev.supportkit.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.escalation.VendorCase;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.work.Attachment;
import dev.supportkit.api.work.FileUpload;
import dev.supportkit.api.work.Note;
import dev.supportkit.api.work.TaskDraft;
import dev.supportkit.core.testing.EngineFixture;
import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Field by field, what a customer's representative sees of a request through every read the README names,
 * against what staff see. Every component of {@link Request} must have a decision here: a new one fails the
 * test until someone decides whether customers see it.
 */
class CustomerVisibilityTest {
    /** Hidden components are empty for customers; every other one is exactly what staff see. */
    private static final Set<String> HIDDEN = Set.of("vendorCase", "workPlan");
    private static final Set<String> SHOWN = Set.of("id", "tenant", "organization", "representative", "system",
            "subject", "description", "channel", "priority", "status", "line", "group", "assignee", "resolution",
            "registeredAt", "updatedAt", "version", "journalSequence", "journalHash", "deadlines", "category",
            "intake", "model", "milestones", "typical", "works", "survey");

    private final EngineFixture fx = new EngineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    /** A request with every internal part present: vendor case, work plan, internal note with a file. */
    private Request fullRequest() {
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        r = fx.engine.work().planWork(fx.engineer, r.ref(), List.of(TaskDraft.builder("diagnose")
                .executor(SpecialistId.of("spc-viktor")).description("Read the logs").within(Duration.ofHours(1))
                .build()));
        r = fx.engine.work().approvePlan(fx.groupLead, r.ref());
        r = fx.engine.work().addNote(fx.engineer, r.ref(), Note.of("internal: PSU batch recalled"));
        r = fx.engine.work().attach(fx.engineer, r.ref(), r.journalSequence(), FileUpload.of("internal.log",
                "text/plain", new ByteArrayInputStream(new byte[] {1})));
        r = fx.engine.work().reply(fx.engineer, r.ref(), "We are replacing the PSU today.");
        r = fx.engine.work().attach(fx.engineer, r.ref(), r.journalSequence(), FileUpload.of("diagram.pdf",
                "application/pdf", new ByteArrayInputStream(new byte[] {2})));
        return fx.engine.escalation().escalateToVendor(fx.groupLead, r.ref(),
                new VendorCase(null, null, "PSU keeps failing"));
    }

    @Test
    @DisplayName("every Request component is decided: hidden ones are empty for customers, others equal staff's")
    void everyComponentDecided() {
        Set<String> components = Arrays.stream(Request.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> decided = new TreeSet<>(SHOWN);
        decided.addAll(HIDDEN);
        assertEquals(components, decided, "decide for each new component whether customers see it");

        Request staff = fullRequest();
        assertTrue(staff.vendorCase().isPresent() && staff.workPlan().isPresent(), "the fixture has internal parts");
        Map<String, Function<Request, Request>> reads = Map.of(
                "quality().request", r -> fx.engine.quality().request(fx.customer, r.id()),
                "quality().requests", r -> only(fx.engine.quality().requests(fx.customer, RequestQuery.all()), r),
                "quality().queue", r -> only(fx.engine.quality().queue(fx.customer, RequestQuery.all()).requests(), r),
                "quality().exportRequests", r -> only(fx.engine.quality().exportRequests(fx.customer,
                        RequestQuery.all()).toList(), r));
        reads.forEach((read, call) -> {
            Request seen = call.apply(staff);
            for (RecordComponent component : Request.class.getRecordComponents()) {
                Object staffValue = value(component, staff);
                Object customerValue = value(component, seen);
                if (HIDDEN.contains(component.getName())) {
                    assertEquals(Optional.empty(), customerValue, read + " hides " + component.getName());
                    assertNotEquals(Optional.empty(), staffValue);
                } else {
                    assertEquals(staffValue, customerValue, read + " shows " + component.getName());
                }
            }
        });
    }

    @Test
    @DisplayName("the journal and the files: a customer sees exactly the customer-visible entries and their files")
    void journalAndFiles() {
        Request staff = fullRequest();
        List<JournalEntry> all = fx.engine.journal().entries(fx.auditor, staff.id());
        List<JournalEntry> seen = fx.engine.journal().entries(fx.customer, staff.id());
        assertEquals(all.stream().filter(e -> e.visibility() == Visibility.CUSTOMER_VISIBLE).toList(), seen);
        assertTrue(seen.size() < all.size(), "the fixture has internal entries");
        assertEquals(List.of("diagram.pdf"), fx.engine.work().attachments(fx.customer, staff.id()).stream()
                .map(Attachment::name).toList());
        assertEquals(List.of("internal.log", "diagram.pdf"), fx.engine.work().attachments(fx.auditor, staff.id())
                .stream().map(Attachment::name).toList());
    }

    private static Request only(List<Request> requests, Request wanted) {
        return requests.stream().filter(r -> r.id().equals(wanted.id())).findFirst().orElseThrow();
    }

    private static Object value(RecordComponent component, Request request) {
        try {
            return component.getAccessor().invoke(request);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
