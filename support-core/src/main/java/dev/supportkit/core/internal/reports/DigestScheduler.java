package dev.supportkit.core.internal.reports;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.directory.Department;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.reports.Digest;
import dev.supportkit.api.reports.Proposal;
import dev.supportkit.api.reports.ProposalQuery;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.QualitySettings.DigestSchedule;
import dev.supportkit.core.internal.jobs.PeriodicWork;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.journal.TenantLogs;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.notify.MessageAttachments;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the scheduled digests ({@code supportkit.quality.digests.*}) once per due time across every engine on
 * one database: each engine checks on its due-work pass whether a digest's latest due time has a run; the
 * first to store the run (a catalogue document keyed by digest and due time, version 1) records its messages
 * in the same transaction; the others meet the stored key and send nothing. The run document is the digest's
 * record, with its labour function (B/03.6 or D/02.7), period, figures and recipients; the same transaction
 * appends a {@link RequestEvent.DigestSent} entry under that function to the tenant's digest log (a journal of
 * its own, since a digest belongs to no request), which the journal's audit reads list. Unless {@code attachment = none}, each message carries the
 * digest as a CSV file ({@link DigestCsv}), kept in the run record.
 */
public final class DigestScheduler implements PeriodicWork {
    /** The catalogue kind of digest runs. */
    public static final String RUN_KIND = "digest-run";
    private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final UnitOfWork work;
    private final List<DigestSchedule> schedules;
    private final JacksonCodec codec;
    private final TenantLogs logs;
    private final Proposals proposals = new Proposals(null);

    /**
     * @param work     the unit of work
     * @param settings the engine settings (the digests)
     * @param codec    JSON for the run documents and message payloads
     * @param logs     appends to the digest log
     */
    @Inject
    public DigestScheduler(UnitOfWork work, EngineSettings settings, JacksonCodec codec, TenantLogs logs) {
        this.work = work;
        this.logs = logs;
        this.schedules = settings.quality().digests();
        this.codec = codec;
    }

    @Override
    public int runDue() {
        int sent = 0;
        Instant now = work.now();
        for (DigestSchedule schedule : schedules) {
            Instant due = schedule.lastDue(now);
            String runId = schedule.name() + "@" + due;
            TenantId tenant = TenantId.of(schedule.tenant());
            if (work.read(tx -> tx.findCatalogRecord(tenant, RUN_KIND, runId)).isPresent()) {
                continue;
            }
            try {
                sent += work.write(tx -> send(tx, schedule, tenant, runId, due, now));
            } catch (ConcurrencyConflictException e) {
                LOG.debug("Digest {} was sent by another engine", runId);
            }
        }
        return sent;
    }

    /** Stores the run (its key makes it once) and records one message per person of the department. */
    private int send(StorageTransaction tx, DigestSchedule schedule, TenantId tenant, String runId, Instant due,
                     Instant now) {
        if (tx.findCatalogRecord(tenant, RUN_KIND, runId).isPresent()) {
            return 0;
        }
        Instant from = schedule.periodStart(due);
        ProposalQuery query = ProposalQuery.builder().period(from, due).zone(schedule.zone()).build();
        List<Proposal> recommendations = new ArrayList<>(proposals.vendorEscalations(tx, tenant, query));
        recommendations.addAll(proposals.routingImbalance(tx, tenant, query));
        Digest digest = Digests.build(tx, tenant, from, due, now, recommendations);
        List<SpecialistId> people = tx.findDirectoryEntry(tenant, Department.class, schedule.department())
                .map(Department::people).orElse(List.of());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("function", schedule.function());
        run.put("department", schedule.department());
        run.put("from", from.toString());
        run.put("until", due.toString());
        run.put("received", digest.received());
        run.put("overdue", digest.overdue());
        run.put("recipients", people.stream().map(SpecialistId::value).toList());
        Map<String, Object> payload = payload(schedule, digest);
        if (schedule.attachReport()) {
            // the file lives in the run record, written with the messages: every attempt sends the same bytes
            run.put(MessageAttachments.FILES, List.of(MessageAttachments.stored(DigestCsv.attachment(schedule, digest))));
            payload.put(MessageAttachments.KIND, RUN_KIND);
            payload.put(MessageAttachments.ID, runId);
        }
        tx.insertCatalogRecord(new CatalogRecord(tenant, RUN_KIND, runId, 1, Optional.of(schedule.name()), now,
                codec.toJson(run)));
        journal(tx, schedule, tenant, digest, people, now);
        for (SpecialistId person : people) {
            tx.enqueueOutbox(OutboxMessage.builder().id(UUID.randomUUID().toString()).tenant(tenant)
                    .topic(MessageTopic.DIGEST.topic()).recipient(person.value()).payload(codec.toJson(payload))
                    .idempotencyKey(runId + ":" + person.value()).createdAt(now).build());
        }
        if (people.isEmpty()) {
            LOG.warn("Digest {}: department '{}' has nobody to send it to", runId, schedule.department());
        }
        return 1;
    }

    /** Appends the digest to the tenant's digest log under its labour function, in the run's transaction. */
    private void journal(StorageTransaction tx, DigestSchedule schedule, TenantId tenant, Digest digest,
                         List<SpecialistId> people, Instant now) {
        LaborFunction function = LaborFunction.ofCode(schedule.function());
        JournalDraft draft = new JournalDraft(function, Visibility.INTERNAL, null,
                new RequestEvent.DigestSent(schedule.name(), schedule.department(), digest.from(), digest.until(),
                        digest.received(), digest.overdue(), people.stream().map(SpecialistId::value).toList()),
                "Digest '" + schedule.name() + "' sent to department " + schedule.department() + " ("
                        + people.size() + " people): " + digest.received() + " received, " + digest.overdue()
                        + " overdue");
        logs.append(tx, tenant, RequestId.of(RequestEvent.DIGEST_LOG), now, draft);
    }

    private static Map<String, Object> payload(DigestSchedule schedule, Digest digest) {
        Map<String, Object> payload = new java.util.TreeMap<>();
        payload.put("digestName", schedule.name());
        payload.put("period", DAY.withZone(schedule.zone()).format(digest.from()) + " – "
                + DAY.withZone(schedule.zone()).format(digest.until().minusSeconds(1)));
        payload.put("received", Long.toString(digest.received()));
        payload.put("categories", counts(digest.byCategory()));
        payload.put("lines", counts(digest.byLine()));
        payload.put("paths", counts(digest.byPath()));
        payload.put("overdue", Long.toString(digest.overdue()));
        payload.put("overdueRequests", digest.overdueRequests().isEmpty() ? ""
                : "(" + digest.overdueRequests().stream().map(RequestId::value).collect(Collectors.joining(", ")) + ")");
        payload.put("recommendations", digest.recommendations().isEmpty() ? "—"
                : digest.recommendations().stream().map(p -> "- " + p.summary()).collect(Collectors.joining("\n")));
        return payload;
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "—" : new java.util.TreeMap<>(counts).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
