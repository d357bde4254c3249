package dev.supportkit.core.internal.request;

import dev.supportkit.api.Actor;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.journal.HashChain;
import dev.supportkit.core.internal.journal.JournalBookkeeping;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.journal.JournalWriter;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.security.AccessPolicy;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.core.internal.work.ConflictRetry;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The command pipeline: every command on a request, registration included, runs here as one unit of work:
 * check the role, load the request, check visibility and version, the state machine's legality and the
 * actor's line, let the command validate and decide, chain its journal entries, store the snapshot, run the
 * registered {@link CommandHook}s in the same transaction: deadlines, the customer messages and timers the
 * command decided, events and CRM pushes. Any failure before commit leaves everything as it was.
 */
public final class RequestCommands implements JournalBookkeeping {

    /** What a command sees while it decides. */
    public record Step(StorageTransaction tx, Actor actor, Request current, RequestStatus next, Instant now,
                       FieldErrors errors) {
        /**
         * Returns a builder holding the current snapshot with the next status set.
         *
         * @return a builder holding the current snapshot with the next status set
         */
        public Request.Builder advance() {
            return current.toBuilder().status(next);
        }
    }

    /**
     * A command's decision: the new snapshot (version and journal head are filled in on commit), the
     * journal entries to append and the customer notifications to record.
     *
     * @param request the new snapshot
     * @param entries the journal entries, in order; at least one
     * @param messages outbox messages to record: topic and recipient
     * @param contacts contacts to store with the request
     * @param timers   timers to schedule with the change
     */
    public record Change(Request.Builder request, List<JournalDraft> entries, List<Message> messages,
                         List<Contact> contacts, List<TimerDraft> timers) {
        /**
         * @param request the new snapshot
         * @param entry   the one journal entry
         * @return a change without notifications
         */
        public static Change of(Request.Builder request, JournalDraft entry) {
            return new Change(request, List.of(entry), List.of(), List.of(), List.of());
        }

        /**
         * @param topic what to tell the customer about, e.g. {@link MessageTopic#REQUEST_RESOLVED}
         * @return this change, also notifying the request's representative
         */
        public Change notifyCustomer(MessageTopic topic) {
            return notify(topic, null, Map.of());
        }

        /**
         * @param topic  what to tell the customer about
         * @param extras the topic's own template values (e.g. the question asked)
         * @return this change, also notifying the request's representative
         */
        public Change notifyCustomer(MessageTopic topic, Map<String, String> extras) {
            return notify(topic, null, extras);
        }

        /**
         * @param topic     what the message is about, e.g. {@link MessageTopic#DEADLINE_MISSED}
         * @param recipient who to tell (a specialist or representative id); null for the request's
         *                  representative
         * @param extras    the topic's own template values
         * @return this change, also recording the message
         */
        public Change notify(MessageTopic topic, String recipient, Map<String, String> extras) {
            return new Change(request, entries, append(messages, new Message(topic, recipient, Map.copyOf(extras))),
                    contacts, timers);
        }

        /**
         * @param contact a contact registered into the request by this change
         * @return this change, also storing the contact
         */
        public Change withContact(Contact contact) {
            return new Change(request, entries, messages, append(contacts, contact), timers);
        }

        /**
         * @param timer a timer to schedule with this change
         * @return this change, also scheduling the timer
         */
        public Change withTimer(TimerDraft timer) {
            return new Change(request, entries, messages, contacts, append(timers, timer));
        }

        private static <T> List<T> append(List<T> list, T item) {
            List<T> all = new ArrayList<>(list);
            all.add(item);
            return List.copyOf(all);
        }
    }

    /**
     * An outbox message a change records.
     *
     * @param topic     what it is about
     * @param recipient who it is for; null for the request's representative
     * @param extras    the topic's own template values, added to the payload
     */
    public record Message(MessageTopic topic, String recipient, Map<String, String> extras) {
    }

    /**
     * A timer a change schedules on its request.
     *
     * @param kind    the handler kind
     * @param dueAt   when it is due
     * @param payload JSON text for the handler
     */
    public record TimerDraft(String kind, Instant dueAt, String payload) {
    }

    /** A create command: decides and commits a new request (or a change it leads to) in an open transaction. */
    @FunctionalInterface
    public interface CreateCommand {
        /**
         * @param tx  the open transaction
         * @param now the command's time
         * @return the stored snapshot, committed with {@link #commit}
         */
        Request create(StorageTransaction tx, Instant now);
    }

    /** The decision part of a command. */
    @FunctionalInterface
    public interface Command {
        /**
         * @param step the loaded request and helpers; add field errors to {@code step.errors()}
         * @return the change to commit (ignored when errors were added)
         */
        Change decide(Step step);
    }

    private static final Comparator<CommandHook> HOOK_ORDER = Comparator.comparingInt(CommandHook::order)
            .thenComparing(hook -> hook.getClass().getName());

    /** How often a command meets a storage conflict it did not cause before the conflict is reported. */
    private static final int STORAGE_CONFLICT_ATTEMPTS = 4;
    private final ConflictRetry storageConflicts = new ConflictRetry(STORAGE_CONFLICT_ATTEMPTS);
    private final UnitOfWork work;
    private final AccessPolicy policy;
    private final JournalWriter journal;
    private final List<CommandHook> hooks;

    /**
     * @param work    the unit of work
     * @param policy  the access policy
     * @param journal the journal writer
     * @param hooks   the hooks run with every change, in their stable order
     */
    @Inject
    public RequestCommands(UnitOfWork work, AccessPolicy policy, JournalWriter journal, Set<CommandHook> hooks) {
        this.work = work;
        this.policy = policy;
        this.journal = journal;
        this.hooks = hooks.stream().sorted(HOOK_ORDER).toList();
    }

    /**
     * Returns the access policy.
     *
     * @return the access policy
     */
    public AccessPolicy policy() {
        return policy;
    }

    /**
     * Returns the engine's current time.
     *
     * @return the engine's current time
     */
    public Instant now() {
        return work.now();
    }

    /**
     * Runs a command on an existing request.
     *
     * @param actor        who acts
     * @param ref          the request as the actor last read it
     * @param permission   the role permission the command needs
     * @param action       the state-machine action
     * @param requiresLine whether the actor must work the line that holds the request
     * @param command      the decision
     * @return the committed snapshot
     */
    public Request execute(Actor actor, RequestRef ref, Permission permission, RequestAction action,
                           boolean requiresLine, Command command) {
        policy.require(actor, permission);
        try {
            // a conflict the caller did not cause (the engine's bookkeeping took the journal's next place meanwhile,
            // which keeps the version) is run again; a stale version is the caller's and is not
            return work.write(storageConflicts, tx -> executeIn(tx, actor, ref, action, requiresLine, command));
        } catch (StaleVersion stale) {
            throw stale.conflict;
        }
    }

    private Request executeIn(StorageTransaction tx, Actor actor, RequestRef ref, RequestAction action,
                              boolean requiresLine, Command command) {
        Request current = load(tx, actor, ref.id());
        if (current.version() != ref.version()) {
            throw new StaleVersion(new ConcurrencyConflictException("request", ref.id(), ref.version(),
                    current.version()));
        }
        RequestStatus next = RequestLifecycle.next(current, action);
        if (requiresLine) {
            policy.requireWorksLine(actor, current, action.verb());
            policy.requireWorksGroup(tx, actor, current, action.verb());
        }
        Instant now = work.now();
        FieldErrors errors = new FieldErrors();
        Change change = command.decide(new Step(tx, actor, current, next, now, errors));
        errors.throwIfAny();
        return commit(tx, actor, current, action, change, now);
    }

    /** The caller's copy is stale: carried out of the retry, which must not run the command again. */
    private static final class StaleVersion extends RuntimeException {
        private final transient ConcurrencyConflictException conflict;

        StaleVersion(ConcurrencyConflictException conflict) {
            super(conflict.getMessage(), null, false, false);
            this.conflict = conflict;
        }
    }

    /**
     * Runs a create command (e.g. registering a contact) as one unit of work, again when it meets a concurrent
     * transaction. The caller checks the actor's role first, before its own input checks.
     *
     * @param retry   the conflict retry policy of this kind of command
     * @param command the command; it commits through {@link #commit}, so hooks run as for every command
     * @return the stored snapshot
     */
    public Request create(ConflictRetry retry, CreateCommand command) {
        return work.write(retry, tx -> command.create(tx, work.now()));
    }

    /**
     * Writes a change of the engine's own that is not a state-machine action (e.g. linking a request to a
     * mass incident); see {@link #commit(StorageTransaction, Actor, Request, RequestAction, Change, Instant)}.
     *
     * @param tx     the open transaction
     * @param actor  who acted
     * @param base   the snapshot the change is based on, or null for a new request
     * @param change the change
     * @param now    the commit time
     * @return the stored snapshot
     */
    public Request commit(StorageTransaction tx, Actor actor, Request base, Change change, Instant now) {
        return store(tx, actor, base, Optional.empty(), change, now);
    }

    /**
     * Writes a change decided in an open transaction: runs the hooks' {@link CommandHook#beforeStore}, chains
     * its journal entries after the base's head, stores the snapshot with the next version (inserting when
     * {@code base} is null) and its contacts, then runs the hooks' {@link CommandHook#afterChange}, which record
     * its outbox messages, timers, events and the rest.
     *
     * @param tx     the open transaction
     * @param actor  who acted
     * @param base   the snapshot the change is based on, or null for a new request
     * @param action the state-machine action the change performs
     * @param change the change
     * @param now    the commit time
     * @return the stored snapshot
     */
    public Request commit(StorageTransaction tx, Actor actor, Request base, RequestAction action, Change change,
                          Instant now) {
        return store(tx, actor, base, Optional.of(action), change, now);
    }

    private Request store(StorageTransaction tx, Actor actor, Request base, Optional<RequestAction> action,
                          Change change, Instant now) {
        Request.Builder builder = change.request();
        PendingChange pending = new PendingChange(tx, actor, action, base, builder, now);
        hooks.forEach(hook -> hook.beforeStore(pending));
        // the snapshot without its journal head first: every entry of the change seals the state it leads to
        Request built = builder.updatedAt(now).version(base == null ? 1 : base.version() + 1)
                .journalHead(0, HashChain.GENESIS).build();
        Request state = built.toBuilder().milestones(built.milestones().after(base == null ? null : base.status(),
                built.status(), now)).build();
        String digest = journal.stateDigest(state);
        long sequence = base == null ? 0 : base.journalSequence();
        String hash = base == null ? HashChain.GENESIS : base.journalHash();
        List<JournalRecord> records = new ArrayList<>();
        for (JournalDraft entry : change.entries()) {
            JournalRecord record = journal.chain(state.tenant(), state.id(), sequence, hash, actor, now, entry, digest);
            tx.appendJournal(record);
            records.add(record);
            sequence = record.sequence();
            hash = record.hash();
        }
        Request saved = state.toBuilder().journalHead(sequence, hash).build();
        // contacts first: a store may then keep a new request's description once, as its first contact's text
        for (Contact contact : change.contacts()) {
            tx.insertContact(saved.tenant(), contact);
        }
        if (base == null) {
            tx.insertRequest(saved);
        } else {
            tx.updateRequest(saved, base.version());
        }
        List<Message> messages = new ArrayList<>(change.messages());
        messages.addAll(pending.messages()); // added by hooks before the store
        runAfterChange(new HookContext(tx, actor, action, base, saved, List.copyOf(records), messages,
                change.timers(), now));
        return saved;
    }

    private void runAfterChange(HookContext context) {
        hooks.forEach(hook -> hook.afterChange(context));
    }

    /**
     * Appends the engine's own bookkeeping entry (e.g. a delivery attempt) to a request's journal without
     * changing the request's version, so callers' references stay valid. The journal key still guards
     * the chain: a concurrent command appending the same sequence number conflicts.
     *
     * @param tx    the open transaction
     * @param actor who acted (normally the system actor)
     * @param current the request as stored
     * @param entry the entry
     * @param now   the time
     * @return the request with its new journal head
     */
    @Override
    public Request appendBookkeeping(StorageTransaction tx, Actor actor, Request current, JournalDraft entry,
                                     Instant now) {
        JournalRecord record = journal.chain(current.tenant(), current.id(), current.journalSequence(),
                current.journalHash(), actor, now, entry, journal.stateDigest(current));
        tx.appendJournal(record);
        Request saved = current.toBuilder().journalHead(record.sequence(), record.hash()).build();
        tx.updateRequest(saved, current.version());
        runAfterChange(new HookContext(tx, actor, Optional.empty(), current, saved, List.of(record), List.of(),
                List.of(), now));
        return saved;
    }

    /**
     * Runs work that only reads, in one transaction.
     *
     * @param read the read
     * @param <T>  the result type
     * @return the result
     */
    public <T> T read(Function<StorageTransaction, T> read) {
        return work.read(read);
    }

    /**
     * Runs work that writes (outside the request pipeline, e.g. the directory), in one transaction.
     *
     * @param write the write
     * @param <T>   the result type
     * @return the result
     */
    public <T> T write(Function<StorageTransaction, T> write) {
        return work.write(write);
    }

    /**
     * Runs work that writes and appends to a request's journal outside the pipeline ({@link #appendBookkeeping}),
     * again when a concurrent command took the journal's next place meanwhile.
     *
     * @param write the write; each attempt is a whole transaction
     * @param <T>   the result type
     * @return the result
     */
    public <T> T writeBookkeeping(Function<StorageTransaction, T> write) {
        return work.write(storageConflicts, write);
    }

    /**
     * Loads a request the actor may see.
     *
     * @param tx    the open transaction
     * @param actor who asks
     * @param id    the request
     * @return the request
     * @throws NotFoundException when it does not exist in the actor's tenant or is not visible to them
     */
    public Request load(StorageTransaction tx, Actor actor, RequestId id) {
        return policy.loadVisible(tx, actor, id);
    }
}
