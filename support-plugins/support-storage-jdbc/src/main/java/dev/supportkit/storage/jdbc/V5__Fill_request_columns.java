package dev.supportkit.storage.jdbc;

import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.DataCodec;
import java.util.ArrayList;
import java.util.List;
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
    private static final String UPDATE = "UPDATE sk_requests SET " + String.join(" = ?, ", RequestColumns.NAMES)
            + " = ?, document = ? WHERE tenant = ? AND id = ?";

    private final DataCodec codec;
    private final JdbcSettings settings;

    V5__Fill_request_columns(DataCodec codec, JdbcSettings settings) {
        this.codec = codec;
        this.settings = settings;
    }

    /** Runs inside Flyway's transaction for this migration. */
    @Override
    public void migrate(Context context) {
        Statements sql = new Statements(context.getConnection(), settings.url().dialect(), new SqlErrors(settings));
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
                    request = request.toBuilder().model(modelOf(sql, row.tenant(), request.system().get().value())
                            .orElse(null)).build();
                }
                List<Object> parameters = new ArrayList<>(RequestColumns.values(request));
                parameters.add(RequestDocument.of(request, true).toJson(codec));
                parameters.add(row.tenant());
                parameters.add(row.id());
                sql.update("fillRequestColumns", UPDATE, parameters.toArray());
            }
            if (rows.size() < BATCH) {
                return;
            }
            tenant = rows.get(rows.size() - 1).tenant();
            id = rows.get(rows.size() - 1).id();
        }
    }

    private Optional<String> modelOf(Statements sql, String tenant, String system) {
        return sql.query("fillRequestColumns", "SELECT entry_data FROM sk_directory "
                        + "WHERE tenant = ? AND entry_type = ? AND entry_id = ?",
                r -> codec.fromJson(r.getString("entry_data"), SupportedSystem.class).model(),
                tenant, SupportedSystem.class.getSimpleName(), system).stream().findFirst();
    }
}
