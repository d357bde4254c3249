package dev.supportkit.core.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.quality.DeliveryStatus;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import dev.supportkit.spi.notification.ContactPointFailure;
import dev.supportkit.spi.notification.FailingContactPoints;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A contact point marked failing is never attempted; the reason is journalled and ends in the dead letter. */
class FailingContactPointsTest {
    private static final ContactPoint IRINA = new ContactPoint(Channel.EMAIL, "irina@romashka.example");
    private final ScriptedChannelFactory email = new ScriptedChannelFactory("scripted-email", Channel.EMAIL);
    private final ScriptedChannelFactory sms = new ScriptedChannelFactory("scripted-sms", Channel.SMS);
    private final EngineFixture fx = new EngineFixture(Map.of(), builder -> builder.notificationChannel(email)
            .notificationChannel(sms));

    @AfterEach
    void close() {
        fx.close();
    }

    private FailingContactPoints marks() {
        return email.context.failingContactPoints();
    }

    private List<RequestEvent.DeliveryAttempted> attempts(Request request) {
        return fx.engine.journal().entries(fx.auditor, request.id()).stream().map(e -> e.event())
                .filter(RequestEvent.DeliveryAttempted.class::isInstance).map(RequestEvent.DeliveryAttempted.class::cast)
                .toList();
    }

    @Test
    @DisplayName("a failing e-mail point is skipped for the next one, and the journal says why")
    void skippedForTheNextPoint() {
        fx.engine.directory().savePreferences(fx.admin, new DeliveryPreferences(fx.rep.value(), List.of(IRINA,
                new ContactPoint(Channel.SMS, "+74951234567")), null, Locale.ENGLISH));
        ContactPointFailure mark = marks().markFailing(fx.tenant, new ContactPoint(Channel.EMAIL,
                " Irina@Romashka.example "), "bounce 5.1.1: smtp; 550 5.1.1 user unknown");
        assertEquals(IRINA, mark.point(), "kept in lower case, without spaces");
        assertEquals("scripted-email", mark.reportedBy());

        Request request = fx.registered();
        fx.engine.runDueWork();

        assertEquals(List.of(), email.received, "nothing attempted on the failing point");
        assertEquals(1, sms.received.size(), "delivered on the next point: " + sms.received);
        RequestEvent.DeliveryAttempted skipped = attempts(request).get(0);
        assertEquals("irina@romashka.example", skipped.address());
        assertEquals("PERMANENT_FAILURE", skipped.outcome());
        assertEquals("not attempted: EMAIL irina@romashka.example is marked failing since " + mark.since()
                + " by scripted-email: bounce 5.1.1: smtp; 550 5.1.1 user unknown", skipped.detail());
        assertEquals("DELIVERED", attempts(request).get(1).outcome());
    }

    @Test
    @DisplayName("with no other point the message is dead with the mark's reason; once cleared it is sent again")
    void deadUntilCleared() {
        marks().markFailing(fx.tenant, IRINA, "bounce 5.1.1");
        Request request = fx.registered();
        fx.engine.runDueWork();

        assertEquals(List.of(), email.received);
        Delivery dead = fx.engine.quality().deliveries(fx.auditor, request.id()).get(0);
        assertEquals(DeliveryStatus.DEAD, dead.status());
        assertTrue(dead.lastOutcome().orElseThrow().contains("is marked failing"), dead.lastOutcome().get());
        assertEquals(0, dead.attempts(), "a skip is no attempt");

        assertTrue(marks().clear(fx.tenant, new ContactPoint(Channel.EMAIL, "IRINA@romashka.example")));
        assertEquals(Optional.empty(), marks().failure(fx.tenant, IRINA));
        assertFalse(marks().clear(fx.tenant, IRINA), "nothing left to clear");
        fx.engine.quality().retryDelivery(fx.admin, dead.id());
        fx.engine.runDueWork();
        assertEquals(List.of("irina@romashka.example"), email.received.stream().map(n -> n.address()).toList());
    }

    @Test
    @DisplayName("a mark in one tenant or on another channel leaves other points alone")
    void onlyTheMarkedPoint() {
        marks().markFailing(dev.supportkit.api.TenantId.of("other"), IRINA, "bounce in another tenant");
        marks().markFailing(fx.tenant, new ContactPoint(Channel.SMS, "irina@romashka.example"), "not an SMS point");
        fx.registered();
        fx.engine.runDueWork();
        assertEquals(1, email.received.size());
    }

    @Test
    @DisplayName("a mark without a reason, point or address is refused naming the field")
    void badInput() {
        assertEquals(List.of(new FieldError("reason", "required", "is required and must not be blank")),
                assertThrows(ValidationException.class, () -> marks().markFailing(fx.tenant, IRINA, " ")).errors());
        assertEquals("point.address", assertThrows(ValidationException.class, () -> marks().markFailing(fx.tenant,
                new ContactPoint(Channel.EMAIL, null), "x")).errors().get(0).field());
        assertEquals("point", assertThrows(ValidationException.class, () -> marks().failure(fx.tenant, null))
                .errors().get(0).field());
        assertEquals("tenant", assertThrows(ValidationException.class, () -> marks().clear(null, IRINA))
                .errors().get(0).field());
        assertEquals(500, marks().markFailing(fx.tenant, IRINA, "x".repeat(600)).reason().length(),
                "a long reason is cut");
    }
}
