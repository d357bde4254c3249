-- The request's state digest sealed with each journal entry (issue 11): journal().verify compares it with the
-- request row, so a row changed outside the engine is found. Entries written before this version keep NULL
-- (nothing recorded then); the engine writes it from now on. 64 hex characters (SHA-256).
ALTER TABLE sk_journal ADD COLUMN state_digest VARCHAR(64);
