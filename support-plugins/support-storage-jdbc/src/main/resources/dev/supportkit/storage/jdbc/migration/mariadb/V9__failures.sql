-- The failure register (06.024, C/03.6, issue 15): equipment failures with their causes, counted per model,
-- component and cause in SQL, and the installed base the mean time between failures is measured on.
CREATE TABLE sk_failures (
    tenant       VARCHAR(64) NOT NULL,
    id           VARCHAR(64) NOT NULL,
    request_id   VARCHAR(64) NOT NULL,
    model        VARCHAR(200) NOT NULL,
    component_id VARCHAR(64),
    serial       VARCHAR(200),
    cause_code   VARCHAR(64) NOT NULL,
    failed_at    DATETIME(6) NOT NULL,
    restored_at  DATETIME(6) NOT NULL,
    note         MEDIUMTEXT NOT NULL,
    recorded_by  VARCHAR(64) NOT NULL,
    recorded_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
CREATE INDEX sk_failures_by_time ON sk_failures (tenant, failed_at);
CREATE INDEX sk_failures_by_request ON sk_failures (tenant, request_id);

-- One row per system (component_id '') or component of a system; registering the pair again replaces it.
CREATE TABLE sk_installed_units (
    tenant            VARCHAR(64) NOT NULL,
    system_id         VARCHAR(64) NOT NULL,
    component_id      VARCHAR(64) NOT NULL,
    model             VARCHAR(200) NOT NULL,
    serial            VARCHAR(200),
    commissioned_at   DATETIME(6) NOT NULL,
    decommissioned_at DATETIME(6),
    PRIMARY KEY (tenant, system_id, component_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
CREATE INDEX sk_installed_units_by_model ON sk_installed_units (tenant, model);
