-- Request facts as columns, so queues and reports filter and sort in SQL (issue 13). Written by the
-- engine from each snapshot (RequestFacts); filled for the rows already stored by the Java migration V5.
-- due_at is the earliest unmet deadline, 9999-12-31 23:59:59.999999 UTC when none is unmet.
-- What no query needs stays JSON in document (the former snapshot); a request's description is not kept
-- there when its first contact (first_contact) holds the same text.
ALTER TABLE sk_requests
    ADD COLUMN representative     VARCHAR(64) COLLATE "C",
    ADD COLUMN system_id          VARCHAR(64) COLLATE "C",
    ADD COLUMN model              VARCHAR(200),
    ADD COLUMN category           VARCHAR(200),
    ADD COLUMN group_id           VARCHAR(64) COLLATE "C",
    ADD COLUMN assignee           VARCHAR(64) COLLATE "C",
    ADD COLUMN priority_rank      SMALLINT,
    ADD COLUMN emergency          BOOLEAN,
    ADD COLUMN incident           VARCHAR(64) COLLATE "C",
    ADD COLUMN due_at             TIMESTAMP(6) WITH TIME ZONE,
    ADD COLUMN deadline_state     VARCHAR(16),
    ADD COLUMN first_response_due TIMESTAMP(6) WITH TIME ZONE,
    ADD COLUMN first_response_met TIMESTAMP(6) WITH TIME ZONE,
    ADD COLUMN resolution_due     TIMESTAMP(6) WITH TIME ZONE,
    ADD COLUMN resolution_met     TIMESTAMP(6) WITH TIME ZONE,
    ADD COLUMN vendor_case        VARCHAR(16),
    ADD COLUMN failed_component   VARCHAR(64) COLLATE "C",
    ADD COLUMN failure_cause      TEXT,
    ADD COLUMN first_contact      VARCHAR(64) COLLATE "C",
    ADD COLUMN is_open            BOOLEAN,
    ADD COLUMN first_response_at  TIMESTAMP(6) WITH TIME ZONE,
    ADD COLUMN resolved_at        TIMESTAMP(6) WITH TIME ZONE,
    ADD COLUMN signed_off_at      TIMESTAMP(6) WITH TIME ZONE,
    ADD COLUMN closed_at          TIMESTAMP(6) WITH TIME ZONE;

ALTER TABLE sk_requests RENAME COLUMN snapshot TO document;

-- Queues over open requests only (is_open: REGISTERED to WAITING_FOR_CUSTOMER): a group's, an assignee's,
-- the whole tenant's by due (also the unassigned). A new request has no group or assignee yet, so it adds
-- no entry to the first two. The predicate is the flag, not the status, so that moving between closed
-- statuses (signed off, closed) changes no indexed column and PostgreSQL can update the row in place
-- (a HOT update, no index writes); the fill factor leaves room on each page for that.
CREATE INDEX sk_requests_open_by_group ON sk_requests (tenant, group_id, due_at, id)
    WHERE is_open AND group_id IS NOT NULL;
CREATE INDEX sk_requests_open_by_assignee ON sk_requests (tenant, assignee, due_at, id)
    WHERE is_open AND assignee IS NOT NULL;
CREATE INDEX sk_requests_open_by_due ON sk_requests (tenant, due_at, id)
    WHERE is_open;
-- Status queues use the indexes above and the registration index; every write paid for this one.
DROP INDEX sk_requests_by_status;
-- Only dead letters are listed by status: the index holds them alone, so a new message adds nothing to it.
DROP INDEX sk_outbox_by_status;
CREATE INDEX sk_outbox_dead ON sk_outbox (tenant, created_at, id) WHERE status = 'DEAD';

-- Contacts keyed by request: the first contact is found through its request, and a request's contacts
-- by the key's prefix, so the separate index by request is gone (one index write less per contact).
ALTER TABLE sk_contacts DROP CONSTRAINT sk_contacts_pk;
ALTER TABLE sk_contacts ADD CONSTRAINT sk_contacts_pk PRIMARY KEY (tenant, request_id, id);
DROP INDEX sk_contacts_by_request;
ALTER TABLE sk_requests SET (fillfactor = 85);
