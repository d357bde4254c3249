-- Blobs: the contents of files attached to request notes and replies, kept in chunks so that neither
-- writing nor reading one needs it whole in memory. A blob's chunks (1 MiB each, the last one shorter,
-- numbered from 0; MEDIUMBLOB holds up to 16 MiB) are inserted first and its row in sk_blobs last, in one
-- transaction: a blob exists exactly when its sk_blobs row does. size_bytes and sha256 (64 lower-case hex
-- digits) are computed while the content streams in.
CREATE TABLE sk_blobs (
    tenant     VARCHAR(64) NOT NULL,
    id         VARCHAR(128) NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256     CHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
CREATE TABLE sk_blob_chunks (
    tenant  VARCHAR(64) NOT NULL,
    blob_id VARCHAR(128) NOT NULL,
    seq     INT NOT NULL,
    data    MEDIUMBLOB NOT NULL,
    PRIMARY KEY (tenant, blob_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
