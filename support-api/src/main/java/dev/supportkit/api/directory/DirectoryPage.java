package dev.supportkit.api.directory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of directory entries of one kind, ordered by id.
 *
 * @param entries   the entries on this page, at most the query's limit
 * @param nextAfter the id to pass as {@link DirectoryQuery#after(String)} for the next page; empty on the last
 *                  page
 * @param <T>       the entry type
 */
public record DirectoryPage<T extends DirectoryEntry>(List<T> entries, Optional<String> nextAfter) {
    /**
     * Copies the list.
     *
     * @param entries   the entries
     * @param nextAfter where the next page starts, if there is one
     */
    public DirectoryPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(nextAfter, "nextAfter");
    }
}
