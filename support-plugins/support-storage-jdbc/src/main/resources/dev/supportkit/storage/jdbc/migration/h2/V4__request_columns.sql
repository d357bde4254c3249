-- Request facts as columns, so queues and reports filter and sort in SQL (issue 13). Written by the
-- engine from each snapshot (RequestFacts); filled for the rows already stored by the Java migration V5.
-- due_at is the earliest unmet deadline, 9999-12-31 23:59:59.999999 UTC when none is unmet.
-- What no query needs stays JSON in document (the former snapshot); a request's description is not kept
-- there when its first contact (first_contact) holds the same text.
ALTER TABLE sk_requests ADD COLUMN representative VARCHAR(64);
ALTER TABLE sk_requests ADD COLUMN system_id VARCHAR(64);
ALTER TABLE sk_requests ADD COLUMN model VARCHAR(200);
ALTER TABLE sk_requests ADD COLUMN category VARCHAR(200);
ALTER TABLE sk_requests ADD COLUMN group_id VARCHAR(64);
ALTER TABLE sk_requests ADD COLUMN assignee VARCHAR(64);
ALTER TABLE sk_requests ADD COLUMN priority_rank SMALLINT;
ALTER TABLE sk_requests ADD COLUMN emergency BOOLEAN;
ALTER TABLE sk_requests ADD COLUMN incident VARCHAR(64);
ALTER TABLE sk_requests ADD COLUMN due_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN deadline_state VARCHAR(16);
ALTER TABLE sk_requests ADD COLUMN first_response_due TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN first_response_met TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN resolution_due TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN resolution_met TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN vendor_case VARCHAR(16);
ALTER TABLE sk_requests ADD COLUMN failed_component VARCHAR(64);
ALTER TABLE sk_requests ADD COLUMN failure_cause CHARACTER LARGE OBJECT;
ALTER TABLE sk_requests ADD COLUMN first_contact VARCHAR(64);
ALTER TABLE sk_requests ADD COLUMN is_open BOOLEAN;
ALTER TABLE sk_requests ADD COLUMN first_response_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN resolved_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN signed_off_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN closed_at TIMESTAMP(6) WITH TIME ZONE;

ALTER TABLE sk_requests RENAME COLUMN snapshot TO document;

-- Queues: a group's, an assignee's (or the unassigned), the whole tenant's by due. (No partial indexes
-- here, so they also hold closed requests.)
CREATE INDEX sk_requests_by_group ON sk_requests (tenant, group_id, due_at, id);
CREATE INDEX sk_requests_by_assignee ON sk_requests (tenant, assignee, due_at, id);
CREATE INDEX sk_requests_by_due ON sk_requests (tenant, due_at, id);
-- Status queues use the indexes above and the registration index.
DROP INDEX sk_requests_by_status;

-- Contacts keyed by request: the first contact is found through its request, and a request's contacts
-- by the key's prefix, so the separate index by request is gone (one index write less per contact).
ALTER TABLE sk_contacts DROP CONSTRAINT sk_contacts_pk;
ALTER TABLE sk_contacts ADD CONSTRAINT sk_contacts_pk PRIMARY KEY (tenant, request_id, id);
DROP INDEX sk_contacts_by_request;
