-- Delivery state of outbox messages: which of the recipient's contact points is in use, and what the
-- last attempt's channel said.
ALTER TABLE sk_outbox ADD COLUMN route INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sk_outbox ADD COLUMN last_outcome TEXT;
