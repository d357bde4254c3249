package dev.supportkit.api.resolution;

import dev.supportkit.api.directory.ComponentId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The failure register's figures for a period (06.024, C/03.6): the number of equipment failures and their
 * causes, and the mean time between failures per model. A failure belongs to the period when it failed
 * within [from, until). Counts are per cause code as recorded (a parent cause does not add up its children).
 *
 * @param from        the period's start (inclusive)
 * @param until       the period's end (exclusive)
 * @param total       every failure of the period
 * @param byModel     failures per equipment model
 * @param byComponent failures per component (failures recorded without a component are not in this map)
 * @param byCause     failures per cause code
 * @param counts      failures per model, component and cause, ordered by model, component (none first) and cause
 * @param mtbf        the mean time between failures per model that had failures or operating time in the
 *                    period, ordered by model
 */
public record FailureStatistics(Instant from, Instant until, long total, Map<String, Long> byModel,
                                Map<ComponentId, Long> byComponent, Map<String, Long> byCause,
                                List<FailureCount> counts, List<Mtbf> mtbf) {
    /**
     * Copies the maps and lists.
     *
     * @param from        the period's start
     * @param until       the period's end
     * @param total       every failure of the period
     * @param byModel     failures per model
     * @param byComponent failures per component
     * @param byCause     failures per cause code
     * @param counts      failures per model, component and cause
     * @param mtbf        the mean time between failures per model
     */
    public FailureStatistics {
        byModel = Map.copyOf(byModel);
        byComponent = Map.copyOf(byComponent);
        byCause = Map.copyOf(byCause);
        counts = List.copyOf(counts);
        mtbf = List.copyOf(mtbf);
    }
}
