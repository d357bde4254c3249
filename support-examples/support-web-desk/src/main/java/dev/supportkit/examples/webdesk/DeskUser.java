package dev.supportkit.examples.webdesk;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import java.util.Locale;
import java.util.Optional;

/**
 * One person of the users file: the login (which is also the actor's id — the representative's or the
 * specialist's id in the SupportKit directory), the password hash, the role, and for customers their
 * organisation; staff of second line name their group.
 *
 * @param login        login and actor id
 * @param name         display name
 * @param passwordHash {@link Passwords} hash
 * @param role         the SupportKit role
 * @param tenant       the tenant
 * @param organization the customer's organisation (customers only)
 * @param group        the second-line group (optional, staff only)
 * @param language     the language of the pages ({@code ru} or {@code en})
 */
public record DeskUser(String login, String name, String passwordHash, Role role, TenantId tenant,
                       Optional<OrganizationId> organization, Optional<GroupId> group, Locale language) {

    /**
     * The SupportKit actor this person acts as.
     *
     * @return the actor
     */
    public Actor actor() {
        return role == Role.CUSTOMER_REPRESENTATIVE
                ? Actor.customer(login, name, tenant, organization.orElseThrow())
                : Actor.staff(login, name, role, tenant);
    }

    /**
     * Whether this person is a customer's representative (the portal) rather than staff (the desk).
     *
     * @return true for a customer
     */
    public boolean customer() {
        return role == Role.CUSTOMER_REPRESENTATIVE;
    }
}
