-- SupportKit storage schema, H2. Times are TIMESTAMP WITH TIME ZONE (UTC, microseconds); strings compare
-- binary; JSON is kept as text written by the engine's codec.

CREATE TABLE sk_requests (
    tenant        VARCHAR(64) NOT NULL,
    id            VARCHAR(64) NOT NULL,
    version       BIGINT NOT NULL,
    status        VARCHAR(32) NOT NULL,
    organization  VARCHAR(64) NOT NULL,
    support_line  VARCHAR(32) NOT NULL,
    registered_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    snapshot      CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT sk_requests_pk PRIMARY KEY (tenant, id)
);
CREATE INDEX sk_requests_by_status ON sk_requests (tenant, status, registered_at, id);
CREATE INDEX sk_requests_by_organization ON sk_requests (tenant, organization, registered_at, id);
CREATE INDEX sk_requests_by_registration ON sk_requests (tenant, registered_at, id);

CREATE TABLE sk_contacts (
    tenant         VARCHAR(64) NOT NULL,
    id             VARCHAR(64) NOT NULL,
    request_id     VARCHAR(64) NOT NULL,
    channel        VARCHAR(32) NOT NULL,
    representative VARCHAR(64) NOT NULL,
    body           CHARACTER VARYING,
    received_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    taken_by       CHARACTER VARYING,
    CONSTRAINT sk_contacts_pk PRIMARY KEY (tenant, id)
);
CREATE INDEX sk_contacts_by_request ON sk_contacts (tenant, request_id, received_at, id);

CREATE TABLE sk_journal (
    tenant         VARCHAR(64) NOT NULL,
    request_id     VARCHAR(64) NOT NULL,
    seq            BIGINT NOT NULL,
    occurred_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor_id       CHARACTER VARYING NOT NULL,
    actor_name     CHARACTER VARYING,
    actor_role     VARCHAR(32) NOT NULL,
    channel        VARCHAR(32),
    labor_function VARCHAR(16) NOT NULL,
    visibility     VARCHAR(32) NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    payload        CHARACTER LARGE OBJECT,
    description    CHARACTER VARYING,
    previous_hash  VARCHAR(128),
    hash           VARCHAR(128),
    CONSTRAINT sk_journal_pk PRIMARY KEY (tenant, request_id, seq)
);

CREATE TABLE sk_outbox (
    id              VARCHAR(255) NOT NULL,
    tenant          VARCHAR(64) NOT NULL,
    request_id      VARCHAR(64),
    topic           VARCHAR(255) NOT NULL,
    recipient       CHARACTER VARYING,
    payload         CHARACTER LARGE OBJECT,
    idempotency_key VARCHAR(255),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status          VARCHAR(16) NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    claimed_by      VARCHAR(128),
    lease_until     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT sk_outbox_pk PRIMARY KEY (id)
);
CREATE INDEX sk_outbox_by_request ON sk_outbox (tenant, request_id, created_at, id);
CREATE INDEX sk_outbox_by_status ON sk_outbox (tenant, status, created_at, id);
-- Claims walk pending messages by next attempt time (no partial indexes in H2: status leads).
CREATE INDEX sk_outbox_due ON sk_outbox (status, next_attempt_at, id);

-- Timers are deleted when completed or cancelled: every row is pending.
CREATE TABLE sk_timers (
    id          VARCHAR(255) NOT NULL,
    tenant      VARCHAR(64) NOT NULL,
    request_id  VARCHAR(64),
    kind        VARCHAR(255) NOT NULL,
    due_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    payload     CHARACTER LARGE OBJECT,
    attempts    INTEGER NOT NULL,
    claimed_by  VARCHAR(128),
    lease_until TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT sk_timers_pk PRIMARY KEY (id)
);
CREATE INDEX sk_timers_due ON sk_timers (due_at, id);
CREATE INDEX sk_timers_by_request ON sk_timers (tenant, request_id, due_at, id);

CREATE TABLE sk_directory (
    tenant     VARCHAR(64) NOT NULL,
    entry_type VARCHAR(64) NOT NULL,
    entry_id   VARCHAR(64) NOT NULL,
    owner_org  VARCHAR(64),
    entry_data CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT sk_directory_pk PRIMARY KEY (tenant, entry_type, entry_id)
);
CREATE INDEX sk_directory_by_owner ON sk_directory (tenant, entry_type, owner_org, entry_id);
