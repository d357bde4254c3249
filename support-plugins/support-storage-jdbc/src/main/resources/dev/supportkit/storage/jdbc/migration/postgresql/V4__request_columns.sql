-- Request facts as columns, so queues and reports filter and sort in SQL (issue 13). Written by the
-- engine from each snapshot (RequestFacts); filled for the rows already stored by the Java migration V5.
-- due_at is the earliest unmet deadline, 9999-12-31 23:59:59.999999 UTC when none is unmet.
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
    ADD COLUMN failure_cause      TEXT;

-- Queues over open requests only: a group's, an assignee's (or the unassigned), the whole tenant's by due.
CREATE INDEX sk_requests_open_by_group ON sk_requests (tenant, group_id, due_at, id)
    WHERE status IN ('REGISTERED', 'IN_PROGRESS_FIRST_LINE', 'AT_INTAKE_LEAD', 'AT_SECOND_LINE', 'WAITING_FOR_CUSTOMER');
CREATE INDEX sk_requests_open_by_assignee ON sk_requests (tenant, assignee, due_at, id)
    WHERE status IN ('REGISTERED', 'IN_PROGRESS_FIRST_LINE', 'AT_INTAKE_LEAD', 'AT_SECOND_LINE', 'WAITING_FOR_CUSTOMER');
CREATE INDEX sk_requests_open_by_due ON sk_requests (tenant, due_at, id)
    WHERE status IN ('REGISTERED', 'IN_PROGRESS_FIRST_LINE', 'AT_INTAKE_LEAD', 'AT_SECOND_LINE', 'WAITING_FOR_CUSTOMER');
