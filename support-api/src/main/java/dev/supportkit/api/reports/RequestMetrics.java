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
 *   <li>{@code backlog}: requests registered before the period's end and not resolved by then;
 *       {@code oldestBacklogAge} how long the oldest of them had waited at the period's end.</li>
 * </ul>
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
 * @param backlog              open at the period's end
 * @param oldestBacklogAge     age of the oldest of those at the period's end, if any
 */
public record RequestMetrics(String key, long received, long resolved, long reopened, long firstContactResolved,
                             long firstResponseDue, long firstResponseInTime, long resolutionDue,
                             long resolutionInTime, Optional<Duration> firstResponseMedian,
                             Optional<Duration> firstResponseP90, Optional<Duration> resolutionMedian,
                             Optional<Duration> resolutionP90, long backlog, Optional<Duration> oldestBacklogAge) {
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
     * @param backlog              open at the period's end
     * @param oldestBacklogAge     age of the oldest open one
     */
    public RequestMetrics {
        Objects.requireNonNull(key, "key");
        firstResponseMedian = firstResponseMedian == null ? Optional.empty() : firstResponseMedian;
        firstResponseP90 = firstResponseP90 == null ? Optional.empty() : firstResponseP90;
        resolutionMedian = resolutionMedian == null ? Optional.empty() : resolutionMedian;
        resolutionP90 = resolutionP90 == null ? Optional.empty() : resolutionP90;
        oldestBacklogAge = oldestBacklogAge == null ? Optional.empty() : oldestBacklogAge;
        if (received < 0 || resolved < 0 || backlog < 0 || firstResponseDue < 0 || resolutionDue < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (reopened < 0 || reopened > resolved || firstContactResolved < 0 || firstContactResolved > resolved
                || firstResponseInTime < 0 || firstResponseInTime > firstResponseDue
                || resolutionInTime < 0 || resolutionInTime > resolutionDue) {
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
        return new RequestMetrics(key, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Optional.empty());
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
