package dev.supportkit.api.directory;

import dev.supportkit.api.Identifier;

/**
 * A directory entry identified by one of the directory's typed identifiers; its {@link #entryId()} is that
 * identifier's text.
 */
public interface IdentifiedEntry extends DirectoryEntry {
    /**
     * Returns the entry's identifier.
     *
     * @return the entry's identifier; null only in an entry the directory will refuse
     */
    Identifier id();

    /**
     * Returns the text of {@link #id()}, or null when there is none.
     *
     * @return the identifier text
     */
    @Override
    default String entryId() {
        Identifier id = id();
        return id == null ? null : id.value();
    }
}
