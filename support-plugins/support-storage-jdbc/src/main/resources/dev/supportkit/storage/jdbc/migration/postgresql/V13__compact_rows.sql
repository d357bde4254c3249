-- Fewer bytes written per command (issue 13), part one; V14 converts the journal's hashes.
--
-- The journal head (sequence and hash of a request's latest entry) leaves the request's JSON document for two
-- columns, the hash as its 32 bytes. Rows written before keep it in the document until their next change; the
-- store reads either.
--
-- The request table is rebuilt with its columns ordered from the ones that never change (key, customer,
-- registration) through the document to the ones every command changes (status, update time, version, journal
-- head). PostgreSQL logs an update of a row on the same page as the part between the unchanged prefix and the
-- unchanged suffix of the row, so the stable columns first are written once, not on every command.
CREATE TABLE sk_requests_v13 (
    tenant                VARCHAR(64) COLLATE "C" NOT NULL,
    id                    VARCHAR(64) COLLATE "C" NOT NULL,
    organization          VARCHAR(64) COLLATE "C" NOT NULL,
    registered_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    representative        VARCHAR(64) COLLATE "C",
    system_id             VARCHAR(64) COLLATE "C",
    model                 VARCHAR(200),
    first_contact         VARCHAR(64) COLLATE "C",
    priority_rank         SMALLINT,
    emergency             BOOLEAN,
    incident              VARCHAR(64) COLLATE "C",
    category              VARCHAR(200),
    reopens               INTEGER NOT NULL DEFAULT 0,
    survey_sent_at        TIMESTAMP(6) WITH TIME ZONE,
    survey_answered_at    TIMESTAMP(6) WITH TIME ZONE,
    survey_score          SMALLINT,
    vendor_case           VARCHAR(16),
    document              TEXT NOT NULL,
    failed_component      VARCHAR(64) COLLATE "C",
    failure_cause         TEXT,
    resolution_worked     BIGINT,
    resolved_at           TIMESTAMP(6) WITH TIME ZONE,
    first_response_due    TIMESTAMP(6) WITH TIME ZONE,
    resolution_due        TIMESTAMP(6) WITH TIME ZONE,
    support_line          VARCHAR(32) NOT NULL,
    group_id              VARCHAR(64) COLLATE "C",
    escalated_at          TIMESTAMP(6) WITH TIME ZONE,
    first_response_at     TIMESTAMP(6) WITH TIME ZONE,
    first_response_worked BIGINT,
    first_response_met    TIMESTAMP(6) WITH TIME ZONE,
    resolution_met        TIMESTAMP(6) WITH TIME ZONE,
    signed_off_at         TIMESTAMP(6) WITH TIME ZONE,
    closed_at             TIMESTAMP(6) WITH TIME ZONE,
    is_open               BOOLEAN,
    assignee              VARCHAR(64) COLLATE "C",
    deadline_state        VARCHAR(16),
    due_at                TIMESTAMP(6) WITH TIME ZONE,
    status                VARCHAR(32) NOT NULL,
    updated_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version               BIGINT NOT NULL,
    journal_seq           BIGINT,
    journal_hash          BYTEA
) WITH (fillfactor = 85);

INSERT INTO sk_requests_v13 (tenant, id, organization, registered_at, representative, system_id, model,
        first_contact, priority_rank, emergency, incident, category, reopens, survey_sent_at, survey_answered_at,
        survey_score, vendor_case, document, failed_component, failure_cause, resolution_worked, resolved_at,
        first_response_due, resolution_due, support_line, group_id, escalated_at, first_response_at,
        first_response_worked, first_response_met, resolution_met, signed_off_at, closed_at, is_open, assignee,
        deadline_state, due_at, status, updated_at, version)
    SELECT tenant, id, organization, registered_at, representative, system_id, model,
        first_contact, priority_rank, emergency, incident, category, reopens, survey_sent_at, survey_answered_at,
        survey_score, vendor_case, document, failed_component, failure_cause, resolution_worked, resolved_at,
        first_response_due, resolution_due, support_line, group_id, escalated_at, first_response_at,
        first_response_worked, first_response_met, resolution_met, signed_off_at, closed_at, is_open, assignee,
        deadline_state, due_at, status, updated_at, version
    FROM sk_requests;

DROP TABLE sk_requests;
ALTER TABLE sk_requests_v13 RENAME TO sk_requests;
ALTER TABLE sk_requests ADD CONSTRAINT sk_requests_pk PRIMARY KEY (tenant, id);
-- The secondary indexes end at their sort column and leave out the request id (37 bytes in every entry, and
-- every change that moves an indexed column writes an entry in each): the queues' ORDER BY ..., id still
-- holds, PostgreSQL sorting the rare rows with the same time by id as it reads them (an incremental sort).
CREATE INDEX sk_requests_by_organization ON sk_requests (tenant, organization, registered_at);
CREATE INDEX sk_requests_by_registration ON sk_requests (tenant, registered_at);
CREATE INDEX sk_requests_by_resolution ON sk_requests (tenant, resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX sk_requests_by_survey ON sk_requests (tenant, survey_sent_at) WHERE survey_sent_at IS NOT NULL;
CREATE INDEX sk_requests_open_by_assignee ON sk_requests (tenant, assignee, due_at)
    WHERE is_open AND assignee IS NOT NULL;
CREATE INDEX sk_requests_open_by_due ON sk_requests (tenant, due_at) WHERE is_open;
CREATE INDEX sk_requests_open_by_group ON sk_requests (tenant, group_id, due_at)
    WHERE is_open AND group_id IS NOT NULL;

-- The journal's hashes and state digests as bytes, its actor role, labour function and visibility as numbers:
-- V14 fills these from the text columns, then drops those and gives these their names.
ALTER TABLE sk_journal ADD COLUMN previous_hash_bytes BYTEA, ADD COLUMN hash_bytes BYTEA,
    ADD COLUMN state_digest_bytes BYTEA, ADD COLUMN actor_role_number SMALLINT,
    ADD COLUMN labor_function_number SMALLINT, ADD COLUMN visibility_number SMALLINT;

-- A request's messages by the same rule: their order is (created_at, id), the index ends at created_at.
DROP INDEX sk_outbox_by_request;
CREATE INDEX sk_outbox_by_request ON sk_outbox (tenant, request_id, created_at);

-- An outbox key that starts with its request's id is kept without it (the row holds the id); a key that
-- starts with ':' or '\' is kept behind a '\'. Keys written before this version: escape those two.
UPDATE sk_outbox SET idempotency_key = '\' || idempotency_key WHERE SUBSTRING(idempotency_key, 1, 1) IN (':', '\');
