package dev.supportkit.api.reports;

import dev.supportkit.api.request.RequestStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many requests are in each status (B/03.6: summary of incoming requests and their execution).
 *
 * @param counts  a count for every status, zero included
 * @param asOf    when the summary was taken
 */
public record StatusSummary(Map<RequestStatus, Long> counts, Instant asOf) {
    /**
     * Fills in zero for statuses without requests and freezes the map.
     *
     * @param counts a count for every status, zero included
     * @param asOf when the summary was taken
     */
    public StatusSummary {
        EnumMap<RequestStatus, Long> all = new EnumMap<>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            all.put(status, counts.getOrDefault(status, 0L));
        }
        counts = Map.copyOf(all);
    }

    /**
     * Returns the total number of requests.
     *
     * @return the total number of requests
     */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
