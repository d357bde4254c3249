package dev.supportkit.core.internal.reports;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.reports.Digest;
import dev.supportkit.api.reports.Proposal;
import dev.supportkit.api.request.DeadlineCondition;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestSort;
import dev.supportkit.spi.storage.RequestCountKey;
import dev.supportkit.spi.storage.RequestSelection;
import dev.supportkit.spi.storage.StorageTransaction;
import java.time.Instant;
import java.util.List;

/** Puts a digest together from figures counted in the store. */
final class Digests {
    /** The most overdue requests a digest names. */
    static final int OVERDUE_NAMED = 20;

    private Digests() {
    }

    static Digest build(StorageTransaction tx, TenantId tenant, Instant from, Instant until, Instant now,
                        List<Proposal> recommendations) {
        // every request has a line, so the counts per line add up to all requests registered in the period
        java.util.Map<String, Long> byLine = tx.countRegistered(tenant, RequestCountKey.LINE, from, until);
        long received = byLine.values().stream().mapToLong(Long::longValue).sum();
        RequestQuery overdue = RequestQuery.builder().open().deadline(DeadlineCondition.breached())
                .sort(RequestSort.DUE).build();
        long overdueCount = tx.countRequests(tenant, RequestSelection.of(overdue, now, 1));
        List<Request> mostOverdue = tx.findRequests(tenant, RequestSelection.of(overdue, now, OVERDUE_NAMED));
        return new Digest(from, until, received, tx.countRegistered(tenant, RequestCountKey.CATEGORY, from, until),
                byLine,
                tx.countRegistered(tenant, RequestCountKey.PATH, from, until), overdueCount,
                mostOverdue.stream().map(Request::id).toList(), recommendations, now);
    }
}
