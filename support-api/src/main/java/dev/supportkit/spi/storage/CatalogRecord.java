package dev.supportkit.spi.storage;

import dev.supportkit.api.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a catalogue document: the engine's reference and knowledge data that is not a request
 * (questionnaires, solution-base articles, FAQ entries, consultation records, mass incidents). The
 * engine writes the data as JSON with its {@link dev.supportkit.spi.DataCodec}; a provider stores it as
 * opaque text. Versions are never changed once stored: a new version is a new record, which makes the
 * primary key {@code (tenant, kind, id, version)} the optimistic lock.
 *
 * @param tenant    the tenant
 * @param kind      the document kind, e.g. {@code article}; at most 64 characters
 * @param id        the document id, unique per tenant and kind; at most 255 characters
 * @param version   the version, starting at 1
 * @param key       a lookup key the engine filters by (e.g. the request a consultation belongs to), if any;
 *                  at most 255 characters
 * @param updatedAt when this version was written
 * @param data      the JSON text
 */
public record CatalogRecord(TenantId tenant, String kind, String id, int version, Optional<String> key,
                            Instant updatedAt, String data) {
    /**
     * Checks that the required parts are present.
     *
     * @param tenant    the tenant
     * @param kind      the document kind
     * @param id        the document id
     * @param version   the version, starting at 1
     * @param key       a lookup key, if any
     * @param updatedAt when this version was written
     * @param data      the JSON text
     */
    public CatalogRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(data, "data");
        key = key == null ? Optional.empty() : key;
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
    }
}
