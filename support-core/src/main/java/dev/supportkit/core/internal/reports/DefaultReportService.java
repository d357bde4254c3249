package dev.supportkit.core.internal.reports;

import dev.supportkit.api.Actor;
import dev.supportkit.api.reports.ReportService;
import dev.supportkit.api.reports.StatusSummary;
import dev.supportkit.core.internal.security.AccessPolicy;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.core.internal.work.UnitOfWork;
import jakarta.inject.Inject;
import java.util.Optional;

/** Summaries over the tenant's requests, counted by the storage provider. */
public final class DefaultReportService implements ReportService {
    private final UnitOfWork work;
    private final AccessPolicy policy;

    /**
     * @param work   the unit of work
     * @param policy the access policy
     */
    @Inject
    public DefaultReportService(UnitOfWork work, AccessPolicy policy) {
        this.work = work;
        this.policy = policy;
    }

    @Override
    public StatusSummary statusSummary(Actor actor) {
        policy.require(actor, Permission.READ_REPORTS);
        return work.read(tx -> new StatusSummary(tx.countRequestsByStatus(actor.tenant(), Optional.empty()),
                work.now()));
    }
}
