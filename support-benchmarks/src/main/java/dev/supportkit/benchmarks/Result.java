package dev.supportkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One measured figure next to its baseline from the same run.
 *
 * @param name          what was measured, e.g. {@code intake-throughput-8-threads}
 * @param unit          the unit of {@code value} and {@code baselineValue}
 * @param value         the SupportKit figure
 * @param baselineValue the baseline figure measured in the same run
 * @param ratio         value / baseline
 * @param target        the goal, in words, e.g. {@code ratio >= 0.6}
 * @param met           whether the target was met
 * @param baseline      what the baseline is
 */
public record Result(String name, String unit, double value, double baselineValue, double ratio, String target,
                     boolean met, String baseline) {

    /**
     * The p50 and p99 of a latency benchmark, each with the same absolute target.
     *
     * @param name         what was measured, e.g. {@code search-latency}; the percentile and {@code suffix} are added
     * @param suffix       what follows the percentile in the name, e.g. {@code -50000-articles}
     * @param measured     the SupportKit latencies
     * @param baseline     the baseline latencies from the same run
     * @param targetMillis both percentiles must be below this
     * @param baselineText what the baseline is
     * @return the p50 result, then the p99 one
     */
    static List<Result> percentiles(String name, String suffix, Latencies measured, Latencies baseline,
                                              double targetMillis, String baselineText) {
        List<Result> results = new ArrayList<>();
        for (int percent : new int[] {50, 99}) {
            double value = measured.percentile(percent);
            double base = baseline.percentile(percent);
            results.add(new Result(name + "-p" + percent + suffix, "ms", value, base, value / base,
                    String.format(Locale.ROOT, "p%d < %.0f ms", percent, targetMillis),
                    value < targetMillis, baselineText));
        }
        return List.copyOf(results);
    }
}
