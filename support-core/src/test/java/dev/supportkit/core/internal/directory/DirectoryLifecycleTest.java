package dev.supportkit.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.work.Assignment;
import dev.supportkit.core.testing.EngineFixture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Deactivated directory entries take no new work; reactivated ones do again; nothing is deleted. */
class DirectoryLifecycleTest {
    private final EngineFixture fx = new EngineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static void assertRefused(String field, Supplier<?> call) {
        ValidationException error = assertThrows(ValidationException.class, call::get);
        assertEquals(field, error.errors().get(0).field(), error.getMessage());
        assertEquals("active", error.errors().get(0).rule(), error.getMessage());
    }

    @Test
    @DisplayName("a deactivated organisation, representative or system is refused for a new contact, then taken again")
    void contactsNamingDeactivatedEntries() {
        Request before = fx.registered();
        fx.engine.directory().deactivate(fx.admin, DirectoryKind.REPRESENTATIVE, fx.rep.value(), "left the company");
        assertFalse(fx.engine.directory().active(fx.operator, DirectoryKind.REPRESENTATIVE, fx.rep.value()));
        assertRefused("contact.representative", fx::registered);
        fx.engine.directory().reactivate(fx.admin, DirectoryKind.REPRESENTATIVE, fx.rep.value(), "came back");
        assertTrue(fx.engine.directory().active(fx.operator, DirectoryKind.REPRESENTATIVE, fx.rep.value()));

        fx.engine.directory().deactivate(fx.admin, DirectoryKind.SYSTEM, fx.system.value(), "decommissioned");
        assertRefused("contact.system", fx::registered);
        fx.engine.directory().deactivate(fx.admin, DirectoryKind.ORGANIZATION, fx.org.value(), "contract ended");
        assertRefused("contact.organization", fx::registered);
        assertEquals(before, fx.engine.quality().request(fx.auditor, before.id()), "existing requests stay");
        assertEquals("Romashka LLC", fx.engine.directory().organization(fx.admin, fx.org).name(), "still readable");
    }

    @Test
    @DisplayName("a deactivated specialist is refused as an assignee")
    void assigneeMustBeActive() {
        Request taken = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        fx.engine.directory().deactivate(fx.admin, DirectoryKind.SPECIALIST, "spc-boris", "on leave");
        assertRefused("assignment.assignee", () -> fx.engine.work().assign(fx.operator, taken.ref(),
                Assignment.to(SpecialistId.of("spc-boris"), "lead")));
        fx.engine.directory().reactivate(fx.admin, DirectoryKind.SPECIALIST, "spc-boris", "back from leave");
        assertEquals(SpecialistId.of("spc-boris"), fx.engine.work().assign(fx.operator, taken.ref(),
                Assignment.to(SpecialistId.of("spc-boris"), "lead")).assignee().orElseThrow());
    }

    @Test
    @DisplayName("only an administrator changes a status; an unknown entry or a missing reason is refused")
    void whoAndWhat() {
        assertThrows(AccessDeniedException.class, () -> fx.engine.directory().deactivate(fx.intakeLead,
                DirectoryKind.SPECIALIST, "spc-anna", "no"));
        ValidationException unknown = assertThrows(ValidationException.class, () -> fx.engine.directory()
                .deactivate(fx.admin, DirectoryKind.GROUP, "grp-nowhere", "gone"));
        assertEquals("directory.id", unknown.errors().get(0).field());
        assertEquals("exists", unknown.errors().get(0).rule());
        ValidationException reason = assertThrows(ValidationException.class, () -> fx.engine.directory()
                .deactivate(fx.admin, DirectoryKind.SPECIALIST, "spc-anna", " "));
        assertEquals("directory.reason", reason.errors().get(0).field());
        assertTrue(fx.engine.directory().active(fx.auditor, DirectoryKind.SPECIALIST, "spc-anna"),
                "an entry without a status is active");
    }
}
