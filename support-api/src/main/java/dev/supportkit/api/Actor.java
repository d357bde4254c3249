package dev.supportkit.api;

import dev.supportkit.api.directory.OrganizationId;
import java.util.Objects;
import java.util.Optional;

/**
 * The person making a call. Every service call takes one; permission checks, tenant isolation and
 * the journal's "who" all come from it. The embedding application authenticates the person and
 * builds the actor; SupportKit trusts it.
 *
 * @param id           the person's stable identifier in the embedding application
 * @param displayName  the name shown in the journal
 * @param role         what the person may do
 * @param tenant       the tenant whose data the call may touch
 * @param organization for a {@link Role#CUSTOMER_REPRESENTATIVE}, the customer organisation they
 *                     represent; empty for everyone else
 */
public record Actor(String id, String displayName, Role role, TenantId tenant, Optional<OrganizationId> organization) {

    /**
     * Validates the actor: a customer representative must name their organisation, nobody else may.
     *
     * @param id the person's stable identifier in the embedding application
     * @param displayName the name shown in the journal
     * @param role what the person may do
     * @param tenant the tenant whose data the call may touch
     * @param organization for a {@link Role#CUSTOMER_REPRESENTATIVE}, the customer organisation they represent; empty for everyone else
     */
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(organization, "organization");
        if (id.isBlank()) {
            throw new IllegalArgumentException("Actor id must not be blank");
        }
        if (role == Role.CUSTOMER_REPRESENTATIVE && organization.isEmpty()) {
            throw new IllegalArgumentException("A customer representative must name their organization");
        }
        if (role != Role.CUSTOMER_REPRESENTATIVE && organization.isPresent()) {
            throw new IllegalArgumentException("Only a customer representative belongs to a customer organization");
        }
    }

    /**
     * A support-staff, auditor or administrator actor.
     *
     * @param id          the person's identifier
     * @param displayName the name shown in the journal
     * @param role        any role except {@link Role#CUSTOMER_REPRESENTATIVE}
     * @param tenant      the tenant
     * @return the actor
     */
    public static Actor staff(String id, String displayName, Role role, TenantId tenant) {
        return new Actor(id, displayName, role, tenant, Optional.empty());
    }

    /**
     * The engine acting on its own (timers), as journalled.
     *
     * @param tenant the tenant
     * @return the system actor of that tenant
     */
    public static Actor system(TenantId tenant) {
        return new Actor("supportkit", "SupportKit", Role.SYSTEM, tenant, Optional.empty());
    }

    /**
     * A customer's responsible representative.
     *
     * @param id           the representative's identifier (normally the {@code RepresentativeId} value)
     * @param displayName  the name shown in the journal
     * @param tenant       the tenant
     * @param organization the customer organisation they represent
     * @return the actor
     */
    public static Actor customer(String id, String displayName, TenantId tenant, OrganizationId organization) {
        return new Actor(id, displayName, Role.CUSTOMER_REPRESENTATIVE, tenant, Optional.of(organization));
    }
}
