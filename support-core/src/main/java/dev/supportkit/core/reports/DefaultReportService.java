package dev.supportkit.core.reports;

import dev.supportkit.api.Actor;
import dev.supportkit.api.reports.ReportService;
import dev.supportkit.api.reports.StatusSummary;
import dev.supportkit.core.request.RequestCommands;
import dev.supportkit.core.security.Permission;
import jakarta.inject.Inject;
import java.util.Optional;

/** Summaries over the tenant's requests, counted by the storage provider. */
public final class DefaultReportService implements ReportService {
    private final RequestCommands commands;

    /** @param commands the unit-of-work runner */
    @Inject
    public DefaultReportService(RequestCommands commands) {
        this.commands = commands;
    }

    @Override
    public StatusSummary statusSummary(Actor actor) {
        commands.policy().require(actor, Permission.READ_REPORTS);
        return commands.read(tx -> new StatusSummary(tx.countRequestsByStatus(actor.tenant(), Optional.empty()),
                commands.now()));
    }
}
