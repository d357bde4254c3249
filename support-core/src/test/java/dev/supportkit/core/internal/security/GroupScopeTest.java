package dev.supportkit.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.core.testing.EngineFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Second-line staff act on their own group's requests; the group lead over their group only. */
class GroupScopeTest {
    @Test
    @DisplayName("an engineer and a group lead of another group are refused; the request's group may act")
    void otherGroupsAreRefused() {
        try (EngineFixture fx = new EngineFixture()) {
            GroupId cctv = GroupId.of("grp-cctv");
            fx.engine.directory().saveGroup(fx.admin, new SupportGroup(cctv, "CCTV, second line",
                    SupportLine.SECOND_LINE));
            fx.engine.directory().saveSpecialist(fx.admin, new Specialist(SpecialistId.of("spc-igor"), "Igor",
                    Role.SECOND_LINE_ENGINEER, cctv));
            fx.engine.directory().saveSpecialist(fx.admin, new Specialist(SpecialistId.of("spc-lena"), "Lena",
                    Role.GROUP_LEAD, cctv));
            Actor igor = Actor.staff("spc-igor", "Igor", Role.SECOND_LINE_ENGINEER, fx.tenant);
            Actor lena = Actor.staff("spc-lena", "Lena", Role.GROUP_LEAD, fx.tenant);
            Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
            assertEquals(fx.telephony, r.group().orElseThrow(), "the fixture's request is with telephony");

            ResolutionReport report = ResolutionReport.of("Replaced the PSU", "PSU failed");
            AccessDeniedException engineer = assertThrows(AccessDeniedException.class,
                    () -> fx.engine.resolution().resolve(igor, r.ref(), report));
            assertTrue(engineer.getMessage().contains("grp-cctv"), engineer.getMessage());
            assertThrows(AccessDeniedException.class, () -> fx.engine.resolution().resolve(lena, r.ref(), report));
            assertEquals(r, fx.engine.quality().request(fx.auditor, r.id()), "nothing changed");

            Request resolved = fx.engine.resolution().resolve(fx.engineer, r.ref(), report);
            assertEquals(RequestStatus.RESOLVED, resolved.status());
        }
    }
}
