package dev.supportkit.benchmarks;

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
}
