package dev.supportkit.core.quality;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.quality.QualityService;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.core.journal.JournalDraft;
import dev.supportkit.core.request.RequestAction;
import dev.supportkit.core.request.RequestCommands;
import dev.supportkit.core.request.RequestCommands.Change;
import dev.supportkit.core.security.Permission;
import jakarta.inject.Inject;
import java.util.List;

/** Tracking and closing requests (B/02.6, D/02.7). */
public final class DefaultQualityService implements QualityService {
    private final RequestCommands commands;

    /** @param commands the unit-of-work runner */
    @Inject
    public DefaultQualityService(RequestCommands commands) {
        this.commands = commands;
    }

    @Override
    public Request request(Actor actor, RequestId id) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        return commands.read(tx -> commands.load(tx, actor, id));
    }

    @Override
    public List<Request> requests(Actor actor, RequestQuery query) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        RequestQuery scoped = query;
        if (actor.role() == Role.CUSTOMER_REPRESENTATIVE) {
            var own = actor.organization().orElseThrow();
            if (query.organization().isPresent() && !query.organization().get().equals(own)) {
                return List.of();
            }
            scoped = new RequestQuery(query.statuses(), actor.organization(), query.line(), query.limit());
        }
        RequestQuery effective = scoped;
        return commands.read(tx -> tx.findRequests(actor.tenant(), effective));
    }

    @Override
    public Request close(Actor actor, RequestRef ref, String note) {
        return commands.execute(actor, ref, Permission.CLOSE, RequestAction.CLOSE, false, step -> {
            step.errors().maxLength("close.note", note, 2000);
            LaborFunction function = actor.role() == Role.GROUP_LEAD ? LaborFunction.D_02_7 : LaborFunction.B_02_6;
            return Change.of(step.advance(), new JournalDraft(function, Visibility.CUSTOMER_VISIBLE, null,
                    new RequestEvent.Closed(note),
                    "Execution checked and request closed" + (note == null || note.isBlank() ? "" : ": " + note)))
                    .notifyCustomer("request.closed");
        });
    }
}
