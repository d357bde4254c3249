-- SupportKit storage schema, MariaDB (and MySQL 8). Times are DATETIME(6) holding UTC; text uses a binary
-- collation (${binary_collation}: case-sensitive, ordered by code point); JSON is kept as text written by
-- the engine's codec.

CREATE TABLE sk_requests (
    tenant        VARCHAR(64) NOT NULL,
    id            VARCHAR(64) NOT NULL,
    version       BIGINT NOT NULL,
    status        VARCHAR(32) NOT NULL,
    organization  VARCHAR(64) NOT NULL,
    support_line  VARCHAR(32) NOT NULL,
    registered_at DATETIME(6) NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    snapshot      MEDIUMTEXT NOT NULL,
    PRIMARY KEY (tenant, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
CREATE INDEX sk_requests_by_status ON sk_requests (tenant, status, registered_at, id);
CREATE INDEX sk_requests_by_organization ON sk_requests (tenant, organization, registered_at, id);
CREATE INDEX sk_requests_by_registration ON sk_requests (tenant, registered_at, id);

CREATE TABLE sk_contacts (
    tenant         VARCHAR(64) NOT NULL,
    id             VARCHAR(64) NOT NULL,
    request_id     VARCHAR(64) NOT NULL,
    channel        VARCHAR(32) NOT NULL,
    representative VARCHAR(64) NOT NULL,
    body           TEXT,
    received_at    DATETIME(6) NOT NULL,
    taken_by       TEXT,
    PRIMARY KEY (tenant, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
CREATE INDEX sk_contacts_by_request ON sk_contacts (tenant, request_id, received_at, id);

CREATE TABLE sk_journal (
    tenant         VARCHAR(64) NOT NULL,
    request_id     VARCHAR(64) NOT NULL,
    seq            BIGINT NOT NULL,
    occurred_at    DATETIME(6) NOT NULL,
    actor_id       TEXT NOT NULL,
    actor_name     TEXT,
    actor_role     VARCHAR(32) NOT NULL,
    channel        VARCHAR(32),
    labor_function VARCHAR(16) NOT NULL,
    visibility     VARCHAR(32) NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    payload        MEDIUMTEXT,
    description    TEXT,
    previous_hash  VARCHAR(128),
    hash           VARCHAR(128),
    PRIMARY KEY (tenant, request_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};

CREATE TABLE sk_outbox (
    id              VARCHAR(255) NOT NULL,
    tenant          VARCHAR(64) NOT NULL,
    request_id      VARCHAR(64),
    topic           VARCHAR(255) NOT NULL,
    recipient       TEXT,
    payload         MEDIUMTEXT,
    idempotency_key VARCHAR(255),
    created_at      DATETIME(6) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at DATETIME(6) NOT NULL,
    claimed_by      VARCHAR(128),
    lease_until     DATETIME(6),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
CREATE INDEX sk_outbox_by_request ON sk_outbox (tenant, request_id, created_at, id);
CREATE INDEX sk_outbox_by_status ON sk_outbox (tenant, status, created_at, id);
-- Claims walk pending messages by next attempt time (no partial indexes in MariaDB: status leads).
CREATE INDEX sk_outbox_due ON sk_outbox (status, next_attempt_at, id);

-- Timers are deleted when completed or cancelled: every row is pending.
CREATE TABLE sk_timers (
    id          VARCHAR(255) NOT NULL,
    tenant      VARCHAR(64) NOT NULL,
    request_id  VARCHAR(64),
    kind        VARCHAR(255) NOT NULL,
    due_at      DATETIME(6) NOT NULL,
    payload     MEDIUMTEXT,
    attempts    INTEGER NOT NULL,
    claimed_by  VARCHAR(128),
    lease_until DATETIME(6),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
CREATE INDEX sk_timers_due ON sk_timers (due_at, id);
CREATE INDEX sk_timers_by_request ON sk_timers (tenant, request_id, due_at, id);

CREATE TABLE sk_directory (
    tenant     VARCHAR(64) NOT NULL,
    entry_type VARCHAR(64) NOT NULL,
    entry_id   VARCHAR(64) NOT NULL,
    owner_org  VARCHAR(64),
    entry_data MEDIUMTEXT NOT NULL,
    PRIMARY KEY (tenant, entry_type, entry_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
CREATE INDEX sk_directory_by_owner ON sk_directory (tenant, entry_type, owner_org, entry_id);
