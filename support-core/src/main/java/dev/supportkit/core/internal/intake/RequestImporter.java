package dev.supportkit.core.internal.intake;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.intake.ImportResult;
import dev.supportkit.api.intake.ImportedRequest;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.journal.HashChain;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.journal.JournalWriter;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.resolution.DefaultResolutionService;
import dev.supportkit.core.internal.security.AccessPolicy;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk import of historical requests (migration from another help desk): validates the whole batch,
 * then writes it through the storage provider's batch insert in one transaction.
 */
public final class RequestImporter {
    /** The most requests one import call takes. */
    static final int MAX_BATCH = 10_000;

    private final UnitOfWork work;
    private final AccessPolicy policy;
    private final JournalWriter journal;

    /**
     * @param work     the unit of work
     * @param policy   the access policy
     * @param journal  the journal writer
     */
    @Inject
    public RequestImporter(UnitOfWork work, AccessPolicy policy, JournalWriter journal) {
        this.work = work;
        this.policy = policy;
        this.journal = journal;
    }

    /**
     * Imports the requests, all or nothing.
     *
     * @param actor    an administrator
     * @param source   the old system's name
     * @param requests the requests
     * @return the new ids
     */
    public ImportResult importRequests(Actor actor, String source, List<ImportedRequest> requests) {
        policy.require(actor, Permission.IMPORT_REQUESTS);
        FieldErrors input = new FieldErrors();
        input.requiredText("import.source", source, 100);
        if (input.required("import.requests", requests) && requests.size() > MAX_BATCH) {
            input.add("import.requests", "max-size", "at most " + MAX_BATCH + " requests per call (was "
                    + requests.size() + ")");
        }
        input.throwIfAny();
        return work.write(tx -> {
            Instant now = work.now();
            FieldErrors errors = new FieldErrors();
            Lookups lookups = new Lookups(tx, actor);
            Set<String> externalIds = new HashSet<>();
            for (int i = 0; i < requests.size(); i++) {
                validate(errors, "requests[" + i + "]", requests.get(i), now, lookups, externalIds);
            }
            errors.throwIfAny();

            List<Request> stored = new ArrayList<>(requests.size());
            List<JournalRecord> records = new ArrayList<>(requests.size());
            for (ImportedRequest item : requests) {
                RequestId id = idFor(actor, item.externalId());
                Request state = Request.builder().id(id).tenant(actor.tenant()).organization(item.organization())
                        .representative(item.representative()).system(item.system()).model(lookups.modelOf(item.system()))
                        .subject(item.subject().strip())
                        .description(item.description()).channel(item.channel())
                        .priority(item.priority() == null ? Priority.NORMAL : item.priority()).status(item.status())
                        .line(item.line() == null ? SupportLine.FIRST_LINE : item.line())
                        .resolution(item.resolution()).registeredAt(micros(item.registeredAt()))
                        .updatedAt(micros(item.updatedAt() == null ? item.registeredAt() : item.updatedAt())).version(1)
                        .journalHead(0, HashChain.GENESIS).build();
                JournalRecord record = journal.chain(actor.tenant(), id, 0, HashChain.GENESIS, actor, now,
                        new JournalDraft(LaborFunction.A_01_3, Visibility.INTERNAL, item.channel(),
                                new RequestEvent.Imported(source, item.externalId(), item.status()),
                                "Imported from " + source + " (id " + item.externalId() + ") as " + item.status()),
                        journal.stateDigest(state));
                records.add(record);
                stored.add(state.toBuilder().journalHead(record.sequence(), record.hash()).build());
            }
            tx.insertRequests(stored, records);
            return new ImportResult(stored.stream().map(Request::id).toList());
        });
    }

    /** An imported instant at the microseconds every store keeps, so the request reads back as it was stored. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The same external id always maps to the same request id, so importing it twice conflicts. */
    private static RequestId idFor(Actor actor, String externalId) {
        return RequestId.of(UUID.nameUUIDFromBytes(("import\n" + actor.tenant().value() + "\n" + externalId)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private static void validate(FieldErrors errors, String at, ImportedRequest item, Instant now, Lookups lookups,
                                 Set<String> externalIds) {
        if (!errors.required(at, item)) {
            return;
        }
        errors.requiredText(at + ".externalId", item.externalId(), 64);
        if (item.externalId() != null && !externalIds.add(item.externalId())) {
            errors.add(at + ".externalId", "unique", "'" + item.externalId() + "' appears twice in this import");
        }
        errors.required(at + ".channel", item.channel());
        errors.requiredText(at + ".subject", item.subject(), RequestRegistration.SUBJECT_MAX);
        errors.requiredText(at + ".description", item.description(), RequestRegistration.TEXT_MAX);
        errors.required(at + ".status", item.status());
        if (item.resolution() != null) {
            // the same limits as a resolution recorded through the engine
            errors.maxLength(at + ".resolution.summary", item.resolution().summary(),
                    DefaultResolutionService.SUMMARY_MAX);
            errors.maxLength(at + ".resolution.cause", item.resolution().cause(), DefaultResolutionService.CAUSE_MAX);
        }
        if (errors.required(at + ".registeredAt", item.registeredAt())) {
            errors.notInFuture(at + ".registeredAt", item.registeredAt(), now);
            if (item.updatedAt() != null && item.updatedAt().isBefore(item.registeredAt())) {
                errors.add(at + ".updatedAt", "not-before-registration", "must not be before registeredAt");
            }
        }
        errors.notInFuture(at + ".updatedAt", item.updatedAt(), now);
        if (errors.required(at + ".organization", item.organization())) {
            if (!lookups.organizationExists(item.organization())) {
                errors.add(at + ".organization", "exists", "no organization '" + item.organization() + "'");
                return;
            }
            if (item.representative() != null && !lookups.representativeOf(item.organization(), item.representative()
                    .value())) {
                errors.add(at + ".representative", "belongs-to-organization", "'" + item.representative()
                        + "' is not a representative of organization '" + item.organization() + "'");
            }
            if (item.system() != null && !lookups.systemOf(item.organization(), item.system().value())) {
                errors.add(at + ".system", "belongs-to-organization", "'" + item.system()
                        + "' is not a supported system of organization '" + item.organization() + "'");
            }
        }
        errors.required(at + ".representative", item.representative());
    }

    /** Directory look-ups, each id read once per import. */
    private static final class Lookups {
        private final StorageTransaction tx;
        private final Actor actor;
        private final Map<String, Boolean> organizations = new HashMap<>();
        private final Map<String, Optional<OrganizationId>> representatives = new HashMap<>();
        private final Map<String, Optional<SupportedSystem>> systems = new HashMap<>();

        Lookups(StorageTransaction tx, Actor actor) {
            this.tx = tx;
            this.actor = actor;
        }

        boolean organizationExists(OrganizationId id) {
            return organizations.computeIfAbsent(id.value(),
                    v -> tx.findDirectoryEntry(actor.tenant(), Organization.class, v).isPresent());
        }

        boolean representativeOf(OrganizationId organization, String id) {
            return representatives.computeIfAbsent(id, v -> tx.findDirectoryEntry(actor.tenant(), Representative.class, v)
                    .map(Representative::organization)).map(organization::equals).orElse(false);
        }

        boolean systemOf(OrganizationId organization, String id) {
            return system(id).map(SupportedSystem::organization).map(organization::equals).orElse(false);
        }

        /** The model of a system the batch names, null when it names none or the system is unknown. */
        String modelOf(SystemId id) {
            return id == null ? null : system(id.value()).map(SupportedSystem::model).orElse(null);
        }

        private Optional<SupportedSystem> system(String id) {
            return systems.computeIfAbsent(id, v -> tx.findDirectoryEntry(actor.tenant(), SupportedSystem.class, v));
        }
    }
}
