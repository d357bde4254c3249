package dev.supportkit.core.internal.jobs;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.TimerRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A deadline timer of one kind (D/01.7): when it fires while the request is still being worked on or waits for
 * the customer, the subclass says what was missed and the change commits as the system; a request that is gone
 * or resolved meanwhile leaves nothing to do.
 *
 * @param <P> the timer's payload
 */
abstract class MissedDeadlineHandler<P> implements TimerHandler {
    private final String kind;
    private final Class<P> payloadType;
    private final RequestCommands commands;
    private final JacksonCodec codec;

    /**
     * @param kind        the timer kind handled
     * @param payloadType the payload's JSON type
     * @param commands    the command pipeline
     * @param codec       JSON for the payload
     */
    MissedDeadlineHandler(String kind, Class<P> payloadType, RequestCommands commands, JacksonCodec codec) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public final Set<String> kinds() {
        return Set.of(kind);
    }

    @Override
    public final void handle(StorageTransaction tx, TimerRecord timer, Instant now) {
        Optional<Request> found = tx.findRequest(timer.tenant(), timer.request());
        if (found.isEmpty() || !stillOpen(found.get().status())) {
            return;
        }
        Request request = found.get();
        missed(request, codec.fromJson(timer.payload(), payloadType))
                .ifPresent(change -> commands.commit(tx, Actor.system(timer.tenant()), request, change, now));
    }

    /**
     * What the passed deadline means for a request still being worked on.
     *
     * @param request the request as it stands
     * @param payload the timer's payload
     * @return the change that records the miss, or empty when nothing was missed
     */
    abstract Optional<Change> missed(Request request, P payload);

    private static boolean stillOpen(RequestStatus status) {
        return status.isWorking() || status == RequestStatus.WAITING_FOR_CUSTOMER;
    }
}
