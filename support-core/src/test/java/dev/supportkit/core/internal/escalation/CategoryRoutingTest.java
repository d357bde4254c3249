package dev.supportkit.core.internal.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A contact's problem category is kept on the request and routing rules can match it. */
class CategoryRoutingTest {
    private static final GroupId PRINTING = GroupId.of("grp-printing");
    private EngineFixture fx;

    @BeforeEach
    void start() {
        SupportEngine engine = SupportEngine.builder().clock(new MutableClock(EngineFixture.START))
                .environment(Map.of()).set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.routing.rules.1.category", "Printing, Scanning")
                .set("supportkit.routing.rules.1.group", PRINTING.value())
                .set("supportkit.routing.default-group", "grp-telephony").build();
        fx = new EngineFixture(TenantId.of("acme"), engine);
        fx.engine.directory().saveGroup(fx.admin, new SupportGroup(PRINTING, "Printing", SupportLine.SECOND_LINE));
        fx.engine.directory().saveSpecialist(fx.admin, new Specialist(SpecialistId.of("spc-print"), "Print Engineer",
                Role.SECOND_LINE_ENGINEER, PRINTING));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private Request routed(String category) {
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).category(category).build());
        r = fx.engine.intake().takeIntoWork(fx.operator, r.ref());
        return fx.engine.escalation().redirect(fx.operator, r.ref(),
                new RedirectTarget(SupportLine.SECOND_LINE, null, null), "needs second line");
    }

    @Test
    @DisplayName("the category is kept on the request and a rule matches it, ignoring case")
    void categoryRule() {
        Request printing = routed(" scanning ");
        assertEquals(Optional.of("scanning"), printing.category());
        assertEquals(Optional.of(PRINTING), printing.group());
        assertEquals(Optional.of(fx.telephony), routed("telephony").group(), "other categories take the default");
        assertEquals(Optional.of(fx.telephony), routed(null).group(), "no category: the rule does not match");
    }

    @Test
    @DisplayName("a category longer than 100 characters is rejected")
    void categoryLength() {
        ValidationException error = assertThrows(ValidationException.class, () -> fx.engine.intake()
                .registerContact(fx.operator, fx.draft().category("x".repeat(101)).build()));
        assertEquals("contact.category", error.errors().get(0).field());
    }
}
