package dev.supportkit.core.internal.resolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.testing.EngineFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sign-off belongs to the request's representative or to one whose entry grants sign-off authority. */
class SignOffAuthorityTest {
    private static Actor colleague(EngineFixture fx, String id, boolean authority) {
        fx.engine.directory().saveRepresentative(fx.admin, Representative.builder().id(RepresentativeId.of(id))
                .organization(fx.org).fullName("Colleague " + id).email(id + "@romashka.example")
                .signOffAuthority(authority).build());
        return Actor.customer(id, "Colleague " + id, fx.tenant, fx.org);
    }

    @Test
    @DisplayName("a colleague without authority is refused and nothing changes; one with authority signs off")
    void onlyTheRepresentativeOrAnAuthorisedColleague() {
        try (EngineFixture fx = new EngineFixture()) {
            Actor pavel = colleague(fx, "rep-pavel", false);
            Actor olga = colleague(fx, "rep-olga", true);
            Request resolved = fx.requestIn(RequestStatus.RESOLVED, SupportLine.FIRST_LINE);

            AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                    () -> fx.engine.resolution().signOff(pavel, resolved.ref(), "ok"));
            assertTrue(refused.getMessage().contains("sign-off authority"), refused.getMessage());
            assertEquals(resolved, fx.engine.quality().request(fx.auditor, resolved.id()), "nothing changed");

            Request signed = fx.engine.resolution().signOff(olga, resolved.ref(), "accepted for the office");
            assertEquals(RequestStatus.SIGNED_OFF, signed.status());

            Request another = fx.requestIn(RequestStatus.RESOLVED, SupportLine.FIRST_LINE);
            assertEquals(RequestStatus.SIGNED_OFF,
                    fx.engine.resolution().signOff(fx.customer, another.ref(), null).status(),
                    "the request's own representative always may");
        }
    }

    @Test
    @DisplayName("authority does not reach another organisation's requests")
    void authorityStaysInTheOrganisation() {
        try (EngineFixture fx = new EngineFixture()) {
            Request resolved = fx.requestIn(RequestStatus.RESOLVED, SupportLine.FIRST_LINE);
            assertThrows(dev.supportkit.api.error.SupportException.class,
                    () -> fx.engine.resolution().signOff(fx.otherCustomer, resolved.ref(), "ok"));
            assertEquals(RequestStatus.RESOLVED, fx.engine.quality().request(fx.auditor, resolved.id()).status());
        }
    }
}
