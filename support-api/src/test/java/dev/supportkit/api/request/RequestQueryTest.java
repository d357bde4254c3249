package dev.supportkit.api.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A queue query checks itself and copies itself exactly. */
class RequestQueryTest {
    private static final Instant T = Instant.parse("2026-03-12T12:00:00Z");

    @Test
    @DisplayName("every broken rule is reported at once, each naming its field and rule")
    void rulesAreNamed() {
        ValidationException error = assertThrows(ValidationException.class, () -> RequestQuery.builder().limit(0)
                .registered(T, T).updated(T.plusSeconds(1), T).category(" ").model("x".repeat(201)).after("")
                .build());
        assertEquals(List.of("query.limit/range", "query.registered/range", "query.updated/range",
                "query.category/length", "query.model/length", "query.after/cursor"),
                error.errors().stream().map(e -> e.field() + "/" + e.rule()).toList());
        FieldError tooLarge = assertThrows(ValidationException.class,
                () -> RequestQuery.builder().limit(RequestQuery.MAX_LIMIT + 1).build()).errors().get(0);
        assertEquals("query.limit", tooLarge.field());
    }

    @Test
    @DisplayName("toBuilder copies every part; open() is every status before RESOLVED")
    void copiesExactly() {
        RequestQuery query = RequestQuery.builder().open().group(GroupId.of("g"))
                .assignee(AssigneeFilter.of(SpecialistId.of("s"))).priority(Priority.HIGH).category("c").model("m")
                .emergency(true).deadline(DeadlineCondition.breached(), DeadlineCondition.atRisk(Duration.ofHours(1)))
                .registered(T, T.plusSeconds(60)).updated(null, T).sort(RequestSort.DUE).after("abc").limit(7)
                .build();
        assertEquals(query, query.toBuilder().build());
        assertEquals(Set.of(RequestStatus.REGISTERED, RequestStatus.IN_PROGRESS_FIRST_LINE,
                RequestStatus.AT_INTAKE_LEAD, RequestStatus.AT_SECOND_LINE, RequestStatus.WAITING_FOR_CUSTOMER),
                query.statuses());
    }

    @Test
    @DisplayName("an at-risk window is more than zero and at most a year; a specialist filter names one")
    void conditionsCheckThemselves() {
        assertThrows(IllegalArgumentException.class, () -> DeadlineCondition.atRisk(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> DeadlineCondition.atRisk(Duration.ofDays(400)));
        assertThrows(NullPointerException.class, () -> AssigneeFilter.of(null));
        assertEquals(Duration.ofMinutes(5), DeadlineCondition.atRisk(Duration.ofMinutes(5)).window());
    }
}
