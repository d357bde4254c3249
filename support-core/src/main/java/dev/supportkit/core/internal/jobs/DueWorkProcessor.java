package dev.supportkit.core.internal.jobs;

import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.JobSettings;
import dev.supportkit.core.internal.notify.OutboxDispatcher;
import dev.supportkit.core.internal.work.ConflictRetry;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.TimerRecord;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works off due timers on this node: claims a batch under a lease, then handles each timer in its
 * own transaction together with marking it done; then lets the outbox dispatcher deliver due messages. With several nodes on one store each timer is
 * handled once; a node that dies mid-batch leaves claims that expire and are taken over.
 */
public final class DueWorkProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(DueWorkProcessor.class);
    /** How often a timer's handling is tried within one pass when it meets concurrent transactions. */
    private static final int CONFLICT_ATTEMPTS = 3;

    private final UnitOfWork work;
    private final String nodeId;
    private final JobSettings settings;
    private final Map<String, TimerHandler> handlers;
    private final OutboxDispatcher outbox;
    private final Set<PeriodicWork> periodic;
    private final ConflictRetry conflictRetry = new ConflictRetry(CONFLICT_ATTEMPTS);

    /**
     * @param work      the unit of work: transactions and the engine clock
     * @param settings  the engine's settings (node id, job settings)
     * @param handlers  the timer handlers (executor deadlines, SLA warnings and breaches, ...)
     * @param outbox    the outbox dispatcher
     * @param periodic  other work due on every pass (scheduled digests)
     */
    @Inject
    public DueWorkProcessor(UnitOfWork work, EngineSettings settings,
                            Set<TimerHandler> handlers, OutboxDispatcher outbox, Set<PeriodicWork> periodic) {
        this.outbox = outbox;
        this.periodic = Set.copyOf(periodic);
        this.work = work;
        this.nodeId = settings.nodeId();
        this.settings = settings.jobs();
        Map<String, TimerHandler> byKind = new java.util.HashMap<>();
        for (TimerHandler handler : handlers) {
            handler.kinds().forEach(kind -> byKind.put(kind, handler));
        }
        this.handlers = Map.copyOf(byKind);
    }

    /**
     * One pass: a batch of due timers, the periodic work that is due (which may record messages), then a
     * batch of due outbox messages.
     *
     * @return how many timers were handled, periodic items done and messages attempted
     */
    public int runOnce() {
        return runTimers() + runPeriodic() + runOutbox();
    }

    /**
     * Runs the periodic work that is due (the scheduled digests); a failing item is tried again on the next
     * pass.
     *
     * @return how many items were done
     */
    public int runPeriodic() {
        int done = 0;
        for (PeriodicWork item : periodic) {
            try {
                done += item.runDue();
            } catch (RuntimeException e) {
                LOG.warn("Periodic work {} failed on this pass; it is tried again on the next: {}",
                        item.getClass().getSimpleName(), e.toString());
            }
        }
        return done;
    }

    /**
     * Attempts one batch of due outbox messages.
     *
     * @return how many messages were attempted
     */
    public int runOutbox() {
        return outbox.runOnce();
    }

    /**
     * Claims one batch of due timers and handles them.
     *
     * @return how many timers were handled and completed
     */
    public int runTimers() {
        Instant now = work.now();
        Lease lease = new Lease(nodeId, now, now.plus(settings.lease()), settings.batchSize());
        List<TimerRecord> claimed = work.write(tx -> tx.claimDueTimers(lease));
        int handled = 0;
        for (TimerRecord timer : claimed) {
            if (handle(timer)) {
                handled++;
            }
        }
        return handled;
    }

    /**
     * Handles a claimed timer, retrying within the pass when its transaction meets a
     * concurrent one: left alone, a conflict would keep the timer claimed by this node, and its deadline
     * unhandled, until the lease ends.
     */
    private boolean handle(TimerRecord timer) {
        try {
            return conflictRetry.run(() -> handleOnce(timer));
        } catch (ConcurrencyConflictException e) {
            LOG.info("Timer {} met a concurrent transaction {} times, or was taken over by another node; it is"
                    + " retried when its lease ends: {}", timer.id(), CONFLICT_ATTEMPTS, e.getMessage());
            return false;
        }
    }

    /** One attempt; a concurrency conflict is left to the caller. */
    private boolean handleOnce(TimerRecord timer) {
        TimerHandler handler = handlers.get(timer.kind());
        try {
            work.write(tx -> {
                if (handler != null) {
                    handler.handle(tx, timer, work.now());
                } else if (timer.attempts() + 1 < settings.maxAttempts()) {
                    // Perhaps a newer node knows this kind: leave it claimed until the lease ends.
                    throw new IllegalStateException("no handler for timer kind '" + timer.kind() + "'");
                }
                tx.completeTimer(timer.id(), nodeId);
                return null;
            });
            if (handler == null) {
                LOG.error("Gave up timer {} of unknown kind '{}' after {} claims", timer.id(), timer.kind(),
                        timer.attempts() + 1);
            }
            return handler != null;
        } catch (ConcurrencyConflictException e) {
            throw e;
        } catch (RuntimeException e) {
            if (timer.attempts() + 1 >= settings.maxAttempts()) {
                giveUp(timer, e);
            } else {
                LOG.warn("Timer {} ({}) failed on claim {} of {}; it is retried when its lease ends: {}", timer.id(),
                        timer.kind(), timer.attempts() + 1, settings.maxAttempts(), e.toString());
            }
            return false;
        }
    }

    private void giveUp(TimerRecord timer, RuntimeException cause) {
        LOG.error("Giving up timer {} ({}) of request {} after {} claims", timer.id(), timer.kind(), timer.request(),
                timer.attempts() + 1, cause);
        try {
            work.write(tx -> {
                tx.completeTimer(timer.id(), nodeId);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not give up timer {}: {}", timer.id(), e.toString());
        }
    }
}
