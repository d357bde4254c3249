-- Catalogue records: the versions of the engine's reference and knowledge documents (questionnaires,
-- solution-base articles, FAQ entries, consultation records, mass incidents), data as the codec's JSON.
-- A version is never changed once stored, so the primary key (tenant, kind, id, version) is the
-- optimistic lock. latest is TRUE on the highest version of a document and NULL (never FALSE) on the
-- others: the unique key over (tenant, kind, latest, id) then lets only one version of a document be the
-- latest (NULLs never collide; a concurrent writer that would make a second one fails with a duplicate
-- key) and serves listing the latest versions by id (code point order: ${binary_collation}).
CREATE TABLE sk_catalog (
    tenant     VARCHAR(64) NOT NULL,
    kind       VARCHAR(64) NOT NULL,
    id         VARCHAR(255) NOT NULL,
    version    INTEGER NOT NULL,
    record_key VARCHAR(255),
    updated_at DATETIME(6) NOT NULL,
    data       MEDIUMTEXT NOT NULL,
    latest     BOOLEAN,
    PRIMARY KEY (tenant, kind, id, version),
    CONSTRAINT sk_catalog_one_latest UNIQUE (tenant, kind, latest, id),
    CONSTRAINT sk_catalog_latest_true_or_null CHECK (latest)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
-- Listing the latest versions that have a key.
CREATE INDEX sk_catalog_by_key ON sk_catalog (tenant, kind, record_key, latest, id);
