package dev.supportkit.spi.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;

/**
 * A due item: something the engine must do at a time (an SLA warning or breach, a reminder, a
 * scheduled report). Stored as a row with a due time and claimed with a lease, so that among several
 * engine nodes sharing one store each timer fires once, and a crashed node's claims expire and are
 * taken over.
 *
 * @param id       id of the timer, unique across all tenants (the engine uses UUIDs)
 * @param tenant   the tenant
 * @param request  the request it concerns, or null
 * @param kind     what it is, e.g. {@code sla.resolution.warning}
 * @param dueAt    when it is due
 * @param payload  JSON text with what the handler needs
 * @param attempts how many times it has been claimed before (a claim that expired counts)
 */
public record TimerRecord(String id, TenantId tenant, RequestId request, String kind, Instant dueAt, String payload,
                          int attempts) {
}
