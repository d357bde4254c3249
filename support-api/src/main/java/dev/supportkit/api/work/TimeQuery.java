package dev.supportkit.api.work;

import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which recorded time to total: optionally one request, one specialist, and a window of recording times
 * ({@code [from, until)}).
 *
 * @param request    only this request's time, if set
 * @param specialist only this specialist's time, if set
 * @param from       recorded at or after, if set
 * @param until      recorded before, if set
 */
public record TimeQuery(Optional<RequestId> request, Optional<SpecialistId> specialist, Optional<Instant> from,
                        Optional<Instant> until) {
    /** Every recorded time of the tenant. */
    public static final TimeQuery ALL = new TimeQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /**
     * Checks that the parts are optionals.
     *
     * @param request    only this request, if set
     * @param specialist only this specialist, if set
     * @param from       recorded at or after, if set
     * @param until      recorded before, if set
     */
    public TimeQuery {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(specialist, "specialist");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    /**
     * One request's time.
     *
     * @param request the request
     * @return the query
     */
    public static TimeQuery ofRequest(RequestId request) {
        return new TimeQuery(Optional.of(request), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * One specialist's time in a window.
     *
     * @param specialist the specialist
     * @param from       at or after, or null
     * @param until      before, or null
     * @return the query
     */
    public static TimeQuery ofSpecialist(SpecialistId specialist, Instant from, Instant until) {
        return new TimeQuery(Optional.empty(), Optional.of(specialist), Optional.ofNullable(from),
                Optional.ofNullable(until));
    }
}
