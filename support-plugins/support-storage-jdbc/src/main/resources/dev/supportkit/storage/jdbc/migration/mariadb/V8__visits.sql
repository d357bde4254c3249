-- Visits with their technicians (issue 15). A booked visit holds one row of sk_visit_slots per technician
-- per quarter hour of its window and travel buffer; the primary key makes a technician's double booking
-- impossible across every engine on the database.
CREATE TABLE sk_visits (
    tenant     VARCHAR(64) NOT NULL,
    id         VARCHAR(64) NOT NULL,
    request_id VARCHAR(64) NOT NULL,
    start_at   DATETIME(6) NOT NULL,
    held_until DATETIME(6) NOT NULL,
    status     VARCHAR(16) NOT NULL,
    document   MEDIUMTEXT NOT NULL,
    PRIMARY KEY (tenant, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
CREATE INDEX sk_visits_by_request ON sk_visits (tenant, request_id);
CREATE TABLE sk_visit_slots (
    tenant     VARCHAR(64) NOT NULL,
    technician VARCHAR(64) NOT NULL,
    slot_start DATETIME(6) NOT NULL,
    visit_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant, technician, slot_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${binary_collation};
CREATE INDEX sk_visit_slots_by_visit ON sk_visit_slots (tenant, visit_id);
