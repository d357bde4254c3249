package dev.supportkit.api.reports;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Request figures of one specialist, group, organisation or tenant over one period, counted by the
 * storage provider over its columns (never by loading requests). What each figure counts:
 * <ul>
 *   <li>{@code received}: requests registered in the period;</li>
 *   <li>{@code resolved}: requests whose (last) resolution falls in the period; {@code reopened} of those,
 *       the ones reopened at least once before; {@code firstContactResolved} of those, the ones resolved
 *       at the first line, never handed to the intake lead or second line and never reopened;</li>
 *   <li>{@code firstResponseDue}: requests registered in the period with a first-response deadline that is
 *       met or already due at the period's end; {@code firstResponseInTime} of those, the ones answered
 *       by the deadline; {@code resolutionDue} and {@code resolutionInTime} the same for resolution;</li>
 *   <li>times to first response (of requests registered in the period and answered) and to resolution
 *       (of requests resolved in the period), from registration, in elapsed time: median and 90th
 *       percentile by nearest rank;</li>
 *   <li>working times to first response and to resolution, of the same requests: the working time of the
 *       business calendar their service-level deadline counted in, from the deadline's start until it was met,
 *       without the time a pause (waiting for the customer) kept off the clock ({@code Deadline#workedTime()});
 *       a reopened request's resolution counts from the reopening. Requests without such a deadline (no
 *       service-level policy applied) have no working time and are left out of these two figures only;</li>
 *   <li>{@code backlog}: requests registered before the period's end and not resolved by then;
 *       {@code oldestBacklogAge} how long the oldest of them had waited at the period's end;</li>
 *   <li>{@code surveysSent}: satisfaction surveys sent in the period; {@code surveysAnswered} of those, the
 *       ones answered (at any time); {@code scoreSum} the sum of their scores (1 to 5 each).</li>
 * </ul>
 * Build one with {@link #builder(String)}.
 *
 * @param key                  the specialist, group or organisation id; {@code "*"} for the tenant
 * @param received             registered in the period
 * @param resolved             resolved in the period
 * @param reopened             of those resolved, reopened before
 * @param firstContactResolved of those resolved, resolved at first contact
 * @param firstResponseDue     first-response deadlines met or due
 * @param firstResponseInTime  of those, met in time
 * @param resolutionDue        resolution deadlines met or due
 * @param resolutionInTime     of those, met in time
 * @param firstResponseMedian  median time to first response, if any was given
 * @param firstResponseP90     90th percentile time to first response, if any was given
 * @param resolutionMedian     median time to resolution, if any was resolved
 * @param resolutionP90        90th percentile time to resolution, if any was resolved
 * @param firstResponseWorkingMedian median working time to first response, if any deadline was met
 * @param firstResponseWorkingP90    90th percentile working time to first response
 * @param resolutionWorkingMedian    median working time to resolution, if any deadline was met
 * @param resolutionWorkingP90       90th percentile working time to resolution
 * @param backlog              open at the period's end
 * @param oldestBacklogAge     age of the oldest of those at the period's end, if any
 * @param surveysSent          surveys sent in the period
 * @param surveysAnswered      of those, answered
 * @param scoreSum             the sum of their scores
 */
public record RequestMetrics(String key, long received, long resolved, long reopened, long firstContactResolved,
                             long firstResponseDue, long firstResponseInTime, long resolutionDue,
                             long resolutionInTime, Optional<Duration> firstResponseMedian,
                             Optional<Duration> firstResponseP90, Optional<Duration> resolutionMedian,
                             Optional<Duration> resolutionP90, Optional<Duration> firstResponseWorkingMedian,
                             Optional<Duration> firstResponseWorkingP90, Optional<Duration> resolutionWorkingMedian,
                             Optional<Duration> resolutionWorkingP90, long backlog, Optional<Duration> oldestBacklogAge,
                             long surveysSent, long surveysAnswered, long scoreSum) {
    /** The key of the tenant's single row. */
    public static final String TENANT_KEY = "*";

    /**
     * Checks the parts: counts are never negative and parts never exceed their wholes.
     *
     * @param key                  the key
     * @param received             registered in the period
     * @param resolved             resolved in the period
     * @param reopened             reopened, of those resolved
     * @param firstContactResolved resolved at first contact, of those resolved
     * @param firstResponseDue     first-response deadlines met or due
     * @param firstResponseInTime  met in time
     * @param resolutionDue        resolution deadlines met or due
     * @param resolutionInTime     met in time
     * @param firstResponseMedian  median time to first response
     * @param firstResponseP90     90th percentile time to first response
     * @param resolutionMedian     median time to resolution
     * @param resolutionP90        90th percentile time to resolution
     * @param firstResponseWorkingMedian median working time to first response
     * @param firstResponseWorkingP90    90th percentile working time to first response
     * @param resolutionWorkingMedian    median working time to resolution
     * @param resolutionWorkingP90       90th percentile working time to resolution
     * @param backlog              open at the period's end
     * @param oldestBacklogAge     age of the oldest open one
     * @param surveysSent          surveys sent in the period
     * @param surveysAnswered      of those, answered
     * @param scoreSum             the sum of their scores
     */
    public RequestMetrics {
        Objects.requireNonNull(key, "key");
        firstResponseMedian = firstResponseMedian == null ? Optional.empty() : firstResponseMedian;
        firstResponseP90 = firstResponseP90 == null ? Optional.empty() : firstResponseP90;
        resolutionMedian = resolutionMedian == null ? Optional.empty() : resolutionMedian;
        resolutionP90 = resolutionP90 == null ? Optional.empty() : resolutionP90;
        firstResponseWorkingMedian = firstResponseWorkingMedian == null ? Optional.empty() : firstResponseWorkingMedian;
        firstResponseWorkingP90 = firstResponseWorkingP90 == null ? Optional.empty() : firstResponseWorkingP90;
        resolutionWorkingMedian = resolutionWorkingMedian == null ? Optional.empty() : resolutionWorkingMedian;
        resolutionWorkingP90 = resolutionWorkingP90 == null ? Optional.empty() : resolutionWorkingP90;
        oldestBacklogAge = oldestBacklogAge == null ? Optional.empty() : oldestBacklogAge;
        if (received < 0 || resolved < 0 || backlog < 0 || firstResponseDue < 0 || resolutionDue < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (reopened < 0 || reopened > resolved || firstContactResolved < 0 || firstContactResolved > resolved
                || firstResponseInTime < 0 || firstResponseInTime > firstResponseDue
                || resolutionInTime < 0 || resolutionInTime > resolutionDue
                || surveysAnswered < 0 || surveysAnswered > surveysSent
                || scoreSum < surveysAnswered || scoreSum > 5 * surveysAnswered) {
            throw new IllegalArgumentException("a part must lie between 0 and its whole");
        }
    }

    /**
     * Returns a row with nothing counted, for a key without requests.
     *
     * @param key the key
     * @return all counts zero, no times
     */
    public static RequestMetrics empty(String key) {
        return builder(key).build();
    }

    /**
     * Starts a row with nothing counted.
     *
     * @param key the key
     * @return a builder
     */
    public static Builder builder(String key) {
        return new Builder(key);
    }

    /**
     * Returns the customers' average score from 1 to 5.
     *
     * @return the average of the answered surveys; empty when none was answered
     */
    public OptionalDouble satisfactionAverage() {
        return surveysAnswered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) scoreSum / surveysAnswered);
    }

    /**
     * Returns the share of surveys answered.
     *
     * @return from 0 to 1; empty when none was sent
     */
    public OptionalDouble surveyResponseRate() {
        return share(surveysAnswered, surveysSent);
    }

    /** Builds a {@link RequestMetrics} figure by figure; unset figures are zero or empty. */
    public static final class Builder {
        private final String key;
        private long received;
        private long resolved;
        private long reopened;
        private long firstContactResolved;
        private long firstResponseDue;
        private long firstResponseInTime;
        private long resolutionDue;
        private long resolutionInTime;
        private Optional<Duration> firstResponseMedian = Optional.empty();
        private Optional<Duration> firstResponseP90 = Optional.empty();
        private Optional<Duration> resolutionMedian = Optional.empty();
        private Optional<Duration> resolutionP90 = Optional.empty();
        private Optional<Duration> firstResponseWorkingMedian = Optional.empty();
        private Optional<Duration> firstResponseWorkingP90 = Optional.empty();
        private Optional<Duration> resolutionWorkingMedian = Optional.empty();
        private Optional<Duration> resolutionWorkingP90 = Optional.empty();
        private long backlog;
        private Optional<Duration> oldestBacklogAge = Optional.empty();
        private long surveysSent;
        private long surveysAnswered;
        private long scoreSum;

        private Builder(String key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /**
         * @param requests registered in the period
         * @return this builder
         */
        public Builder received(long requests) {
            received = requests;
            return this;
        }

        /**
         * @param requests resolved in the period
         * @param reopened of those, reopened before
         * @param atFirstContact of those, resolved at first contact
         * @return this builder
         */
        public Builder resolved(long requests, long reopened, long atFirstContact) {
            this.resolved = requests;
            this.reopened = reopened;
            this.firstContactResolved = atFirstContact;
            return this;
        }

        /**
         * @param due    first-response deadlines met or due
         * @param inTime of those, met in time
         * @return this builder
         */
        public Builder firstResponse(long due, long inTime) {
            firstResponseDue = due;
            firstResponseInTime = inTime;
            return this;
        }

        /**
         * @param due    resolution deadlines met or due
         * @param inTime of those, met in time
         * @return this builder
         */
        public Builder resolution(long due, long inTime) {
            resolutionDue = due;
            resolutionInTime = inTime;
            return this;
        }

        /**
         * @param median median time to first response, or null
         * @param p90    90th percentile, or null
         * @return this builder
         */
        public Builder firstResponseTimes(Duration median, Duration p90) {
            firstResponseMedian = Optional.ofNullable(median);
            firstResponseP90 = Optional.ofNullable(p90);
            return this;
        }

        /**
         * @param median median time to resolution, or null
         * @param p90    90th percentile, or null
         * @return this builder
         */
        public Builder resolutionTimes(Duration median, Duration p90) {
            resolutionMedian = Optional.ofNullable(median);
            resolutionP90 = Optional.ofNullable(p90);
            return this;
        }

        /**
         * @param median median working time to first response, or null
         * @param p90    90th percentile, or null
         * @return this builder
         */
        public Builder firstResponseWorkingTimes(Duration median, Duration p90) {
            firstResponseWorkingMedian = Optional.ofNullable(median);
            firstResponseWorkingP90 = Optional.ofNullable(p90);
            return this;
        }

        /**
         * @param median median working time to resolution, or null
         * @param p90    90th percentile, or null
         * @return this builder
         */
        public Builder resolutionWorkingTimes(Duration median, Duration p90) {
            resolutionWorkingMedian = Optional.ofNullable(median);
            resolutionWorkingP90 = Optional.ofNullable(p90);
            return this;
        }

        /**
         * @param requests open at the period's end
         * @param oldest   age of the oldest of them, or null
         * @return this builder
         */
        public Builder backlog(long requests, Duration oldest) {
            backlog = requests;
            oldestBacklogAge = Optional.ofNullable(oldest);
            return this;
        }

        /**
         * @param sent     surveys sent in the period
         * @param answered of those, answered
         * @param scores   the sum of their scores
         * @return this builder
         */
        public Builder surveys(long sent, long answered, long scores) {
            surveysSent = sent;
            surveysAnswered = answered;
            scoreSum = scores;
            return this;
        }

        /**
         * Builds the row.
         *
         * @return the row
         * @throws IllegalArgumentException when a count is negative or a part exceeds its whole
         */
        public RequestMetrics build() {
            return new RequestMetrics(key, received, resolved, reopened, firstContactResolved, firstResponseDue,
                    firstResponseInTime, resolutionDue, resolutionInTime, firstResponseMedian, firstResponseP90,
                    resolutionMedian, resolutionP90, firstResponseWorkingMedian, firstResponseWorkingP90,
                    resolutionWorkingMedian, resolutionWorkingP90, backlog, oldestBacklogAge, surveysSent, surveysAnswered,
                    scoreSum);
        }
    }

    /**
     * Returns the share of resolved requests resolved at first contact.
     *
     * @return from 0 to 1; empty when nothing was resolved
     */
    public OptionalDouble firstContactRate() {
        return share(firstContactResolved, resolved);
    }

    /**
     * Returns the share of resolved requests that had been reopened.
     *
     * @return from 0 to 1; empty when nothing was resolved
     */
    public OptionalDouble reopenRate() {
        return share(reopened, resolved);
    }

    /**
     * Returns the first-response SLA compliance.
     *
     * @return from 0 to 1; empty when no first-response deadline was due
     */
    public OptionalDouble firstResponseCompliance() {
        return share(firstResponseInTime, firstResponseDue);
    }

    /**
     * Returns the resolution SLA compliance.
     *
     * @return from 0 to 1; empty when no resolution deadline was due
     */
    public OptionalDouble resolutionCompliance() {
        return share(resolutionInTime, resolutionDue);
    }

    private static OptionalDouble share(long part, long whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}
