package dev.supportkit.spi.storage;

import dev.supportkit.spi.Provider;
import dev.supportkit.spi.blob.BlobStore;
import java.util.Optional;
import java.util.function.Function;

/**
 * Durable storage for requests, contacts, the journal, the outbox and the directory. Every change the
 * engine makes happens inside one {@link #inTransaction(Function)} call, so a request snapshot, its
 * journal entries and its outbox rows are committed together or not at all.
 * Implementations must pass the contract test kit in {@code support-api}'s test-jar
 * ({@code dev.supportkit.spi.storage.tck.StorageProviderContract}).
 */
public interface StorageProvider extends Provider {
    /**
     * Runs work in one transaction: commits when it returns, rolls back when it throws and rethrows
     * the same exception. A failure of the store itself is reported as
     * {@link dev.supportkit.api.error.ProviderException}.
     *
     * @param work the work; it must not keep the transaction after returning
     * @param <T>  the result type
     * @return what the work returned
     */
    <T> T inTransaction(Function<StorageTransaction, T> work);

    /**
     * Runs work that only reads. A store whose transactions give each statement its own consistent view
     * anyway (READ COMMITTED) may run it without opening a transaction of its own, which saves the commit;
     * it must then refuse any write the work tries ({@link IllegalStateException}). By default the same as
     * {@link #inTransaction(Function)}.
     *
     * @param work the read; it must not write, nor keep the transaction after returning
     * @param <T>  the result type
     * @return what the work returned
     */
    default <T> T read(Function<StorageTransaction, T> work) {
        return inTransaction(work);
    }

    /**
     * Returns the store's own blob store for attachments, if it keeps files. The blob store lives as long
     * as this provider and works outside its transactions: a blob written is kept whether or not a
     * transaction that refers to it commits. By default there is none.
     *
     * @return the store's own blob store for attachments, or empty when the store keeps no files
     */
    default Optional<BlobStore> blobs() {
        return Optional.empty();
    }
}
