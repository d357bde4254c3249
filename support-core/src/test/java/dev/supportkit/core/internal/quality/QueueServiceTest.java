package dev.supportkit.core.internal.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.AssigneeFilter;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestPage;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestSort;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.testing.EngineFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Queues through the quality service: cursors, "mine", customers' scope, counts and exports. */
class QueueServiceTest {
    private final EngineFixture fx = new EngineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private List<RequestId> registerSeveral(int count) {
        List<RequestId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(fx.registered().id());
        }
        return ids;
    }

    private static List<RequestId> ids(List<Request> requests) {
        return requests.stream().map(Request::id).toList();
    }

    @Test
    @DisplayName("pages follow one another through their cursors; the last page has none; the count is the total")
    void pagesThroughCursors() {
        List<RequestId> registered = registerSeveral(8);
        RequestQuery query = RequestQuery.builder().open().limit(3).build();
        List<RequestId> seen = new ArrayList<>();
        RequestPage page = fx.engine.quality().queue(fx.operator, query);
        int pages = 1;
        seen.addAll(ids(page.requests()));
        while (page.nextCursor().isPresent()) {
            page = fx.engine.quality().queue(fx.operator, query.toBuilder().after(page.nextCursor().get()).build());
            seen.addAll(ids(page.requests()));
            pages++;
        }
        assertEquals(registered, seen, "oldest first, each once");
        assertEquals(3, pages);
        assertEquals(8, fx.engine.quality().countRequests(fx.operator, query));
        assertEquals(ids(fx.engine.quality().requests(fx.operator, query)), registered.subList(0, 3));
    }

    @Test
    @DisplayName("a cursor is refused with another query or when it is not one the engine made")
    void foreignCursorsAreRefused() {
        registerSeveral(3);
        RequestQuery query = RequestQuery.builder().limit(1).build();
        String cursor = fx.engine.quality().queue(fx.operator, query).nextCursor().orElseThrow();

        ValidationException otherOrder = assertThrows(ValidationException.class, () -> fx.engine.quality()
                .queue(fx.operator, query.toBuilder().sort(RequestSort.NEWEST_FIRST).after(cursor).build()));
        assertEquals("query.after", otherOrder.errors().get(0).field());
        assertEquals("cursor", otherOrder.errors().get(0).rule());
        ValidationException otherFilter = assertThrows(ValidationException.class, () -> fx.engine.quality()
                .queue(fx.operator, query.toBuilder().open().after(cursor).build()));
        assertEquals("cursor", otherFilter.errors().get(0).rule());
        for (String forged : List.of("not-base64!", "cTE", "AAAA" + cursor.substring(4))) {
            ValidationException error = assertThrows(ValidationException.class, () -> fx.engine.quality()
                    .queue(fx.operator, query.toBuilder().after(forged).build()), forged);
            assertEquals("query.after", error.errors().get(0).field(), forged);
        }
        // the page size is not part of the query a cursor belongs to
        assertEquals(2, fx.engine.quality().queue(fx.operator, query.toBuilder().limit(5).after(cursor).build())
                .requests().size());
    }

    @Test
    @DisplayName("\"mine\" is the acting specialist's requests; unassigned ones are nobody's")
    void mineAndUnassigned() {
        Request taken = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        Request waiting = fx.registered();
        RequestQuery mine = RequestQuery.builder().assignee(AssigneeFilter.mine()).build();
        assertEquals(List.of(taken.id()), ids(fx.engine.quality().requests(fx.operator, mine)));
        assertEquals(List.of(), fx.engine.quality().requests(fx.engineer, mine));
        assertEquals(List.of(waiting.id()), ids(fx.engine.quality().requests(fx.operator,
                RequestQuery.builder().assignee(AssigneeFilter.unassigned()).build())));
    }

    @Test
    @DisplayName("a customer sees and counts only their organisation's requests, whatever the query names")
    void customersAreScoped() {
        Request own = fx.registered();
        fx.registered(fx.draft().organization(fx.otherOrg).representative(fx.otherOrgRep).system(null));
        assertEquals(List.of(own.id()), ids(fx.engine.quality().requests(fx.customer, RequestQuery.all())));
        assertEquals(1, fx.engine.quality().countRequests(fx.customer, RequestQuery.all()));
        RequestQuery theirs = RequestQuery.builder().organization(fx.otherOrg).build();
        assertEquals(List.of(), fx.engine.quality().requests(fx.customer, theirs));
        assertEquals(0, fx.engine.quality().countRequests(fx.customer, theirs));
        assertEquals(1, fx.engine.quality().countRequests(fx.operator, theirs));
    }

    @Test
    @DisplayName("an export streams every match page by page, in order")
    void exportStreamsEverything() {
        List<RequestId> registered = registerSeveral(7);
        List<RequestId> exported = fx.engine.quality()
                .exportRequests(fx.auditor, RequestQuery.builder().limit(2).build()).map(Request::id).toList();
        assertEquals(registered, exported);
        assertEquals(List.of(), fx.engine.quality().exportRequests(fx.auditor,
                RequestQuery.builder().status(RequestStatus.CLOSED).build()).toList());
    }

    @Test
    @DisplayName("the system's model is recorded at registration, and queues filter by it")
    void modelIsRecorded() {
        Request request = fx.registered();
        assertEquals(Optional.of("NT-PBX 300"), request.model());
        assertEquals(List.of(request.id()), ids(fx.engine.quality().requests(fx.operator,
                RequestQuery.builder().model("NT-PBX 300").build())));
        assertTrue(fx.engine.quality().requests(fx.operator, RequestQuery.builder().model("other").build()).isEmpty());
    }

    @Test
    @DisplayName("milestones are recorded as the request passes them: first response, resolved, signed off, closed")
    void milestones() {
        Request registered = fx.registered();
        assertEquals(dev.supportkit.api.request.Milestones.NONE, registered.milestones());
        Request closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
        var m = closed.milestones();
        assertTrue(m.firstResponse().isPresent() && m.resolved().isPresent() && m.signedOff().isPresent()
                && m.closed().isPresent(), m.toString());
        assertTrue(!m.firstResponse().get().isAfter(m.resolved().get())
                && !m.resolved().get().isAfter(m.signedOff().get()) && !m.signedOff().get().isAfter(m.closed().get()),
                m.toString());
        assertEquals(closed.updatedAt(), m.closed().get());
        assertEquals(m, fx.engine.quality().request(fx.auditor, closed.id()).milestones());
    }
}
