-- Visits with their technicians (issue 15). A booked visit holds one row of sk_visit_slots per technician
-- per quarter hour of its window and travel buffer; the primary key makes a technician's double booking
-- impossible across every engine on the database.
CREATE TABLE sk_visits (
    tenant     VARCHAR(64) NOT NULL,
    id         VARCHAR(64) NOT NULL,
    request_id VARCHAR(64) NOT NULL,
    start_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    held_until TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status     VARCHAR(16) NOT NULL,
    document   CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT sk_visits_pk PRIMARY KEY (tenant, id)
);
CREATE INDEX sk_visits_by_request ON sk_visits (tenant, request_id);
CREATE TABLE sk_visit_slots (
    tenant     VARCHAR(64) NOT NULL,
    technician VARCHAR(64) NOT NULL,
    slot_start TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    visit_id   VARCHAR(64) NOT NULL,
    CONSTRAINT sk_visit_slots_pk PRIMARY KEY (tenant, technician, slot_start)
);
CREATE INDEX sk_visit_slots_by_visit ON sk_visit_slots (tenant, visit_id);
