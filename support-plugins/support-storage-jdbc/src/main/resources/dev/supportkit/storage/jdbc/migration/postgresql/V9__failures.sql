-- The failure register (06.024, C/03.6, issue 15): equipment failures with their causes, counted per model,
-- component and cause in SQL, and the installed base the mean time between failures is measured on.
CREATE TABLE sk_failures (
    tenant       VARCHAR(64) COLLATE "C" NOT NULL,
    id           VARCHAR(64) COLLATE "C" NOT NULL,
    request_id   VARCHAR(64) COLLATE "C" NOT NULL,
    model        VARCHAR(200) COLLATE "C" NOT NULL,
    component_id VARCHAR(64) COLLATE "C",
    serial       VARCHAR(200),
    cause_code   VARCHAR(64) COLLATE "C" NOT NULL,
    failed_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    restored_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    note         TEXT NOT NULL,
    recorded_by  VARCHAR(64) NOT NULL,
    recorded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT sk_failures_pk PRIMARY KEY (tenant, id)
);
CREATE INDEX sk_failures_by_time ON sk_failures (tenant, failed_at);
CREATE INDEX sk_failures_by_request ON sk_failures (tenant, request_id);

-- One row per system (component_id '') or component of a system; registering the pair again replaces it.
CREATE TABLE sk_installed_units (
    tenant            VARCHAR(64) COLLATE "C" NOT NULL,
    system_id         VARCHAR(64) COLLATE "C" NOT NULL,
    component_id      VARCHAR(64) COLLATE "C" NOT NULL,
    model             VARCHAR(200) COLLATE "C" NOT NULL,
    serial            VARCHAR(200),
    commissioned_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    decommissioned_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT sk_installed_units_pk PRIMARY KEY (tenant, system_id, component_id)
);
CREATE INDEX sk_installed_units_by_model ON sk_installed_units (tenant, model);
