package dev.supportkit.storage.jdbc;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.ContactId;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.TimerRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The column lists of the record tables and the mappers from their rows back to records. */
final class Rows {
    static final String CONTACT_COLUMNS = "id, request_id, channel, representative, body, received_at, taken_by";
    static final String JOURNAL_COLUMNS = "tenant, request_id, seq, occurred_at, actor_id, actor_name, actor_role, "
            + "channel, labor_function, visibility, event_type, payload, description, previous_hash, hash, state_digest";
    static final String OUTBOX_COLUMNS = "id, tenant, request_id, topic, recipient, payload, idempotency_key, "
            + "created_at, status, attempts, next_attempt_at, route, last_outcome";
    static final String TIMER_COLUMNS = "id, tenant, request_id, kind, due_at, payload, attempts";
    static final String CATALOG_COLUMNS = "tenant, kind, id, version, record_key, updated_at, data";

    private Rows() {
    }

    static Contact contact(ResultSet rows, Dialect dialect) throws SQLException {
        return new Contact(ContactId.of(rows.getString("id")), RequestId.of(rows.getString("request_id")),
                Channel.of(rows.getString("channel")), RepresentativeId.of(rows.getString("representative")),
                rows.getString("body"), dialect.getInstant(rows, "received_at"), rows.getString("taken_by"));
    }

    static JournalRecord journal(ResultSet rows, Dialect dialect) throws SQLException {
        String channel = rows.getString("channel");
        return new JournalRecord(TenantId.of(rows.getString("tenant")), RequestId.of(rows.getString("request_id")),
                rows.getLong("seq"), dialect.getInstant(rows, "occurred_at"), rows.getString("actor_id"),
                rows.getString("actor_name"), JournalCodes.role(rows.getInt("actor_role")),
                channel == null ? null : Channel.of(channel),
                JournalCodes.function(rows.getInt("labor_function")),
                JournalCodes.visibility(rows.getInt("visibility")), rows.getString("event_type"),
                rows.getString("payload"), rows.getString("description"),
                HashBytes.decode(rows.getBytes("previous_hash")), HashBytes.decode(rows.getBytes("hash")),
                HashBytes.decode(rows.getBytes("state_digest")));
    }

    static OutboxMessage outbox(ResultSet rows, Dialect dialect) throws SQLException {
        String request = rows.getString("request_id");
        return OutboxMessage.builder().id(rows.getString("id")).tenant(TenantId.of(rows.getString("tenant")))
                .request(request == null ? null : RequestId.of(request)).topic(rows.getString("topic"))
                .recipient(rows.getString("recipient")).payload(rows.getString("payload"))
                .idempotencyKey(IdempotencyKeys.read(request, rows.getString("idempotency_key"))).createdAt(dialect.getInstant(rows, "created_at"))
                .status(OutboxMessage.Status.valueOf(rows.getString("status"))).attempts(rows.getInt("attempts"))
                .nextAttemptAt(dialect.getInstant(rows, "next_attempt_at")).route(rows.getInt("route"))
                .lastOutcome(rows.getString("last_outcome")).build();
    }

    static TimerRecord timer(ResultSet rows, Dialect dialect) throws SQLException {
        String request = rows.getString("request_id");
        return new TimerRecord(rows.getString("id"), TenantId.of(rows.getString("tenant")),
                request == null ? null : RequestId.of(request), rows.getString("kind"),
                dialect.getInstant(rows, "due_at"), rows.getString("payload"), rows.getInt("attempts"));
    }

    static CatalogRecord catalog(ResultSet rows, Dialect dialect) throws SQLException {
        return new CatalogRecord(TenantId.of(rows.getString("tenant")), rows.getString("kind"), rows.getString("id"),
                rows.getInt("version"), Optional.ofNullable(rows.getString("record_key")),
                dialect.getInstant(rows, "updated_at"), rows.getString("data"));
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The stored form of a channel: a built-in's constant name or a plugin channel's id. */
    static String name(Channel channel) {
        return channel == null ? null : channel.name();
    }
}
