package dev.supportkit.api.directory;

import dev.supportkit.api.Actor;
import java.util.List;

/**
 * Reference data: customer organisations, their representatives, sites and supported systems, and
 * the support groups and specialists. Saving is for administrators; staff read everything in their
 * tenant; a customer representative reads only their own organisation's entries.
 * Every save validates all fields and reports every error at once ({@code ValidationException}).
 */
public interface DirectoryService {
    /**
     * Creates or replaces a customer organisation.
     *
     * @param actor        an administrator
     * @param organization the organisation
     * @return the stored organisation
     */
    Organization saveOrganization(Actor actor, Organization organization);

    /**
     * Creates or replaces a customer's responsible representative.
     *
     * @param actor          an administrator
     * @param representative the representative; their organisation must exist
     * @return the stored representative
     */
    Representative saveRepresentative(Actor actor, Representative representative);

    /**
     * Creates or replaces an installation site.
     *
     * @param actor an administrator
     * @param site  the site; its organisation must exist
     * @return the stored site
     */
    Site saveSite(Actor actor, Site site);

    /**
     * Creates or replaces a supported system with its components.
     *
     * @param actor  an administrator
     * @param system the system; its organisation and every component's site must exist
     * @return the stored system
     */
    SupportedSystem saveSystem(Actor actor, SupportedSystem system);

    /**
     * Creates or replaces a support group.
     *
     * @param actor an administrator
     * @param group the group
     * @return the stored group
     */
    SupportGroup saveGroup(Actor actor, SupportGroup group);

    /**
     * Creates or replaces a specialist.
     *
     * @param actor      an administrator
     * @param specialist the specialist; the group, if given, must exist; at most 50 skills, each non-blank and
     *                   at most 100 characters (field errors {@code specialist.skills[i]})
     * @return the stored specialist
     */
    Specialist saveSpecialist(Actor actor, Specialist specialist);

    /**
     * Creates or replaces a customer organisation's support contract.
     *
     * @param actor    an administrator
     * @param contract the contract; its SLA policy and calendar must be configured
     * @return the stored contract
     */
    SupportContract saveContract(Actor actor, SupportContract contract);

    /**
     * Reads a customer organisation's support contract.
     *
     * @param actor        staff, or a representative of that organisation
     * @param organization the organisation
     * @return the contract, if one is saved
     */
    java.util.Optional<SupportContract> contract(Actor actor, OrganizationId organization);

    /**
     * Saves how a person wants to be informed.
     *
     * @param actor       an administrator, or a customer representative for themselves
     * @param preferences the preferences
     * @return the stored preferences
     */
    DeliveryPreferences savePreferences(Actor actor, DeliveryPreferences preferences);

    /**
     * Reads how a person wants to be informed.
     *
     * @param actor     staff, or a customer representative for themselves
     * @param recipient the representative's or specialist's id
     * @return the saved preferences, if any
     */
    java.util.Optional<DeliveryPreferences> preferences(Actor actor, String recipient);

    /**
     * Reads a customer organisation.
     *
     * @param actor anyone in the tenant; a customer representative only their own organisation
     * @param id    its identifier
     * @return the organisation
     * @throws dev.supportkit.api.error.NotFoundException when it does not exist or is not visible
     */
    Organization organization(Actor actor, OrganizationId id);

    /**
     * Lists an organisation's representatives.
     *
     * @param actor        anyone in the tenant; a customer representative only their own organisation
     * @param organization the organisation
     * @return the representatives, ordered by id
     */
    List<Representative> representatives(Actor actor, OrganizationId organization);

    /**
     * Lists an organisation's supported systems.
     *
     * @param actor        anyone in the tenant; a customer representative only their own organisation
     * @param organization the organisation
     * @return the systems, ordered by id
     */
    List<SupportedSystem> systems(Actor actor, OrganizationId organization);

    /**
     * Lists an organisation's sites.
     *
     * @param actor        anyone in the tenant; a customer representative only their own organisation
     * @param organization the organisation
     * @return the sites, ordered by id
     */
    List<Site> sites(Actor actor, OrganizationId organization);

    /**
     * Lists the specialists.
     *
     * @param actor a staff member, auditor or administrator
     * @return the specialists, ordered by id
     */
    List<Specialist> specialists(Actor actor);

    /**
     * Lists the support groups.
     *
     * @param actor a staff member, auditor or administrator
     * @return the groups, ordered by id
     */
    List<SupportGroup> groups(Actor actor);

    /**
     * Creates or replaces a department that does works the support service agrees with it (C/01.6). Messages to
     * the department go to the delivery preferences saved under its id ({@link #savePreferences}).
     *
     * @param actor      an administrator
     * @param department the department; its people must be specialists
     * @return the stored department
     * @throws dev.supportkit.api.error.ValidationException naming {@code department.id},
     *         {@code department.name}, {@code department.kind} or {@code department.people} ({@code required},
     *         {@code exists})
     */
    Department saveDepartment(Actor actor, Department department);

    /**
     * Lists the departments.
     *
     * @param actor a staff member, auditor or administrator
     * @return the departments, ordered by id
     */
    List<Department> departments(Actor actor);

    /**
     * Pages through directory entries of one type, ordered by id (the store's order of ids), for directories
     * too large to list at once. Organisations, representatives, systems and sites are read as with
     * {@link #organization}: staff, auditors and administrators see all, a customer representative only their
     * own organisation's (another organisation's query gives an empty page). Specialists and groups are for
     * staff, auditors and administrators. With {@link DirectoryQuery#onlyActive()} deactivated entries are
     * left out (sites cannot be deactivated).
     *
     * @param actor who reads
     * @param query which entries, from where, how many
     * @param <T>   the entry type
     * @return one page and where the next one starts
     * @throws dev.supportkit.api.error.ValidationException naming {@code query.limit} (rule {@code range}) or
     *         {@code query.after} ({@code max-length})
     */
    <T extends DirectoryEntry> DirectoryPage<T> page(Actor actor, DirectoryQuery<T> query);

    /**
     * Deactivates a directory entry: from now on it is refused for new work (a contact naming a deactivated
     * organisation, representative or system; an assignment, a triage or a redirect naming a deactivated
     * specialist, group or system: {@link dev.supportkit.api.error.ValidationException}, rule {@code active}),
     * and routing passes over deactivated specialists. Requests it is already on are not changed.
     *
     * @param actor  an administrator
     * @param kind   the entry's kind
     * @param id     the entry's id
     * @param reason why (required, at most 1,000 characters)
     * @return the entry's status
     * @throws dev.supportkit.api.error.ValidationException naming {@code directory.id} (rule {@code exists})
     *         when there is no such entry, or {@code directory.reason}
     */
    DirectoryStatus deactivate(Actor actor, DirectoryKind kind, String id, String reason);

    /**
     * Makes a deactivated entry take new work again.
     *
     * @param actor  an administrator
     * @param kind   the entry's kind
     * @param id     the entry's id
     * @param reason why (required, at most 1,000 characters)
     * @return the entry's status
     * @throws dev.supportkit.api.error.ValidationException naming {@code directory.id} (rule {@code exists})
     *         when there is no such entry, or {@code directory.reason}
     */
    DirectoryStatus reactivate(Actor actor, DirectoryKind kind, String id, String reason);

    /**
     * Tells whether an entry takes new work.
     *
     * @param actor staff, an auditor or an administrator
     * @param kind  the entry's kind
     * @param id    the entry's id
     * @return false when it is deactivated; true otherwise (also for an entry without a status)
     */
    boolean active(Actor actor, DirectoryKind kind, String id);
}
