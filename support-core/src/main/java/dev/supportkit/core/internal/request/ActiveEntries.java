package dev.supportkit.core.internal.request;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.DirectoryStatus;
import dev.supportkit.spi.storage.StorageTransaction;

/**
 * Whether directory entries take new work: a deactivated organisation, representative, system, group or
 * specialist is refused wherever new work would name it (rule {@code active}). The status is read through
 * the node's directory cache like the entries themselves.
 */
public final class ActiveEntries {
    private ActiveEntries() {
    }

    /**
     * @param tx     the transaction
     * @param tenant the tenant
     * @param kind   the entry's kind
     * @param id     the entry's id
     * @return true when the entry was deactivated and not reactivated since
     */
    public static boolean inactive(StorageTransaction tx, TenantId tenant, DirectoryKind kind, String id) {
        return tx.findDirectoryEntry(tenant, DirectoryStatus.class, DirectoryStatus.key(kind, id))
                .map(status -> !status.active()).orElse(false);
    }

    /**
     * Reports a deactivated entry as a field error.
     *
     * @param tx     the transaction
     * @param tenant the tenant
     * @param kind   the entry's kind
     * @param id     the entry's id
     * @param field  the field that names it
     * @param errors where to report
     * @return true when the entry takes new work
     */
    public static boolean requireActive(StorageTransaction tx, TenantId tenant, DirectoryKind kind, String id,
                                        String field, FieldErrors errors) {
        if (inactive(tx, tenant, kind, id)) {
            errors.add(field, "active", "'" + id + "' is deactivated and takes no new work");
            return false;
        }
        return true;
    }
}
