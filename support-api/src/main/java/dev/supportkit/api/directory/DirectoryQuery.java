package dev.supportkit.api.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * Which directory entries to page through: one type, ordered by id, optionally one organisation's, only the
 * active ones, after a given id. Start from a factory such as {@link #organizations()} or
 * {@link #systems(OrganizationId)} and narrow it:
 * <pre>{@code
 * DirectoryPage<Specialist> page = directory.page(admin, DirectoryQuery.specialists().onlyActive().limit(50));
 * page = directory.page(admin, DirectoryQuery.specialists().onlyActive().limit(50).after(page.nextAfter().get()));
 * }</pre>
 * The service checks the limit (1 to {@value #MAX_LIMIT}) and the {@code after} id (at most 64 characters).
 *
 * @param type         the entry type
 * @param kind         the kind it is deactivated as, if entries of the type can be ({@link Site}s cannot)
 * @param organization only this organisation's entries, for the types that belong to one
 * @param activeOnly   whether to leave out deactivated entries
 * @param after        start after this id (exclusive), if set
 * @param limit        the most entries on a page; {@value #DEFAULT_LIMIT} unless set
 * @param <T>          the entry type
 */
public record DirectoryQuery<T extends DirectoryEntry>(Class<T> type, Optional<DirectoryKind> kind,
                                                       Optional<OrganizationId> organization, boolean activeOnly,
                                                       Optional<String> after, int limit) {
    /** The page size when none is set. */
    public static final int DEFAULT_LIMIT = 100;
    /** The largest page. */
    public static final int MAX_LIMIT = 1_000;

    /**
     * Checks that the parts are present.
     *
     * @param type         the entry type
     * @param kind         its deactivation kind, if any
     * @param organization the organisation, if any
     * @param activeOnly   whether only active entries
     * @param after        the id to start after, if any
     * @param limit        the page size
     */
    public DirectoryQuery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(after, "after");
    }

    private static <T extends DirectoryEntry> DirectoryQuery<T> of(Class<T> type, DirectoryKind kind,
                                                                   OrganizationId organization) {
        return new DirectoryQuery<>(type, Optional.ofNullable(kind), Optional.ofNullable(organization), false,
                Optional.empty(), DEFAULT_LIMIT);
    }

    /** @return every customer organisation (a customer representative sees only their own) */
    public static DirectoryQuery<Organization> organizations() {
        return of(Organization.class, DirectoryKind.ORGANIZATION, null);
    }

    /**
     * @param organization the organisation
     * @return its representatives
     */
    public static DirectoryQuery<Representative> representatives(OrganizationId organization) {
        return of(Representative.class, DirectoryKind.REPRESENTATIVE, Objects.requireNonNull(organization));
    }

    /**
     * @param organization the organisation
     * @return its supported systems
     */
    public static DirectoryQuery<SupportedSystem> systems(OrganizationId organization) {
        return of(SupportedSystem.class, DirectoryKind.SYSTEM, Objects.requireNonNull(organization));
    }

    /**
     * @param organization the organisation
     * @return its sites
     */
    public static DirectoryQuery<Site> sites(OrganizationId organization) {
        return of(Site.class, null, Objects.requireNonNull(organization));
    }

    /** @return every specialist (staff only) */
    public static DirectoryQuery<Specialist> specialists() {
        return of(Specialist.class, DirectoryKind.SPECIALIST, null);
    }

    /** @return every support group (staff only) */
    public static DirectoryQuery<SupportGroup> groups() {
        return of(SupportGroup.class, DirectoryKind.GROUP, null);
    }

    /** @return this query without deactivated entries */
    public DirectoryQuery<T> onlyActive() {
        return new DirectoryQuery<>(type, kind, organization, true, after, limit);
    }

    /**
     * @param id the last id of the previous page ({@link DirectoryPage#nextAfter()})
     * @return this query starting after that id
     */
    public DirectoryQuery<T> after(String id) {
        return new DirectoryQuery<>(type, kind, organization, activeOnly, Optional.ofNullable(id), limit);
    }

    /**
     * @param size the most entries on a page (1 to {@value #MAX_LIMIT})
     * @return this query with that page size
     */
    public DirectoryQuery<T> limit(int size) {
        return new DirectoryQuery<>(type, kind, organization, activeOnly, after, size);
    }
}
