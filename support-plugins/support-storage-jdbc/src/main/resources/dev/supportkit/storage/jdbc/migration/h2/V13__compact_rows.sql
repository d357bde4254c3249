-- Fewer bytes written per command (issue 13), part one; V14 converts the journal's hashes.
--
-- The journal head (sequence and hash of a request's latest entry) leaves the request's JSON document for two
-- columns, the hash as its 32 bytes. Rows written before keep it in the document until their next change; the
-- store reads either.
ALTER TABLE sk_requests ADD COLUMN journal_seq BIGINT;
ALTER TABLE sk_requests ADD COLUMN journal_hash VARBINARY(514);

-- The journal's hashes and state digests as bytes, its actor role, labour function and visibility as numbers:
-- V14 fills these from the text columns, then drops those and gives these their names.
ALTER TABLE sk_journal ADD COLUMN previous_hash_bytes VARBINARY(514);
ALTER TABLE sk_journal ADD COLUMN hash_bytes VARBINARY(514);
ALTER TABLE sk_journal ADD COLUMN state_digest_bytes VARBINARY(514);
ALTER TABLE sk_journal ADD COLUMN actor_role_number SMALLINT;
ALTER TABLE sk_journal ADD COLUMN labor_function_number SMALLINT;
ALTER TABLE sk_journal ADD COLUMN visibility_number SMALLINT;

-- An outbox key that starts with its request's id is kept without it (the row holds the id); a key that
-- starts with ':' or '\' is kept behind a '\'. Keys written before this version: escape those two.
UPDATE sk_outbox SET idempotency_key = '\' || idempotency_key WHERE SUBSTRING(idempotency_key, 1, 1) IN (':', '\');
