package dev.supportkit.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.Actor;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.config.JournalSettings;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.StorageTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tenant logs: chained appends that read the log's head, not the log. */
class TenantLogsTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final RequestId LOG = RequestId.of(RequestEvent.CHECKPOINT_LOG);
    private static final Instant NOW = Instant.parse("2026-03-12T06:00:00Z");

    private final InMemoryStorageProvider store = new InMemoryStorageProvider();
    private final JacksonCodec codec = new JacksonCodec();
    private final JournalWriter writer = new JournalWriter(codec, new JournalKeys(JournalSettings.NONE));
    private final TenantLogs logs = new TenantLogs(writer, codec);
    private final AtomicInteger journalReads = new AtomicInteger();

    private static JournalDraft draft(int n) {
        return new JournalDraft(LaborFunction.D_02_7, Visibility.INTERNAL, null,
                new RequestEvent.JournalCheckpointed(NOW, n, "ab".repeat(32), "{}"), "checkpoint " + n);
    }

    /** The transaction, counting how often a whole journal is read through it. */
    private StorageTransaction counting(StorageTransaction tx) {
        return (StorageTransaction) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StorageTransaction.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findJournal")) {
                        journalReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(tx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private JournalRecord append(int n) {
        return store.inTransaction(tx -> logs.append(counting(tx), TENANT, LOG, NOW, draft(n)));
    }

    @Test
    @DisplayName("appends chain one after the other and read only the head, after the first")
    void appendsChain() {
        JournalRecord first = append(1);
        JournalRecord second = append(2);
        JournalRecord third = append(3);
        assertEquals(List.of(1L, 2L, 3L), List.of(first.sequence(), second.sequence(), third.sequence()));
        assertEquals(HashChain.GENESIS, first.previousHash());
        assertEquals(first.hash(), second.previousHash());
        assertEquals(second.hash(), third.previousHash());
        assertEquals(List.of(first, second, third), store.inTransaction(tx -> tx.findJournal(TENANT, LOG)));
        assertEquals(1, journalReads.get(), "the log is read once, before it has a head; then only the head");
    }

    @Test
    @DisplayName("a log written before heads were kept goes on after its last entry")
    void logWithoutHead() {
        JournalRecord old = writer.chain(TENANT, LOG, 0, HashChain.GENESIS, Actor.system(TENANT), NOW, draft(1),
                null);
        store.inTransaction(tx -> {
            tx.appendJournal(old);
            return null;
        });
        JournalRecord next = append(2);
        assertEquals(2, next.sequence());
        assertEquals(old.hash(), next.previousHash());
    }

    @Test
    @DisplayName("two appends after the same head: the second conflicts and writes nothing")
    void racingAppendsConflict() {
        append(1);
        assertThrows(ConcurrencyConflictException.class, () -> store.inTransaction(tx -> {
            tx.appendJournal(writer.chain(TENANT, LOG, 1, "stale", Actor.system(TENANT), NOW, draft(2), null));
            return logs.append(tx, TENANT, LOG, NOW, draft(3));
        }));
        assertEquals(1, store.inTransaction(tx -> tx.findJournal(TENANT, LOG)).size());
    }
}
