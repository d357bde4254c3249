package dev.supportkit.api.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a directory entry may take new work. Entries are never deleted (requests and the journal refer to
 * them); a deactivated one is refused for new work with a field error (rule {@code active}) and stays
 * readable. An entry without a status is active.
 *
 * @param kind      the entry's kind
 * @param id        the entry's id
 * @param active    false while deactivated
 * @param reason    why it was deactivated or reactivated
 * @param changedAt when
 * @param changedBy who (an actor id)
 */
public record DirectoryStatus(DirectoryKind kind, String id, boolean active, String reason, Instant changedAt,
                              String changedBy) implements DirectoryEntry {
    /**
     * Checks that the parts are present.
     *
     * @param kind      the kind
     * @param id        the id
     * @param active    false while deactivated
     * @param reason    why
     * @param changedAt when
     * @param changedBy who
     */
    public DirectoryStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(changedBy, "changedBy");
    }

    /**
     * The key a status is kept under: one per kind and id.
     *
     * @param kind the kind
     * @param id   the id
     * @return {@code KIND:id}
     */
    public static String key(DirectoryKind kind, String id) {
        return kind.name() + ":" + id;
    }

    @Override
    public String entryId() {
        return key(kind, id);
    }
}
