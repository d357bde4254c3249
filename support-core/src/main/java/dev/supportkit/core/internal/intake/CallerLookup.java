package dev.supportkit.core.internal.intake;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.DirectoryService;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.IntakeSettings;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.request.ActiveEntries;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmDirectorySync;
import dev.supportkit.spi.crm.CrmParty;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises the caller of a contact given by phone number or e-mail address instead of a representative, before
 * the registration's unit of work (no remote call inside a transaction): a representative of the directory with
 * that number or address; else the contact a started CRM adapter knows, saved to the directory with its company
 * (a company whose INN an organisation of the directory has is that organisation, otherwise it is imported as
 * {@code crm-<adapter>-co-<id>}); else the configured unknown-caller representative. The CRM adapters are asked
 * together on a small pool of this engine's threads and waited for at most {@code caller-lookup.timeout}; an
 * adapter that is paused (its CRM asked to wait or failed lately) is not asked at all, so a CRM outage neither
 * fails nor slows registration. Every outcome becomes an internal journal entry of the request
 * ({@link RequestEvent.CallerLookedUp}).
 *
 * <p>Synchronous by design: the organisation and representative are part of the request from its first version
 * (who may see it, routing, deadlines, the customer's notifications and the open request a contact is attached to
 * depend on them), so filling them after commit would register under the placeholder first and move the request
 * afterwards.
 */
public final class CallerLookup implements AutoCloseable {
    /** How intake imports CRM contacts: an engine-internal administrator, named in the directory's audit. */
    static final String IMPORTER_ID = "supportkit-crm-intake";
    /** The most CRM look-ups running at once; more wait in a short queue, beyond it they count as unavailable. */
    private static final int THREADS = 4;
    private static final int QUEUE = 32;
    private static final int CALLER_MAX = 254;
    private static final Logger LOG = LoggerFactory.getLogger(CallerLookup.class);

    private final Map<String, CrmAdapter> adapters;
    private final UnitOfWork work;
    private final DirectoryService directory;
    private final IntakeSettings.Callers settings;
    private final ThreadPoolExecutor pool;

    /**
     * What intake made of a caller.
     *
     * @param draft the draft, its organisation and representative filled when the caller was recognised or the
     *              unknown-caller representative applies
     * @param entry the internal journal entry telling how, when a lookup was made
     */
    record Outcome(ContactDraft draft, Optional<JournalDraft> entry) {
    }

    /**
     * @param adapters  the started CRM adapters by provider id
     * @param work      the unit of work, to read the directory
     * @param directory the directory service, to save what a CRM knew
     * @param settings  the engine's settings (intake)
     */
    @Inject
    public CallerLookup(Map<String, CrmAdapter> adapters, UnitOfWork work, DirectoryService directory,
                        EngineSettings settings) {
        this.adapters = new TreeMap<>(adapters);
        this.work = work;
        this.directory = directory;
        this.settings = settings.intake().callers();
        AtomicInteger threads = new AtomicInteger();
        this.pool = adapters.isEmpty() ? null : new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "supportkit-caller-lookup-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        if (pool != null) {
            pool.allowCoreThreadTimeOut(true);
        }
    }

    /**
     * Whether a text is a phone number (a leading {@code +} allowed, 5 to 15 digits with spaces, dots, dashes and
     * brackets) or an e-mail address.
     *
     * @param caller the text
     * @return whether intake can look it up
     */
    static boolean isPhoneOrEmail(String caller) {
        if (caller == null || caller.isBlank() || caller.length() > CALLER_MAX) {
            return false;
        }
        String value = caller.strip();
        if (value.contains("@")) {
            return value.matches("[^@\\s]++@[^@\\s.]++(?:\\.[^@\\s.]++)++");
        }
        int digits = value.replaceAll("[^0-9]", "").length();
        return value.matches("\\+?[0-9 ().-]++") && digits >= 5 && digits <= 15;
    }

    /**
     * Recognises the caller of a draft that names none of its representative, or leaves the draft as it is.
     *
     * @param actor who registers
     * @param draft the contact
     * @return the draft to register, and the journal entry of the lookup
     */
    Outcome resolve(Actor actor, ContactDraft draft) {
        if (draft.representative() != null || draft.attachTo() != null || actor.role() == Role.CUSTOMER_REPRESENTATIVE
                || !isPhoneOrEmail(draft.caller())) {
            return new Outcome(draft, Optional.empty());
        }
        String caller = draft.caller().strip();
        Optional<Representative> known = work.read(tx -> inDirectory(tx, actor, caller, draft.organization()));
        if (known.isPresent()) {
            Representative rep = known.get();
            return recognised(draft, rep.organization(), rep.id(), caller, "DIRECTORY", null,
                    "representative '" + rep.id() + "' (" + rep.fullName() + ")");
        }
        List<String> failures = new ArrayList<>();
        Optional<Found> found = askCrms(actor, caller, failures);
        if (found.isPresent()) {
            Optional<Outcome> imported = imported(actor, draft, caller, found.get(), failures);
            if (imported.isPresent()) {
                return imported.get();
            }
        }
        String outcome = failures.isEmpty() ? "UNKNOWN" : "UNAVAILABLE";
        String source = failures.isEmpty() ? null : failures.get(0).substring(0, failures.get(0).indexOf(':'));
        String why = failures.isEmpty() ? (adapters.isEmpty() ? "not in the directory; no CRM adapter is started"
                : "known neither to the directory nor to " + String.join(", ", adapters.keySet()))
                : "not in the directory; " + String.join("; ", failures);
        Optional<String> unknown = settings.unknownRepresentative();
        if (unknown.isEmpty()) {
            return new Outcome(draft, Optional.of(entry(caller, outcome, source, why)));
        }
        Optional<Representative> placeholder = work.read(tx -> tx.findDirectoryEntry(actor.tenant(),
                Representative.class, unknown.get()));
        OrganizationId organization = draft.organization() != null ? draft.organization()
                : placeholder.map(Representative::organization).orElse(null);
        return recognised(draft, organization, RepresentativeId.of(unknown.get()), caller, outcome, source,
                why + "; registered under the unknown-caller representative '" + unknown.get() + "' for an "
                        + "operator to check");
    }

    /** A CRM's answer: which adapter and the party it knows. */
    private record Found(String adapter, CrmParty party) {
    }

    /**
     * Asks every started, unpaused adapter at once and waits for them together at most the lookup timeout; the
     * first in id order that knows the caller wins.
     */
    private Optional<Found> askCrms(Actor actor, String caller, List<String> failures) {
        Map<String, CompletableFuture<Optional<CrmParty>>> asked = new LinkedHashMap<>();
        for (Map.Entry<String, CrmAdapter> adapter : adapters.entrySet()) {
            Optional<java.time.Instant> paused = pausedUntil(adapter.getValue());
            if (paused.isPresent()) {
                failures.add(adapter.getKey() + ": paused until " + paused.get() + " after a failure, not asked");
                continue;
            }
            try {
                asked.put(adapter.getKey(), CompletableFuture.supplyAsync(
                        () -> adapter.getValue().findCaller(actor.tenant(), caller), pool));
            } catch (RejectedExecutionException e) {
                failures.add(adapter.getKey() + ": too many look-ups at once, not asked");
            }
        }
        if (!asked.isEmpty()) {
            try {
                CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new))
                        .get(settings.lookupTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // each answer is read below: done with a party, failed, or still running
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Optional<Found> first = Optional.empty();
        for (Map.Entry<String, CompletableFuture<Optional<CrmParty>>> answer : asked.entrySet()) {
            CompletableFuture<Optional<CrmParty>> future = answer.getValue();
            if (!future.isDone()) {
                future.cancel(true);
                failures.add(answer.getKey() + ": no answer within " + settings.lookupTimeout().toMillis() + " ms");
            } else if (future.isCompletedExceptionally()) {
                Throwable cause = future.handle((party, error) -> error).join();
                cause = cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null
                        ? cause.getCause() : cause;
                failures.add(answer.getKey() + ": " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
            } else if (first.isEmpty()) {
                Optional<CrmParty> party = future.join();
                if (party != null && party.isPresent()) {
                    first = Optional.of(new Found(answer.getKey(), party.get()));
                }
            }
        }
        failures.forEach(failure -> LOG.warn("Caller lookup in CRM {} (tenant {}): the contact goes on without it",
                failure, actor.tenant().value()));
        return first;
    }

    private static Optional<java.time.Instant> pausedUntil(CrmAdapter adapter) {
        try {
            return adapter.pausedUntil();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Saves a CRM's party to the directory: the representative already imported is taken as it is; otherwise its
     * organisation is the directory's one with the company's INN, else the imported company.
     */
    private Optional<Outcome> imported(Actor actor, ContactDraft draft, String caller, Found found,
                                       List<String> failures) {
        CrmParty party = found.party();
        if (party.crmContactId().isEmpty()) {
            return Optional.empty();
        }
        RepresentativeId id = CrmDirectorySync.representativeId(found.adapter(), party.crmContactId().get());
        Actor importer = Actor.staff(IMPORTER_ID, "SupportKit CRM intake", Role.ADMINISTRATOR, actor.tenant());
        try {
            Optional<Representative> existing = work.read(tx -> tx.findDirectoryEntry(actor.tenant(),
                    Representative.class, id.value()));
            Optional<OrganizationId> organization = existing.map(Representative::organization);
            if (organization.isEmpty()) {
                Optional<OrganizationId> byTaxNumber = party.taxNumber().flatMap(inn -> work.read(tx ->
                        tx.listDirectoryEntries(actor.tenant(), Organization.class, Optional.empty()).stream()
                                .filter(o -> inn.equals(o.taxNumber())).map(Organization::id).sorted(
                                        java.util.Comparator.comparing(OrganizationId::value)).findFirst()));
                if (byTaxNumber.isPresent()) {
                    organization = CrmDirectorySync.importContact(directory, importer, found.adapter(), party,
                            byTaxNumber.get()).map(r -> byTaxNumber.get());
                } else if (party.crmCompanyId().isPresent()) {
                    organization = CrmDirectorySync.importParty(directory, importer, found.adapter(), party)
                            .map(r -> CrmDirectorySync.organizationId(found.adapter(), party.crmCompanyId().get()));
                }
            }
            if (organization.isEmpty()) {
                failures.add(found.adapter() + ": the contact found has no company, name or contact point to import");
                return Optional.empty();
            }
            if (draft.organization() != null && !draft.organization().equals(organization.get())) {
                return Optional.empty();
            }
            return Optional.of(recognised(draft, organization.get(), id, caller, "CRM", found.adapter(),
                    "contact " + party.crmContactId().get() + party.contactName().map(n -> " (" + n + ")").orElse("")
                            + party.crmCompanyId().map(c -> " of company " + c).orElse("") + " as representative '"
                            + id + "' of organization '" + organization.get() + "'"));
        } catch (RuntimeException e) {
            LOG.warn("Caller lookup: the contact {} of CRM {} could not be imported: {}",
                    party.crmContactId().get(), found.adapter(), e.getMessage());
            failures.add(found.adapter() + ": the contact found could not be imported (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static Outcome recognised(ContactDraft draft, OrganizationId organization, RepresentativeId rep,
                                      String caller, String outcome, String source, String detail) {
        return new Outcome(draft.withCustomer(organization, rep), Optional.of(entry(caller, outcome, source, detail)));
    }

    private static JournalDraft entry(String caller, String outcome, String source, String detail) {
        String said = switch (outcome) {
            case "DIRECTORY" -> "Caller " + caller + " recognised in the directory: ";
            case "CRM" -> "Caller " + caller + " recognised in CRM " + source + ": ";
            default -> "Caller " + caller + " not recognised: ";
        };
        return new JournalDraft(LaborFunction.A_01_3, Visibility.INTERNAL, null,
                new RequestEvent.CallerLookedUp(caller, outcome, source, detail), said + detail);
    }

    /** An active representative whose phone digits or e-mail address (ignoring case) are the caller's. */
    private static Optional<Representative> inDirectory(StorageTransaction tx, Actor actor, String caller,
                                                        OrganizationId organization) {
        boolean email = caller.contains("@");
        String wanted = email ? caller.toLowerCase(Locale.ROOT) : digits(caller);
        return tx.listDirectoryEntries(actor.tenant(), Representative.class,
                        Optional.ofNullable(organization)).stream()
                .filter(r -> email ? r.email() != null && r.email().toLowerCase(Locale.ROOT).equals(wanted)
                        : r.phone() != null && digits(r.phone()).equals(wanted))
                .filter(r -> tx.findDirectoryEntry(actor.tenant(), Organization.class, r.organization().value())
                        .isPresent())
                .filter(r -> active(tx, actor, r))
                .sorted(java.util.Comparator.comparing(r -> r.id().value())).findFirst();
    }

    private static boolean active(StorageTransaction tx, Actor actor, Representative rep) {
        return !ActiveEntries.inactive(tx, actor.tenant(), DirectoryKind.REPRESENTATIVE, rep.id().value());
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
