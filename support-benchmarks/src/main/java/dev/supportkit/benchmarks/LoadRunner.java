package dev.supportkit.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an operation from several threads for a fixed time and reports operations per second.
 * Benchmarks measure elapsed time, so this is the one place that reads the system's monotonic clock.
 */
final class LoadRunner {
    /** One thread's work: a fresh operation per thread (each may hold its own connection). */
    interface Worker extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws java.sql.SQLException {
        }
    }

    /** Creates one worker per thread. */
    interface WorkerFactory {
        Worker create() throws Exception;
    }

    private LoadRunner() {
    }

    /**
     * @param threads  how many threads
     * @param duration how long to run
     * @param factory  creates each thread's worker
     * @return completed operations per second, over all threads
     */
    static double throughput(int threads, Duration duration, WorkerFactory factory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> counts = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    Worker created;
                    try {
                        created = factory.create();
                    } finally {
                        ready.countDown(); // also when creating failed: the failure then surfaces from get()
                    }
                    try (Worker worker = created) {
                        start.await();
                        long done = 0;
                        while (!stop.get()) {
                            worker.run();
                            done++;
                        }
                        return done;
                    }
                }));
            }
            ready.await();
            long begin = System.nanoTime();
            start.countDown();
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
            stop.set(true);
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            return total / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Throughput of an API operation against its baseline at 1 and at 8 threads, rounds alternating
     * (baseline first), as one result per thread count.
     *
     * @param settings   rounds and round length
     * @param name       the result name before {@code -1-thread} / {@code -8-threads}
     * @param api        the API side's workers
     * @param baseline   the baseline's workers
     * @param baselineText what the baseline is
     * @return the 1-thread result, then the 8-thread one, each with target ratio &gt;= 0.6
     */
    static List<Result> againstBaseline(Settings settings, String name, WorkerFactory api, WorkerFactory baseline,
                                        String baselineText) throws Exception {
        List<Result> results = new ArrayList<>();
        for (int threads : new int[] {1, 8}) {
            double apiTotal = 0;
            double baseTotal = 0;
            for (int round = 0; round < settings.rounds(); round++) {
                baseTotal += throughput(threads, settings.measure(), baseline);
                apiTotal += throughput(threads, settings.measure(), api);
            }
            double value = apiTotal / settings.rounds();
            double base = baseTotal / settings.rounds();
            results.add(new Result(name + "-" + threads + "-thread" + (threads == 1 ? "" : "s"), "requests/s", value,
                    base, value / base, "ratio >= 0.6", value / base >= 0.6, baselineText));
        }
        return results;
    }

    /**
     * Times one run of an action.
     *
     * @param action the action
     * @return elapsed milliseconds
     */
    static double millis(ThrowingRunnable action) throws Exception {
        long begin = System.nanoTime();
        action.run();
        return (System.nanoTime() - begin) / 1e6;
    }

    /**
     * Runs an action over and over, one run after another, until a duration has passed.
     *
     * @param duration how long
     * @param action   the action
     * @return how many runs were done
     */
    static long repeatFor(Duration duration, ThrowingRunnable action) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        long runs = 0;
        while (System.nanoTime() < end) {
            action.run();
            runs++;
        }
        return runs;
    }

    /** An action that may throw. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
