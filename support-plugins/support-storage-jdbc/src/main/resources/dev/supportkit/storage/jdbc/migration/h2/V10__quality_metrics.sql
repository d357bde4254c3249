-- Quality metrics (issue 16), counted in SQL: when a request first left the first line and how often it
-- was reopened (first-contact resolution and reopen rates), and the satisfaction survey sent after closing
-- (sent, answered, score); resolved requests and surveys indexed by time for the period reports. Rows written
-- before this version: reopens 0, and escalated_at the registration time when the request is at the intake
-- lead or second line now (an approximation: the history is in the journal, not in columns).
ALTER TABLE sk_requests ADD COLUMN escalated_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN reopens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sk_requests ADD COLUMN survey_sent_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN survey_answered_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sk_requests ADD COLUMN survey_score SMALLINT;
UPDATE sk_requests SET escalated_at = registered_at WHERE support_line <> 'FIRST_LINE';
CREATE INDEX sk_requests_by_resolution ON sk_requests (tenant, resolved_at);
-- Surveys by the time sent: the metrics' range and the once-per-representative check.
CREATE INDEX sk_requests_by_survey ON sk_requests (tenant, survey_sent_at);
