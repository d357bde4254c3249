-- Time specialists spent on requests (issue 14): totals per request, specialist and labour function are
-- summed in SQL.
CREATE TABLE sk_time (
    tenant         VARCHAR(64) NOT NULL,
    id             VARCHAR(64) NOT NULL,
    request_id     VARCHAR(64) NOT NULL,
    specialist     VARCHAR(64) NOT NULL,
    labor_function VARCHAR(16) NOT NULL,
    spent_seconds  BIGINT NOT NULL,
    task           VARCHAR(200),
    note           CHARACTER LARGE OBJECT NOT NULL,
    recorded_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT sk_time_pk PRIMARY KEY (tenant, id)
);
CREATE INDEX sk_time_by_request ON sk_time (tenant, request_id);
CREATE INDEX sk_time_by_specialist ON sk_time (tenant, specialist, recorded_at);
