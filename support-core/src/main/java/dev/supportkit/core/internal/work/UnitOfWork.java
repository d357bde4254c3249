package dev.supportkit.core.internal.work;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * The one way the engine runs storage work: a transaction, the engine clock's time, and the retry of a
 * transaction that met a concurrent one. Reads and writes are named apart so a caller says which it means:
 * a write runs as one whole transaction, so a failure leaves everything as it was; a read may run without
 * one where the store allows (see {@link StorageProvider#read}), and may not write.
 */
public final class UnitOfWork {
    private final StorageProvider storage;
    private final Clock clock;

    /**
     * @param storage the storage provider
     * @param clock   the engine's clock
     */
    @Inject
    public UnitOfWork(StorageProvider storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Runs work that only reads.
     *
     * @param work the read
     * @param <T>  the result type
     * @return what the read returned
     */
    public <T> T read(Function<StorageTransaction, T> work) {
        return storage.read(work);
    }

    /**
     * Runs work that writes, committing it as one transaction.
     *
     * @param work the write
     * @param <T>  the result type
     * @return what the write returned
     */
    public <T> T write(Function<StorageTransaction, T> work) {
        return storage.inTransaction(work);
    }

    /**
     * Runs work that writes, again when it meets a concurrent transaction, as {@code retry} allows.
     *
     * @param retry the conflict retry policy of this kind of work
     * @param work  the write; each attempt is a whole transaction
     * @param <T>   the result type
     * @return what the first attempt without a conflict returned
     */
    public <T> T write(ConflictRetry retry, Function<StorageTransaction, T> work) {
        return retry.run(() -> write(work));
    }

    /**
     * Returns the engine's current time.
     *
     * @return the engine clock's current time
     */
    public Instant now() {
        return clock.instant();
    }
}
