package dev.supportkit.core.internal.notify;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread of the outbox dispatcher's own for its storage work during a burst of deliveries to targets: the next
 * batch is claimed while the current one goes out, and a batch's deliveries are stored while the next goes out,
 * so a relay waits for the broker and for the store at the same time instead of one after the other. Tasks run
 * in the order they were handed over. The thread is started on first use and stopped by {@link #close()}; after
 * that, tasks run on the caller's thread.
 */
final class StoreThread implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreThread.class);
    private final String name;
    private ExecutorService executor;
    private boolean closed;

    /** @param name the thread's name */
    StoreThread(String name) {
        this.name = name;
    }

    /**
     * @param task storage work
     * @param <T>  what it returns
     * @return its result, when it is done; on the caller's thread, done already, once this is closed
     */
    <T> CompletableFuture<T> submit(Supplier<T> task) {
        ExecutorService running = executor();
        if (running != null) {
            try {
                return CompletableFuture.supplyAsync(task, running);
            } catch (RejectedExecutionException e) {
                // closed meanwhile: run here
            }
        }
        try {
            return CompletableFuture.completedFuture(task.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private synchronized ExecutorService executor() {
        if (closed) {
            return null;
        }
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    /** Lets the tasks handed over finish (10 s at most) and stops the thread. */
    @Override
    public void close() {
        ExecutorService stopping;
        synchronized (this) {
            closed = true;
            stopping = executor;
            executor = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The outbox store thread {} did not finish its tasks within 10 s", name);
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
