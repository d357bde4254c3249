package dev.supportkit.benchmarks;

import java.util.Arrays;

/** Latency samples of one kind of call, in milliseconds, and their percentiles. */
final class Latencies {
    private double[] samples = new double[256];
    private int size;

    /**
     * @param millis one call's latency
     */
    void add(double millis) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = millis;
    }

    /** @return how many samples */
    int count() {
        return size;
    }

    /**
     * @param percent e.g. 99
     * @return the nearest-rank percentile: the smallest sample at least {@code percent}% of the samples
     *         do not exceed
     */
    double percentile(double percent) {
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        double[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)];
    }
}
