package dev.supportkit.api.work;

import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.request.RequestId;
import java.time.Duration;
import java.util.Map;

/**
 * Recorded time, totalled: overall, per request, per specialist and per labour function.
 *
 * @param total        all of it
 * @param byRequest    per request
 * @param bySpecialist per specialist
 * @param byFunction   per labour function
 */
public record TimeSummary(Duration total, Map<RequestId, Duration> byRequest, Map<SpecialistId, Duration> bySpecialist,
                          Map<LaborFunction, Duration> byFunction) {
    /**
     * Copies the maps.
     *
     * @param total        all of it
     * @param byRequest    per request
     * @param bySpecialist per specialist
     * @param byFunction   per labour function
     */
    public TimeSummary {
        byRequest = Map.copyOf(byRequest);
        bySpecialist = Map.copyOf(bySpecialist);
        byFunction = Map.copyOf(byFunction);
    }
}
