package dev.supportkit.core.internal.quality;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.quality.DeliveryStatus;
import dev.supportkit.api.quality.QualityService;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.request.AssigneeFilter;
import dev.supportkit.api.request.RequestPage;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.RequestFacts;
import dev.supportkit.spi.storage.RequestPosition;
import dev.supportkit.spi.storage.RequestSelection;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.List;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Tracking and closing requests (B/02.6, D/02.7). */
public final class DefaultQualityService implements QualityService {
    private final RequestCommands commands;
    private final SurveyAnswers surveys;

    /**
     * @param commands the unit-of-work runner
     * @param tokens   the survey answer tokens
     * @param settings the engine settings (surveys)
     */
    @Inject
    public DefaultQualityService(RequestCommands commands, SurveyTokens tokens,
                                 dev.supportkit.core.internal.config.EngineSettings settings) {
        this.commands = commands;
        this.surveys = new SurveyAnswers(commands, tokens, settings);
    }

    @Override
    public Request request(Actor actor, RequestId id) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        return commands.read(tx -> commands.load(tx, actor, id));
    }

    @Override
    public List<Request> requests(Actor actor, RequestQuery query) {
        return queue(actor, query).requests();
    }

    @Override
    public RequestPage queue(Actor actor, RequestQuery query) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        Optional<RequestPosition> after = query.after().map(cursor -> QueueCursor.decode(cursor, query));
        Optional<RequestQuery> scoped = scoped(actor, query);
        if (scoped.isEmpty()) {
            return new RequestPage(List.of(), Optional.empty());
        }
        // one more than the page, to know whether another page follows
        RequestSelection selection = new RequestSelection(scoped.get(), commands.now(), after, query.limit() + 1);
        List<Request> found = commands.read(tx -> tx.findRequests(actor.tenant(), selection));
        if (found.size() <= query.limit()) {
            return new RequestPage(found, Optional.empty());
        }
        List<Request> page = found.subList(0, query.limit());
        Request last = page.get(page.size() - 1);
        return new RequestPage(page, Optional.of(QueueCursor.encode(query,
                RequestFacts.position(last, query.sort()))));
    }

    @Override
    public long countRequests(Actor actor, RequestQuery query) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        Optional<RequestQuery> scoped = scoped(actor, query);
        if (scoped.isEmpty()) {
            return 0;
        }
        RequestSelection selection = RequestSelection.of(scoped.get(), commands.now(), 1);
        return commands.read(tx -> tx.countRequests(actor.tenant(), selection));
    }

    @Override
    public Stream<Request> exportRequests(Actor actor, RequestQuery query) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        query.after().ifPresent(cursor -> QueueCursor.decode(cursor, query));
        Iterator<Request> pages = new Iterator<>() {
            private RequestQuery next = query;
            private List<Request> page = List.of();
            private int index;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (index == page.size() && !last) {
                    RequestPage read = queue(actor, next);
                    page = read.requests();
                    index = 0;
                    last = read.nextCursor().isEmpty();
                    read.nextCursor().ifPresent(cursor -> next = query.toBuilder().after(cursor).build());
                }
                return index < page.size();
            }

            @Override
            public Request next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The query as this actor may run it: "mine" made the actor's own id, a customer held to their own
     * organisation. Empty when a customer asks for another organisation's requests.
     */
    private static Optional<RequestQuery> scoped(Actor actor, RequestQuery query) {
        if (query.assignee().kind() != AssigneeFilter.Kind.MINE && actor.role() != Role.CUSTOMER_REPRESENTATIVE) {
            return Optional.of(query); // nothing to resolve or to hold: no copy per page
        }
        RequestQuery.Builder scoped = query.toBuilder();
        if (query.assignee().kind() == AssigneeFilter.Kind.MINE) {
            scoped.assignee(AssigneeFilter.of(SpecialistId.of(actor.id())));
        }
        if (actor.role() == Role.CUSTOMER_REPRESENTATIVE) {
            OrganizationId own = actor.organization().orElseThrow();
            if (query.organization().isPresent() && !query.organization().get().equals(own)) {
                return Optional.empty();
            }
            scoped.organization(own);
        }
        return Optional.of(scoped.build());
    }

    @Override
    public List<Delivery> deliveries(Actor actor, RequestId request) {
        commands.policy().require(actor, Permission.READ_DELIVERIES);
        return commands.read(tx -> {
            Request loaded = commands.load(tx, actor, request);
            return tx.findOutbox(loaded.tenant(), request).stream().map(DefaultQualityService::delivery).toList();
        });
    }

    @Override
    public List<Delivery> deadLetters(Actor actor, int limit) {
        commands.policy().require(actor, Permission.READ_DEAD_LETTERS);
        if (limit < 1 || limit > 1000) {
            new FieldErrors().add("limit", "range", "must be between 1 and 1000 (was " + limit + ")").throwIfAny();
        }
        return commands.read(tx -> tx.findOutboxByStatus(actor.tenant(), OutboxMessage.Status.DEAD, limit).stream()
                .map(DefaultQualityService::delivery).toList());
    }

    @Override
    public Delivery retryDelivery(Actor actor, String messageId) {
        commands.policy().require(actor, Permission.RETRY_DELIVERY);
        return commands.write(tx -> {
            OutboxMessage message = tx.findOutboxMessage(actor.tenant(), messageId)
                    .orElseThrow(() -> new NotFoundException("message", messageId));
            if (message.status() != OutboxMessage.Status.DEAD) {
                throw new InvalidTransitionException(message.status().name(), "retry the delivery of");
            }
            tx.resetOutbox(actor.tenant(), messageId, commands.now());
            return delivery(tx.findOutboxMessage(actor.tenant(), messageId).orElseThrow());
        });
    }

    private static Delivery delivery(OutboxMessage m) {
        return new Delivery(m.id(), m.request(), m.topic(), m.recipient(), DeliveryStatus.valueOf(m.status().name()),
                m.attempts(), m.nextAttemptAt(), Optional.ofNullable(m.lastOutcome()));
    }

    @Override
    public Request close(Actor actor, RequestRef ref, String note) {
        return commands.execute(actor, ref, Permission.CLOSE, RequestAction.CLOSE, false, step -> {
            step.errors().maxLength("close.note", note, 2000);
            LaborFunction function = actor.role() == Role.GROUP_LEAD ? LaborFunction.D_02_7 : LaborFunction.B_02_6;
            return Change.of(step.advance(), new JournalDraft(function, Visibility.CUSTOMER_VISIBLE, null,
                    new RequestEvent.Closed(note),
                    "Execution checked and request closed" + (note == null || note.isBlank() ? "" : ": " + note)))
                    .notifyCustomer(MessageTopic.REQUEST_CLOSED, Map.of("note", note == null ? "" : note));
        });
    }

    @Override
    public Request answerSurvey(Actor actor, RequestRef ref, dev.supportkit.api.quality.SurveyAnswer answer) {
        return surveys.answer(actor, ref, answer);
    }

    @Override
    public Request answerSurvey(String token, dev.supportkit.api.quality.SurveyAnswer answer) {
        return surveys.answer(token, answer);
    }
}
