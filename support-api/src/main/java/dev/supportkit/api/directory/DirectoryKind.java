package dev.supportkit.api.directory;

/** The kinds of directory entries that can be deactivated and reactivated. */
public enum DirectoryKind {
    /** A customer organisation ({@link Organization}). */
    ORGANIZATION(Organization.class),
    /** A customer's representative ({@link Representative}). */
    REPRESENTATIVE(Representative.class),
    /** A supported system ({@link SupportedSystem}). */
    SYSTEM(SupportedSystem.class),
    /** A support group ({@link SupportGroup}). */
    GROUP(SupportGroup.class),
    /** A specialist ({@link Specialist}). */
    SPECIALIST(Specialist.class);

    private final Class<? extends DirectoryEntry> type;

    DirectoryKind(Class<? extends DirectoryEntry> type) {
        this.type = type;
    }

    /**
     * Returns the record type of this kind.
     *
     * @return the record type
     */
    public Class<? extends DirectoryEntry> type() {
        return type;
    }
}
