package dev.supportkit.benchmarks;

import java.time.Duration;

/**
 * How long and how big the runs are.
 *
 * @param warmup        warm-up time before each measured scenario
 * @param measure       length of one measured round
 * @param rounds        measured rounds per side; API and baseline rounds alternate
 * @param importBatches how many batches of 1,000 requests the import measures per side
 * @param openRequests  open requests (with one pending deadline each) for the deadline sweep
 * @param searchArticles documents indexed for the search benchmark
 * @param searchQueries  searches timed by the search benchmark (after {@code warmup} of searching), and
 *                       suggestions timed by the suggestion benchmark
 * @param suggestionRequests requests registered for the suggestion benchmark, whose suggestions are timed in turn
 */
record Settings(Duration warmup, Duration measure, int rounds, int importBatches, int openRequests,
                int searchArticles, int searchQueries, int suggestionRequests) {
    static final Settings FULL = new Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, 20, 1_000_000,
            50_000, 5_000, 1_000);
    static final Settings QUICK = new Settings(Duration.ofSeconds(2), Duration.ofSeconds(3), 2, 5, 100_000,
            10_000, 1_000, 200);
}
