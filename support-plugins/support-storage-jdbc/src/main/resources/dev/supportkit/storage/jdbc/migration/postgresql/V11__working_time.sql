-- Working time to first response and to resolution (issue 16): the working time of the business calendar a
-- request's first-response and resolution deadlines used until met, without the time pauses kept off the
-- clock, in whole microseconds; the quality metrics take their medians and 90th percentiles. Rows met before
-- this version keep NULL (the engine did not record it), so they are left out of those two figures.
ALTER TABLE sk_requests
    ADD COLUMN first_response_worked BIGINT,
    ADD COLUMN resolution_worked     BIGINT;
