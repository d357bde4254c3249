package dev.supportkit.storage.jdbc;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.DataCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the request columns V4 added for the rows a database written by an earlier release holds: reads
 * each whole snapshot (which V4 left in {@code document}), records the model of its supported system as the
 * directory names it now (the earlier release did not keep it), and writes every column and the
 * {@link RequestDocument} (with the description: these rows name no first contact) back. Rows are taken 500 at a time in
 * key order, so memory stays bounded; the journal is not touched (its chain does not cover the snapshot),
 * so it verifies afterwards as before.
 */
final class V5__Fill_request_columns extends BaseJavaMigration {
    private static final int BATCH = 500;

    private final DataCodec codec;
    private final JdbcSettings settings;

    /** The columns that exist when this migration runs. */
    private static final List<String> V5_COLUMNS = RequestColumns.NAMES.stream()
            .filter(n -> !RequestColumns.ADDED_AFTER_V5.contains(n)).toList();

    V5__Fill_request_columns(DataCodec codec, JdbcSettings settings) {
        this.codec = codec;
        this.settings = settings;
    }

    /** Runs inside Flyway's transaction for this migration. */
    @Override
    public void migrate(Context context) {
        Statements sql = new Statements(context.getConnection(), settings.url().dialect(), new SqlErrors(settings));
        // the store's own reads and writes: the same columns and document as every later change
        JdbcTransaction tx = new JdbcTransaction(sql, codec);
        Map<List<String>, Optional<String>> models = new HashMap<>(); // one directory read per system
        String tenant = "";
        String id = "";
        while (true) {
            record Row(String tenant, String id, String snapshot) {
            }
            List<Row> rows = sql.query("fillRequestColumns", "SELECT tenant, id, document FROM sk_requests "
                            + "WHERE tenant > ? OR (tenant = ? AND id > ?) ORDER BY tenant, id LIMIT ?",
                    r -> new Row(r.getString("tenant"), r.getString("id"), r.getString("document")),
                    tenant, tenant, id, BATCH);
            for (Row row : rows) {
                Request request = codec.fromJson(row.snapshot(), Request.class);
                if (request.model().isEmpty() && request.system().isPresent()) {
                    TenantId in = request.tenant();
                    String system = request.system().get().value();
                    request = request.toBuilder().model(models.computeIfAbsent(List.of(in.value(), system),
                            key -> tx.findDirectoryEntry(in, SupportedSystem.class, system)
                                    .map(SupportedSystem::model)).orElse(null)).build();
                }
                // no first contact is named for these rows, so the document keeps the description
                tx.updateRequest(request, request.version(), V5_COLUMNS);
            }
            if (rows.size() < BATCH) {
                return;
            }
            tenant = rows.get(rows.size() - 1).tenant();
            id = rows.get(rows.size() - 1).id();
        }
    }
}
