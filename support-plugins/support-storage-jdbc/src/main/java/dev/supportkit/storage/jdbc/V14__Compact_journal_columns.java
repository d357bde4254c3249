package dev.supportkit.storage.jdbc;

import dev.supportkit.api.error.ProviderException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Converts the journal's columns to their compact forms, the same on every database: hashes and state digests
 * from hex text to bytes ({@link HashBytes}), actor role, labour function and visibility from names to numbers
 * ({@link JournalCodes}; a name the code does not know becomes {@link JournalCodes#UNKNOWN}, which reads as
 * unknown as before). Fills the columns V13 added, 1,000 entries at a time in key order, then drops the text
 * columns and gives the new ones their names. No value a seal covers changes, so the journal verifies
 * afterwards as before.
 */
final class V14__Compact_journal_columns extends BaseJavaMigration {
    private static final int BATCH = 1_000;
    /** Each text column and the suffix of the column that replaces it. */
    private static final List<List<String>> REPLACED = List.of(List.of("previous_hash", "_bytes"),
            List.of("hash", "_bytes"), List.of("state_digest", "_bytes"), List.of("actor_role", "_number"),
            List.of("labor_function", "_number"), List.of("visibility", "_number"));

    private final JdbcSettings settings;

    V14__Compact_journal_columns(JdbcSettings settings) {
        this.settings = settings;
    }

    /** Runs inside Flyway's transaction for this migration (MariaDB commits at each change of the table). */
    @Override
    public void migrate(Context context) throws SQLException {
        Statements sql = new Statements(context.getConnection(), settings.url().dialect(), new SqlErrors(settings));
        record Entry(String tenant, String request, long seq, Object[] values) {
        }
        String tenant = "";
        String request = "";
        long seq = -1;
        while (true) {
            List<Entry> entries = sql.query("compactJournal", "SELECT tenant, request_id, seq, previous_hash, hash,"
                            + " state_digest, actor_role, labor_function, visibility FROM sk_journal WHERE tenant > ?"
                            + " OR (tenant = ? AND (request_id > ? OR (request_id = ? AND seq > ?)))"
                            + " ORDER BY tenant, request_id, seq LIMIT ?",
                    r -> new Entry(r.getString("tenant"), r.getString("request_id"), r.getLong("seq"), new Object[] {
                            JdbcTransaction.hash(r.getString("previous_hash")),
                            JdbcTransaction.hash(r.getString("hash")),
                            JdbcTransaction.hash(r.getString("state_digest")),
                            JournalCodes.ofName("role", r.getString("actor_role")),
                            JournalCodes.ofName("function", r.getString("labor_function")),
                            JournalCodes.ofName("visibility", r.getString("visibility")),
                            r.getString("tenant"), r.getString("request_id"), r.getLong("seq")}),
                    tenant, tenant, request, request, seq, BATCH);
            sql.insertBatch("compactJournal", e -> new ProviderException(JdbcStorageProviderFactory.ID,
                    "converting the journal's columns failed", e), "UPDATE sk_journal SET previous_hash_bytes = ?,"
                    + " hash_bytes = ?, state_digest_bytes = ?, actor_role_number = ?, labor_function_number = ?,"
                    + " visibility_number = ? WHERE tenant = ? AND request_id = ? AND seq = ?",
                    entries.stream().map(Entry::values).toList());
            if (entries.size() < BATCH) {
                break;
            }
            Entry last = entries.get(entries.size() - 1);
            tenant = last.tenant();
            request = last.request();
            seq = last.seq();
        }
        try (Statement ddl = context.getConnection().createStatement()) {
            for (List<String> replaced : REPLACED) {
                String column = replaced.get(0);
                ddl.execute("ALTER TABLE sk_journal DROP COLUMN " + column);
                ddl.execute("ALTER TABLE sk_journal RENAME COLUMN " + column + replaced.get(1) + " TO " + column);
            }
        }
    }
}
