package dev.supportkit.core.internal.notify;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.NotificationSettings;
import dev.supportkit.core.internal.journal.JournalBookkeeping;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.storage.CatalogFailingContactPoints;
import dev.supportkit.core.internal.work.ConflictRetry;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.notification.ContactPointFailure;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.OutboxMessage;
import jakarta.inject.Inject;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox messages after commit, at least once: claims due messages under a lease, renders
 * each for its recipient (language, time zone), sends it through the channel of the recipient's
 * current contact point outside any database transaction, and records the outcome together with a
 * journal entry on the request (B/02.6). A contact point marked failing (a bounce; see
 * {@link CatalogFailingContactPoints}) is not attempted: the message moves on to the next one and the mark's
 * reason is journalled. A temporary failure is retried with exponential back-off; a permanent one moves on to
 * the recipient's next contact point at once; when none is left, or the attempts run out, the message is
 * dead-lettered. Quiet hours postpone a message without counting an attempt. The message's idempotency key
 * goes to the channel, so a repeated delivery after a crash can be dropped by the receiver.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    /** How often storing a delivery outcome meets a concurrent command on its request before giving up. */
    private static final int RECORD_ATTEMPTS = 4;
    /** How many batches' worth one pass takes at most while what it claims is full and goes entirely to targets. */
    static final int MAX_BATCHES_PER_PASS = 10;
    /** The most one claim may take ({@link Lease}'s limit). */
    private static final int MAX_CLAIM = 10_000;
    private final ConflictRetry recordConflicts = new ConflictRetry(RECORD_ATTEMPTS);
    private final UnitOfWork work;
    private final String nodeId;
    private final EngineSettings engine;
    private final NotificationSettings settings;
    private final NotificationChannels channels;
    private final MessageTemplates templates;
    private final JournalBookkeeping commands;
    private final JacksonCodec codec;
    private final List<OutboxTarget> targets;
    private final StoreThread storeThread;

    /**
     * @param work      the unit of work: transactions and the engine clock
     * @param engine    the engine's settings
     * @param channels  the started channels
     * @param templates the message templates
     * @param commands  journal bookkeeping
     * @param codec     JSON for payloads
     * @param targets   receivers of the topics that go to no channel (events, CRM pushes)
     */
    @Inject
    public OutboxDispatcher(UnitOfWork work, EngineSettings engine, NotificationChannels channels,
                            MessageTemplates templates, JournalBookkeeping commands, JacksonCodec codec,
                            Set<OutboxTarget> targets) {
        this.work = work;
        this.nodeId = engine.nodeId();
        this.engine = engine;
        this.settings = engine.notifications();
        this.channels = channels;
        this.templates = templates;
        this.commands = commands;
        this.codec = codec;
        this.targets = List.copyOf(targets);
        this.storeThread = new StoreThread("supportkit-outbox-" + nodeId);
    }

    /** Stops the dispatcher's storage thread once its tasks are done; later passes store on their own thread. */
    @Override
    public void close() {
        storeThread.close();
    }

    /**
     * Claims one batch of due messages and attempts each. A batch that was full and went entirely to targets,
     * all delivered (a burst of events to relay), is followed in the same pass by further batches, up to
     * {@link #MAX_BATCHES_PER_PASS} of them and for half a lease at most. In such a burst the storage work runs
     * on the dispatcher's own thread beside the deliveries: the next batch is claimed while the current one goes
     * out, and each batch's deliveries are stored while the next one goes out, so a relay waits for the broker
     * and for the store at the same time. A batch claimed ahead that the pass does not attempt (a delivery
     * failed, or the time is up) is released at once. The pass reads each request's rows for its hold checks
     * once and hands each receiver its events in a few large calls (an event sink may send them together and
     * wait once). Every outcome is stored before the pass returns.
     *
     * @return how many messages were attempted (delivered, retried later, postponed or dead-lettered)
     */
    public int runOnce() {
        Instant extendUntil = work.now().plus(engine.jobs().lease().dividedBy(2));
        int batchSize = engine.jobs().batchSize();
        int passLimit = Math.min(MAX_CLAIM, batchSize * MAX_BATCHES_PER_PASS);
        PassRows rows = new PassRows();
        List<CompletableFuture<Void>> stores = new ArrayList<>();
        CompletableFuture<List<OutboxMessage>> ahead = null;
        int handled = 0;
        try {
            int limit = batchSize;
            Lease first = lease(limit);
            List<OutboxMessage> claimed = new ArrayList<>(work.write(tx -> tx.claimDueOutbox(first)));
            int taken = claimed.size();
            while (true) {
                int nextLimit = Math.min(batchSize, passLimit - taken);
                if (claimed.size() == limit && nextLimit > 0 && allToTargets(claimed)
                        && work.now().isBefore(extendUntil)) {
                    // likely a burst: the next batch is claimed while this one goes out
                    Lease next = lease(nextLimit);
                    ahead = storeThread.submit(() -> work.write(tx -> tx.claimDueOutbox(next)));
                }
                int deliveredBefore = rows.deliveredCount();
                handled += attempt(claimed, rows);
                List<OutboxMessage> delivered = rows.deliveredSince(deliveredBefore);
                if (!delivered.isEmpty()) {
                    stores.add(storeThread.submit(() -> writeDelivered(delivered)));
                }
                if (ahead == null || delivered.size() != claimed.size() || !work.now().isBefore(extendUntil)) {
                    break;
                }
                CompletableFuture<List<OutboxMessage>> claiming = ahead;
                ahead = null;
                claimed = new ArrayList<>(joined(claiming));
                limit = nextLimit;
                taken += claimed.size();
            }
        } finally {
            release(ahead);
            for (CompletableFuture<Void> store : stores) {
                try {
                    store.join();
                } catch (CompletionException | CancellationException e) {
                    LOG.warn("Storing delivered outbox messages failed; they are delivered again when their lease "
                            + "ends: {}", e.toString());
                }
            }
        }
        return handled;
    }

    /** A claim by this node, from now for a lease, of at most {@code limit} messages. */
    private Lease lease(int limit) {
        Instant now = work.now();
        return new Lease(nodeId, now, now.plus(engine.jobs().lease()), limit);
    }

    /** @return whether every message goes to a target (none to a customer's or specialist's channel) */
    private boolean allToTargets(List<OutboxMessage> messages) {
        return messages.stream().allMatch(message -> targetOf(message).isPresent());
    }

    /** @return the target that takes the message's topic, or empty when it goes to a channel */
    private Optional<OutboxTarget> targetOf(OutboxMessage message) {
        return targets.stream().filter(t -> t.handles(message.topic())).findFirst();
    }

    /** The result of a claim made ahead; its failure is thrown as the claim's own exception. */
    private static List<OutboxMessage> joined(CompletableFuture<List<OutboxMessage>> claim) {
        try {
            return claim.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Releases a batch claimed ahead that the pass does not attempt, unchanged (due as it was), so that the next
     * pass or another node takes it at once instead of when the lease ends.
     */
    private void release(CompletableFuture<List<OutboxMessage>> ahead) {
        if (ahead == null) {
            return;
        }
        List<OutboxMessage> unattempted;
        try {
            unattempted = ahead.join();
        } catch (CompletionException | CancellationException e) {
            LOG.warn("Claiming outbox messages ahead failed; what it took is due again when its lease ends: {}",
                    e.toString());
            return;
        }
        if (unattempted.isEmpty()) {
            return;
        }
        try {
            work.write(tx -> {
                tx.updateOutboxAll(unattempted, nodeId);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.info("{} outbox messages claimed ahead could not be released; they are due again when their lease "
                    + "ends: {}", unattempted.size(), e.toString());
        }
    }

    /** Attempts each claimed message; returns how many were attempted. */
    private int attempt(List<OutboxMessage> claimed, PassRows rows) {
        // Oldest first, so a request's earlier message to a target is attempted before its later ones.
        claimed.sort(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id));
        int handled = 0;
        int start = 0;
        while (start < claimed.size()) {
            OutboxMessage message = claimed.get(start);
            Optional<OutboxTarget> target = targetOf(message);
            int end = start + 1;
            while (target.isPresent() && end < claimed.size()
                    && target.get().deliversWith(claimed.get(end - 1), claimed.get(end))) {
                end++;
            }
            if (target.isPresent()) {
                handled += dispatchTo(target.get(), claimed.subList(start, end), rows);
            } else {
                handled += handling(message, () -> dispatch(message));
            }
            start = end;
        }
        return handled;
    }

    /** Runs the handling of one message; returns 1 when it was attempted, 0 when it failed (it is logged). */
    private static int handling(OutboxMessage message, Runnable handle) {
        try {
            handle.run();
            return 1;
        } catch (ConcurrencyConflictException e) {
            LOG.info("Outbox message {} was taken over by another node: {}", message.id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Outbox message {} could not be dispatched; it is retried when its lease ends: {}",
                    message.id(), e.toString());
        }
        return 0;
    }

    /**
     * Stores one batch's deliveries to targets in one transaction and one batched update (one commit and one round
     * trip for the batch instead of one per event). Until then they stay claimed and pending: a node that stops
     * first leaves them to be delivered again when its lease ends, which at-least-once delivery allows (receivers
     * drop repeats by id). When the batch cannot be stored (a row was taken over), each is stored on its own.
     *
     * @return nothing: the type of a task for the {@link StoreThread}
     */
    private Void writeDelivered(List<OutboxMessage> delivered) {
        try {
            work.write(tx -> {
                tx.updateOutboxAll(delivered, nodeId);
                return null;
            });
        } catch (RuntimeException batch) {
            for (OutboxMessage message : delivered) {
                try {
                    record(message, List.of());
                } catch (RuntimeException e) {
                    LOG.info("Delivered outbox message {} could not be marked; it is delivered again when its lease "
                            + "ends: {}", message.id(), e.toString());
                }
            }
        }
        return null;
    }

    /**
     * One attempt at claimed messages for a target that it delivers in one call, in order (e.g. events to one
     * broker: sent together, acknowledged together); the attempts are not journalled (they would be events).
     * Each message's hold is checked first, counting the earlier messages of the call as delivered; after the
     * first message the target did not deliver, the rest are released unattempted, to follow it later.
     *
     * @return how many messages were attempted
     */
    private int dispatchTo(OutboxTarget target, List<OutboxMessage> messages, PassRows rows) {
        Instant now = work.now();
        int handled = 0;
        List<OutboxMessage> ready = new ArrayList<>();
        for (OutboxMessage message : messages) {
            Optional<Instant> held;
            try {
                held = target.heldUntil(rows, message); // answered from this pass's copy
            } catch (RuntimeException e) { // e.g. the copy could not be read: left for the lease, as it stands
                handling(message, () -> {
                    throw e;
                });
                continue;
            }
            if (held.isPresent()) {
                handled += store(rows, message, message.withOutcome(OutboxMessage.Status.PENDING,
                        message.attempts(), held.get(), message.route(),
                        "held by the target (an earlier message pending, or the target paused)"));
            } else {
                rows.sending(message);
                ready.add(message);
            }
        }
        List<DeliveryResult> results = ready.isEmpty() ? List.of() : deliverInOrder(target, ready);
        boolean stopped = false;
        for (int i = 0; i < ready.size(); i++) {
            OutboxMessage message = ready.get(i);
            DeliveryResult result = stopped || i >= results.size() ? null : results.get(i);
            if (result == null) {
                stopped = true;
                handled += store(rows, message, message.withOutcome(OutboxMessage.Status.PENDING,
                        message.attempts(), now, message.route(),
                        "not attempted: an earlier message of its delivery was not delivered"));
                continue;
            }
            int count = message.attempts() + 1;
            switch (result.outcome()) {
                case DELIVERED -> {
                    rows.deliver(message.withOutcome(OutboxMessage.Status.DELIVERED, count, now, message.route(),
                            result.detail()));
                    handled++;
                }
                case TEMPORARY_FAILURE -> handled += store(rows, message, afterTemporaryFailure(message, count, now,
                        message.route(), result.detail()));
                case PERMANENT_FAILURE -> handled += store(rows, message, message.withOutcome(
                        OutboxMessage.Status.DEAD, count, now, message.route(), result.detail()));
            }
            stopped = result.outcome() != DeliveryResult.Outcome.DELIVERED;
        }
        return handled;
    }

    /** Calls a target for messages in order; a thrown exception is a temporary failure of the first. */
    private static List<DeliveryResult> deliverInOrder(OutboxTarget target, List<OutboxMessage> messages) {
        try {
            List<DeliveryResult> results = target.deliverInOrder(messages);
            return results == null || results.isEmpty() ? List.of(new DeliveryResult(
                    DeliveryResult.Outcome.TEMPORARY_FAILURE, "the target returned no result")) : results;
        } catch (RuntimeException e) {
            return List.of(new DeliveryResult(DeliveryResult.Outcome.TEMPORARY_FAILURE, "the target failed: " + e));
        }
    }

    /**
     * Stores the outcome of one message for a target and keeps it in the pass's copy; returns 1, or 0 when it
     * could not be stored (the message then stays pending in the copy, as it does in the store).
     */
    private int store(PassRows rows, OutboxMessage message, OutboxMessage outcome) {
        int stored = handling(message, () -> rows.record(record(outcome, List.of())));
        if (stored == 0) {
            rows.record(message);
        }
        return stored;
    }

    /** The message after a temporary failure: retried after the back-off, or dead when the attempts run out. */
    private OutboxMessage afterTemporaryFailure(OutboxMessage message, int count, Instant now, int route,
                                                String detail) {
        boolean giveUp = count >= settings.maxAttempts();
        return message.withOutcome(giveUp ? OutboxMessage.Status.DEAD : OutboxMessage.Status.PENDING, count,
                now.plus(settings.backoffAfter(count)), route, detail);
    }

    /** One attempt at one claimed message. */
    private void dispatch(OutboxMessage message) {
        Instant now = work.now();
        Prepared prepared = work.write(tx -> {
            Recipient recipient = Recipient.resolve(tx, message.tenant(), message.recipient(), settings.zone());
            Map<String, Object> model = model(tx, message, recipient);
            Map<ContactPoint, ContactPointFailure> failing = new HashMap<>();
            for (ContactPoint point : recipient.contactPoints()) {
                CatalogFailingContactPoints.find(tx, codec, message.tenant(), point)
                        .ifPresent(f -> failing.put(point, f));
            }
            return new Prepared(recipient, model, MessageAttachments.of(tx, message, codec), failing);
        });
        Recipient recipient = prepared.recipient();
        Optional<Instant> quietEnd = recipient.quietUntil(now);
        if (quietEnd.isPresent()) {
            record(message.withOutcome(OutboxMessage.Status.PENDING, message.attempts(), quietEnd.get(),
                    message.route(), "waiting for the recipient's quiet hours to end"), List.of());
            return;
        }
        Optional<MessageTopic> topic = MessageTopic.of(message.topic());
        if (topic.isEmpty()) {
            Attempt dead = new Attempt(null, "DEAD", "no template for topic '" + message.topic() + "'");
            record(message.withOutcome(OutboxMessage.Status.DEAD, message.attempts(), now, message.route(),
                    dead.detail()), List.of(dead));
            return;
        }
        MessageTemplates.Rendered rendered = templates.render(topic.get(), recipient.locale(), prepared.model());
        List<Attempt> attempts = new ArrayList<>();
        int route = message.route();
        int count = message.attempts();
        while (route < recipient.contactPoints().size()) {
            ContactPoint point = recipient.contactPoints().get(route);
            ContactPointFailure failing = prepared.failing().get(point);
            if (failing != null) {
                attempts.add(new Attempt(point, "PERMANENT_FAILURE", "not attempted: " + failing.describe()));
                route++;
                continue;
            }
            Optional<NotificationChannel> channel = channels.on(point.channel());
            if (channel.isEmpty()) {
                attempts.add(new Attempt(point, "PERMANENT_FAILURE",
                        "no notification channel for " + point.channel() + " is installed"));
                route++;
                continue;
            }
            Notification notification = new Notification(message.idempotencyKey(), message.tenant(),
                    point.address(), rendered.subject(), rendered.body(), recipient.locale(), prepared.attachments());
            DeliveryResult result = deliver(() -> channel.get().deliver(notification), "the channel");
            count++;
            attempts.add(new Attempt(point, result.outcome().name(), result.detail()));
            switch (result.outcome()) {
                case DELIVERED -> {
                    record(message.withOutcome(OutboxMessage.Status.DELIVERED, count, now, route, result.detail()),
                            attempts);
                    return;
                }
                case TEMPORARY_FAILURE -> {
                    OutboxMessage updated = afterTemporaryFailure(message, count, now, route, result.detail());
                    if (updated.status() == OutboxMessage.Status.DEAD) {
                        attempts.add(new Attempt(point, "DEAD", "gave up after " + count + " attempts"));
                    }
                    record(updated, attempts);
                    return;
                }
                case PERMANENT_FAILURE -> route++;
            }
        }
        String detail = recipient.contactPoints().isEmpty() ? "no contact point for recipient '"
                + message.recipient() + "'" : attempts.isEmpty() ? "every contact point failed permanently"
                : "every contact point failed permanently (last: " + lastDetail(attempts) + ")";
        attempts.add(new Attempt(null, "DEAD", detail));
        record(message.withOutcome(OutboxMessage.Status.DEAD, count, now, route, lastDetail(attempts)), attempts);
    }

    /** Calls a receiver; no result or an exception is a temporary failure. */
    private static DeliveryResult deliver(Supplier<DeliveryResult> call, String receiver) {
        try {
            DeliveryResult result = call.get();
            return result == null ? new DeliveryResult(DeliveryResult.Outcome.TEMPORARY_FAILURE,
                    receiver + " returned no result") : result;
        } catch (RuntimeException e) {
            return new DeliveryResult(DeliveryResult.Outcome.TEMPORARY_FAILURE, receiver + " failed: " + e);
        }
    }

    /**
     * The pending outbox rows of the requests a target's hold check asked about during one pass, read once per
     * request and kept up to date with the outcomes this pass records. A hold check looks at a request's earlier
     * pending rows to the same receiver; read again for every message, a request with a thousand waiting events
     * cost a thousand reads of a thousand rows, and a scan of the whole copy per message a million comparisons.
     * The rows are kept sorted by id, so a check is a range lookup. A message claimed after its request's copy
     * was read and not in it makes the copy read again (its earlier rows may be missing too). Within a pass
     * other nodes can only move rows on (from pending to done) or add later ones, so the copy can only hold a
     * message back longer than needed, never let it overtake.
     */
    private final class PassRows implements OutboxTarget.EarlierMessages {
        /** Per request, what its copy holds. */
        private final Map<String, RequestRows> byRequest = new HashMap<>();
        /** Every outcome this pass recorded, by message id: laid over a copy read again. */
        private final Map<String, OutboxMessage> outcomes = new HashMap<>();
        private final List<OutboxMessage> delivered = new ArrayList<>();

        /** One request's copy: the ids it was read with and its pending rows by id. */
        private record RequestRows(Set<String> ids, NavigableMap<String, OutboxMessage> pending) {
        }

        /** A delivery to a target, stored with the pass's others at its end and seen by this pass's checks now. */
        void deliver(OutboxMessage updated) {
            delivered.add(updated);
            record(updated);
        }

        /**
         * @param from how many deliveries there were before
         * @return the deliveries made since then
         */
        List<OutboxMessage> deliveredSince(int from) {
            return List.copyOf(delivered.subList(from, delivered.size()));
        }

        /** A message handed to its target now: the later messages of the same delivery call do not wait for it. */
        void sending(OutboxMessage message) {
            RequestRows copy = message.request() == null ? null
                    : byRequest.get(key(message.tenant(), message.request()));
            if (copy != null) {
                copy.pending().remove(message.id());
            }
        }

        /** @return how many deliveries this pass made so far */
        int deliveredCount() {
            return delivered.size();
        }

        @Override
        public Collection<OutboxMessage> pendingBefore(OutboxMessage message, String idPrefix) {
            if (!message.id().startsWith(idPrefix)) {
                throw new IllegalArgumentException("outbox message id '" + message.id() + "' does not start with '"
                        + idPrefix + "'");
            }
            String key = key(message.tenant(), message.request());
            RequestRows rows = byRequest.get(key);
            if (rows == null || !rows.ids().contains(message.id())) {
                rows = read(message.tenant(), message.request());
                byRequest.put(key, rows);
            }
            // every id from the prefix (inclusive) to the message's (exclusive) starts with the prefix
            return rows.pending().subMap(idPrefix, true, message.id(), false).values();
        }

        /** Keeps a recorded outcome in the copy of its request's rows, if the copy was read. */
        void record(OutboxMessage updated) {
            if (updated.request() == null) {
                return;
            }
            outcomes.put(updated.id(), updated);
            RequestRows rows = byRequest.get(key(updated.tenant(), updated.request()));
            if (rows != null) {
                keep(rows.pending(), updated);
            }
        }

        private RequestRows read(TenantId tenant, RequestId request) {
            Set<String> ids = new HashSet<>();
            NavigableMap<String, OutboxMessage> pending = new TreeMap<>();
            for (OutboxMessage row : work.read(tx -> tx.findOutbox(tenant, request))) {
                ids.add(row.id());
                keep(pending, outcomes.getOrDefault(row.id(), row));
            }
            return new RequestRows(ids, pending);
        }

        private static void keep(NavigableMap<String, OutboxMessage> pending, OutboxMessage row) {
            if (row.status() == OutboxMessage.Status.PENDING) {
                pending.put(row.id(), row);
            } else {
                pending.remove(row.id());
            }
        }

        private static String key(TenantId tenant, RequestId request) {
            return tenant.value() + "\n" + request.value();
        }
    }

    /** Writes the outcome and journals each attempt on the request, in one transaction. */
    private OutboxMessage record(OutboxMessage updated, List<Attempt> attempts) {
        // a command on the request may take the journal's next place meanwhile: the outcome is written again on it
        work.write(recordConflicts, tx -> {
            tx.updateOutbox(updated, nodeId);
            if (updated.request() != null && !attempts.isEmpty()) {
                Optional<Request> found = tx.findRequest(updated.tenant(), updated.request());
                if (found.isPresent()) {
                    Request request = found.get();
                    Actor system = Actor.system(updated.tenant());
                    for (Attempt attempt : attempts) {
                        request = commands.appendBookkeeping(tx, system, request, journal(updated, attempt),
                                work.now());
                    }
                }
            }
            return null;
        });
        return updated;
    }

    private static JournalDraft journal(OutboxMessage message, Attempt attempt) {
        ContactPoint point = attempt.point();
        String how = point == null ? "" : " by " + point.channel() + " (" + point.address() + ")";
        return new JournalDraft(LaborFunction.B_02_6, Visibility.INTERNAL, point == null ? null : point.channel(),
                new RequestEvent.DeliveryAttempted(message.id(), message.topic(), message.recipient(),
                        point == null ? null : point.channel(), point == null ? null : point.address(),
                        attempt.outcome(), attempt.detail()),
                "Message '" + message.topic() + "' to " + message.recipient() + how + ": "
                        + attempt.outcome().toLowerCase(Locale.ROOT).replace('_', ' ') + " — " + attempt.detail());
    }

    private static String lastDetail(List<Attempt> attempts) {
        return attempts.get(attempts.size() - 1).detail();
    }

    /** The template variables: the payload recorded with the change, names, and times in the recipient's zone. */
    private Map<String, Object> model(dev.supportkit.spi.storage.StorageTransaction tx, OutboxMessage message,
                                      Recipient recipient) {
        Map<String, Object> model = new HashMap<>(codec.mapper().convertValue(codec.fromJson(message.payload(),
                Map.class), MAP));
        model.put("recipientName", recipient.name());
        if (message.request() != null) {
            // what the request holds for good is not repeated in each message's payload
            model.putIfAbsent("requestId", message.request().value());
            if (!model.containsKey("organization") || !model.containsKey("representative")) {
                tx.findRequest(message.tenant(), message.request()).ifPresent(request -> {
                    model.putIfAbsent("organization", request.organization().value());
                    model.putIfAbsent("representative", request.representative().value());
                });
            }
        }
        Object organization = model.get("organization");
        if (organization instanceof String id) {
            tx.findDirectoryEntry(message.tenant(), Organization.class, id)
                    .ifPresent(o -> model.put("organization", o.name()));
        }
        Object representative = model.get("representative");
        if (representative instanceof String id) {
            tx.findDirectoryEntry(message.tenant(), Representative.class, id)
                    .ifPresent(r -> model.put("representative", r.fullName()));
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(recipient.locale().getLanguage().equals("en")
                ? "d MMM yyyy, HH:mm z" : "dd.MM.yyyy HH:mm z", recipient.locale()).withZone(recipient.zone());
        for (String key : List.of("visitStart", "visitEnd", "due", "deadline")) {
            if (model.get(key) instanceof String text) {
                try {
                    model.put(key, format.format(Instant.parse(text)));
                } catch (DateTimeParseException e) {
                    // not a time: left as it is
                }
            }
        }
        return model;
    }

    /** A message made ready in one transaction; {@code failing} holds the marks on the recipient's points. */
    private record Prepared(Recipient recipient, Map<String, Object> model,
                            List<dev.supportkit.spi.notification.NotificationAttachment> attachments,
                            Map<ContactPoint, ContactPointFailure> failing) {
    }

    /** One delivery attempt (or decision) to journal: the outcome is a channel outcome or {@code DEAD}. */
    private record Attempt(ContactPoint point, String outcome, String detail) {
    }
}
