package dev.supportkit.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.DirectoryPage;
import dev.supportkit.api.directory.DirectoryQuery;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.core.testing.EngineFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Paged directory lists through the public API: order, active entries only, who sees what. */
class DirectoryPagingTest {
    private final EngineFixture fx = new EngineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    /** Reads every page of a query, checking each page's size, and returns the entries in order. */
    private <T extends DirectoryEntry> List<T> all(Actor actor, DirectoryQuery<T> query) {
        List<T> all = new ArrayList<>();
        DirectoryPage<T> page = fx.engine.directory().page(actor, query);
        while (true) {
            assertTrue(page.entries().size() <= query.limit());
            all.addAll(page.entries());
            if (page.nextAfter().isEmpty()) {
                return all;
            }
            assertEquals(query.limit(), page.entries().size(), "only the last page is short");
            page = fx.engine.directory().page(actor, query.after(page.nextAfter().get()));
        }
    }

    @Test
    @DisplayName("pages of specialists give the whole list in id order; onlyActive leaves out deactivated ones")
    void specialistsPageByPage() {
        for (int i = 0; i < 23; i++) {
            fx.engine.directory().saveSpecialist(fx.admin, new Specialist(SpecialistId.of(String.format("spc-x%02d", i)),
                    "Engineer " + i, Role.SECOND_LINE_ENGINEER, fx.telephony));
        }
        List<Specialist> everyone = fx.engine.directory().specialists(fx.admin);
        assertEquals(everyone, all(fx.admin, DirectoryQuery.specialists().limit(4)));
        assertEquals(everyone, all(fx.groupLead, DirectoryQuery.specialists().limit(1000)));

        for (int i = 0; i < 23; i += 2) {
            fx.engine.directory().deactivate(fx.admin, DirectoryKind.SPECIALIST, String.format("spc-x%02d", i), "left");
        }
        List<Specialist> active = all(fx.admin, DirectoryQuery.specialists().onlyActive().limit(5));
        assertEquals(everyone.size() - 12, active.size());
        assertTrue(active.stream().allMatch(s -> fx.engine.directory().active(fx.admin, DirectoryKind.SPECIALIST,
                s.entryId())), "no deactivated specialist on any page");
        assertEquals(everyone.stream().filter(s -> fx.engine.directory().active(fx.admin, DirectoryKind.SPECIALIST,
                s.entryId())).toList(), active, "in the same order");
    }

    @Test
    @DisplayName("a customer pages only their own organisation's entries; the staff directory is refused")
    void customerScope() {
        for (int i = 0; i < 5; i++) {
            fx.engine.directory().saveOrganization(fx.admin, new Organization(OrganizationId.of("org-p" + i),
                    "Customer " + i, null));
        }
        List<Organization> orgs = all(fx.admin, DirectoryQuery.organizations().limit(2));
        assertEquals(7, orgs.size(), "the fixture's two and five more");
        assertEquals(List.of(fx.org), all(fx.customer, DirectoryQuery.organizations().limit(1)).stream()
                .map(Organization::id).toList());
        assertEquals(fx.engine.directory().systems(fx.admin, fx.org),
                all(fx.customer, DirectoryQuery.systems(fx.org).limit(1)));
        assertEquals(List.of(), fx.engine.directory().page(fx.customer, DirectoryQuery.sites(fx.otherOrg)).entries());
        assertThrows(AccessDeniedException.class,
                () -> fx.engine.directory().page(fx.customer, DirectoryQuery.specialists()));
    }

    @Test
    @DisplayName("a bad page size or start is refused naming the field")
    void badQueries() {
        ValidationException zero = assertThrows(ValidationException.class,
                () -> fx.engine.directory().page(fx.admin, DirectoryQuery.groups().limit(0)));
        assertEquals("query.limit", zero.errors().get(0).field());
        assertEquals("range", zero.errors().get(0).rule());
        ValidationException big = assertThrows(ValidationException.class,
                () -> fx.engine.directory().page(fx.admin, DirectoryQuery.groups().limit(1001)));
        assertEquals("query.limit", big.errors().get(0).field());
        ValidationException longAfter = assertThrows(ValidationException.class,
                () -> fx.engine.directory().page(fx.admin, DirectoryQuery.groups().after("x".repeat(65))));
        assertEquals("query.after", longAfter.errors().get(0).field());
        assertEquals(Optional.empty(), fx.engine.directory().page(fx.admin, DirectoryQuery.groups()).nextAfter());
    }
}
