-- Blobs: the contents of files attached to request notes and replies, kept in chunks so that neither
-- writing nor reading one needs it whole in memory. A blob's chunks (1 MiB each, the last one shorter,
-- numbered from 0) are inserted first and its row in sk_blobs last, in one transaction: a blob exists
-- exactly when its sk_blobs row does. size_bytes and sha256 (64 lower-case hex digits) are computed while
-- the content streams in.
CREATE TABLE sk_blobs (
    tenant     VARCHAR(64) COLLATE "C" NOT NULL,
    id         VARCHAR(128) COLLATE "C" NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256     CHAR(64) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT sk_blobs_pk PRIMARY KEY (tenant, id)
);
CREATE TABLE sk_blob_chunks (
    tenant  VARCHAR(64) COLLATE "C" NOT NULL,
    blob_id VARCHAR(128) COLLATE "C" NOT NULL,
    seq     INTEGER NOT NULL,
    data    BYTEA NOT NULL,
    CONSTRAINT sk_blob_chunks_pk PRIMARY KEY (tenant, blob_id, seq)
);
-- Attachments are mostly compressed already (images, PDF, archives): keep chunks out of line without
-- trying to compress them again.
ALTER TABLE sk_blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
