package dev.supportkit.benchmarks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The raw JDBC baselines' rows in the {@code bl_} tables: a request row and its first journal row, written with
 * plain statements as the engine would write them, to compare the engine's cost with.
 */
final class RawRows {
    /** Inserts a request row; bound by {@link #bindRequest}. */
    static final String INSERT_REQUEST = "INSERT INTO bl_requests (tenant, id, version, status, organization,"
            + " support_line, registered_at, updated_at, document) VALUES (?,?,?,?,?,?,?,?,?)";
    /** Inserts a journal row; bound by {@link #bindJournal}. */
    static final String INSERT_JOURNAL = "INSERT INTO bl_journal (tenant, request_id, seq, occurred_at,"
            + " actor_id, actor_name, actor_role, channel, labor_function, visibility, event_type, payload,"
            + " description, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS SMALLINT), ?, CAST(? AS SMALLINT),"
            + " CAST(? AS SMALLINT), ?, ?, ?, decode(?, 'hex'), decode(?, 'hex'))";

    private RawRows() {
    }

    /**
     * Binds a request of tenant {@code bench}, version 1, organisation {@code org-1}, on the first line.
     *
     * @param request  the {@link #INSERT_REQUEST} statement
     * @param id       the request id
     * @param status   its status
     * @param at       when it was registered and last updated
     * @param document its JSON document
     * @throws SQLException when a value cannot be bound
     */
    static void bindRequest(PreparedStatement request, String id, String status, Timestamp at, String document)
            throws SQLException {
        request.setString(1, "bench");
        request.setString(2, id);
        request.setLong(3, 1);
        request.setString(4, status);
        request.setString(5, "org-1");
        request.setString(6, "FIRST_LINE");
        request.setTimestamp(7, at);
        request.setTimestamp(8, at);
        request.setString(9, document);
    }

    /**
     * Binds the first journal row of a request of tenant {@code bench}.
     *
     * @param journal the {@link #INSERT_JOURNAL} statement
     * @param id      the request id
     * @param at      when it happened
     * @param values  holds the columns after {@code occurred_at}, from {@code first} on (the hashes as hex, the role, labour function and visibility as their numbers)
     * @param first   the index in {@code values} of {@code actor_id}
     * @throws SQLException when a value cannot be bound
     */
    static void bindJournal(PreparedStatement journal, String id, Timestamp at, String[] values, int first)
            throws SQLException {
        journal.setString(1, "bench");
        journal.setString(2, id);
        journal.setLong(3, 1);
        journal.setTimestamp(4, at);
        for (int k = first; k < values.length; k++) {
            journal.setString(5 + k - first, values[k]);
        }
    }
}
