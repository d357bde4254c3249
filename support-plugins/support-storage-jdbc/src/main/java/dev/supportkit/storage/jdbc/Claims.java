package dev.supportkit.storage.jdbc;

import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.TimerRecord;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Claims due timers and outbox messages inside the caller's transaction.
 *
 * <p>PostgreSQL and MariaDB: one {@code SELECT ... ORDER BY due LIMIT n FOR UPDATE SKIP LOCKED}, which
 * skips rows another transaction is claiming, then one {@code UPDATE ... WHERE id IN (...)} that records
 * the claim. H2 locks every matching row before the limit, so there: select candidates without locks,
 * then claim each with an update that repeats the eligibility test and the attempts read
 * ({@code WHERE id = ? AND attempts = ? AND (claimed_by IS NULL OR lease_until <= now)}); only rows whose
 * update changed one row are kept. Before each update a one-row {@code FOR UPDATE SKIP LOCKED} probe
 * passes over rows another transaction is claiming, instead of waiting for its lock.
 *
 * <p>A lease still runs while {@code lease_until > now}: at {@code lease_until} the item is free again.
 * Both queries walk an index ordered by due time over pending rows only (timers are deleted when
 * completed; the outbox index leads with, or on PostgreSQL is restricted to, {@code status = 'PENDING'}),
 * so the work grows with the number of due rows, not with the number stored.
 */
final class Claims {
    private static final int ID_CHUNK = 500;

    /** Due timers, earliest first; parameters now, now, limit. Package-private for the index test. */
    static final String DUE_TIMERS = "SELECT " + Rows.TIMER_COLUMNS + " FROM sk_timers "
            + "WHERE due_at <= ? AND (claimed_by IS NULL OR lease_until <= ?) ORDER BY due_at, id LIMIT ?";
    /** Due pending messages, earliest first; parameters now, now, limit. */
    static final String DUE_OUTBOX = "SELECT " + Rows.OUTBOX_COLUMNS + " FROM sk_outbox "
            + "WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_by IS NULL OR lease_until <= ?) "
            + "ORDER BY next_attempt_at, id LIMIT ?";
    private static final String SKIP_LOCKED = " FOR UPDATE SKIP LOCKED";

    private final Statements sql;

    Claims(Statements sql) {
        this.sql = sql;
    }

    List<TimerRecord> timers(Lease lease) {
        String operation = "claimDueTimers";
        Dialect dialect = sql.dialect();
        if (dialect.claimsWithSkipLocked()) {
            List<TimerRecord> due = sql.query(operation, DUE_TIMERS + SKIP_LOCKED, rows -> Rows.timer(rows, dialect),
                    lease.now(), lease.now(), lease.limit());
            markClaimed(operation, "UPDATE sk_timers SET claimed_by = ?, lease_until = ?, attempts = attempts + 1",
                    lease, due, TimerRecord::id);
            return due;
        }
        List<TimerRecord> candidates = sql.query(operation, DUE_TIMERS, rows -> Rows.timer(rows, dialect),
                lease.now(), lease.now(), overfetch(lease));
        return claimEach(lease, candidates, timer -> claimOne(operation, "sk_timers", timer.id(),
                "UPDATE sk_timers SET claimed_by = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ? "
                        + "AND attempts = ? AND due_at <= ? AND (claimed_by IS NULL OR lease_until <= ?)",
                lease.nodeId(), lease.until(), timer.id(), timer.attempts(), lease.now(), lease.now()));
    }

    List<OutboxMessage> outbox(Lease lease) {
        String operation = "claimDueOutbox";
        Dialect dialect = sql.dialect();
        if (dialect.claimsWithSkipLocked()) {
            List<OutboxMessage> due = sql.query(operation, DUE_OUTBOX + SKIP_LOCKED,
                    rows -> Rows.outbox(rows, dialect), lease.now(), lease.now(), lease.limit());
            markClaimed(operation, "UPDATE sk_outbox SET claimed_by = ?, lease_until = ?", lease, due,
                    OutboxMessage::id);
            return due;
        }
        List<OutboxMessage> candidates = sql.query(operation, DUE_OUTBOX, rows -> Rows.outbox(rows, dialect),
                lease.now(), lease.now(), overfetch(lease));
        return claimEach(lease, candidates, message -> claimOne(operation, "sk_outbox", message.id(),
                "UPDATE sk_outbox SET claimed_by = ?, lease_until = ? WHERE id = ? AND attempts = ? "
                        + "AND status = 'PENDING' AND next_attempt_at <= ? "
                        + "AND (claimed_by IS NULL OR lease_until <= ?)",
                lease.nodeId(), lease.until(), message.id(), message.attempts(), lease.now(), lease.now()));
    }

    /** Fetches a few more candidates than wanted, so a claimer that loses some races still fills its batch. */
    private static int overfetch(Lease lease) {
        return Math.min(10_000, lease.limit() * 2);
    }

    private <T> void markClaimed(String operation, String update, Lease lease, List<T> rows, Function<T, String> id) {
        for (int from = 0; from < rows.size(); from += ID_CHUNK) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + ID_CHUNK));
            Object[] parameters = new Object[2 + chunk.size()];
            parameters[0] = lease.nodeId();
            parameters[1] = lease.until();
            for (int i = 0; i < chunk.size(); i++) {
                parameters[2 + i] = id.apply(chunk.get(i));
            }
            String in = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            sql.update(operation, update + " WHERE id IN (" + in + ")", parameters);
        }
    }

    private static <T> List<T> claimEach(Lease lease, List<T> candidates, Predicate<T> claim) {
        List<T> claimed = new ArrayList<>();
        for (T candidate : candidates) {
            if (claimed.size() == lease.limit()) {
                break;
            }
            if (claim.test(candidate)) {
                claimed.add(candidate);
            }
        }
        return claimed;
    }

    /**
     * Claims one candidate. First {@code SELECT ... WHERE id = ? FOR UPDATE SKIP LOCKED} locks the row
     * unless another transaction holds it (H2 skips correctly for one row by primary key), so a claimer
     * never waits a lock timeout per row another claimer holds uncommitted. Then the conditional update
     * repeats the eligibility test: a claim committed since the candidates were read makes it change
     * nothing. A deadlock (H2 rolled the whole transaction back) still fails the claim.
     */
    private boolean claimOne(String operation, String table, String id, String update, Object... parameters) {
        try {
            boolean free = !sql.query(operation, "SELECT id FROM " + table + " WHERE id = ? FOR UPDATE SKIP LOCKED",
                    rows -> rows.getString(1), id).isEmpty();
            return free && sql.update(operation, update, parameters) == 1;
        } catch (ConcurrencyConflictException e) {
            if (e.getCause() instanceof SQLException cause && "40001".equals(cause.getSQLState())) {
                throw e;
            }
            return false;
        }
    }
}
