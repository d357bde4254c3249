package dev.supportkit.spi.storage.tck;

import dev.supportkit.spi.storage.FunctionTotal;

import dev.supportkit.spi.storage.JournalSelection;

import static dev.supportkit.spi.storage.tck.StorageFixtures.at;
import static dev.supportkit.spi.storage.tck.StorageFixtures.catalogRecord;
import static dev.supportkit.spi.storage.tck.StorageFixtures.contact;
import static dev.supportkit.spi.storage.tck.StorageFixtures.deliveredOutbox;
import static dev.supportkit.spi.storage.tck.StorageFixtures.fullRequest;
import static dev.supportkit.spi.storage.tck.StorageFixtures.journal;
import static dev.supportkit.spi.storage.tck.StorageFixtures.nextVersion;
import static dev.supportkit.spi.storage.tck.StorageFixtures.outbox;
import static dev.supportkit.spi.storage.tck.StorageFixtures.request;
import static dev.supportkit.spi.storage.tck.StorageFixtures.requestId;
import static dev.supportkit.spi.storage.tck.StorageFixtures.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.supportkit.spi.storage.VisitRecord;
import dev.supportkit.api.scheduling.VisitStatus;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.api.scheduling.Visit;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.ContactId;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.resolution.InstalledUnit;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.FailureRow;
import dev.supportkit.spi.storage.FailureTotal;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.RequestSelection;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.TimeRecord;
import dev.supportkit.spi.storage.TimeTotal;
import dev.supportkit.api.work.TimeQuery;
import dev.supportkit.api.journal.LaborFunction;
import java.util.Arrays;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import dev.supportkit.spi.storage.TimerRecord;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.StorageTransaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract test kit every {@link StorageProvider} must pass.
 *
 * <p>A storage plugin runs the kit by extending this class in its own tests and implementing
 * {@link #createProvider()}; every test declared here then runs against the plugin's provider:
 *
 * <pre>{@code
 * class JdbcStorageProviderContractTest extends StorageProviderContract {
 *     @Override
 *     protected StorageProvider createProvider() {
 *         return new JdbcStorageProviderFactory().create(testContext(dataSourceUrl));
 *     }
 * }
 * }</pre>
 *
 * <p>The kit ships in {@code support-api}'s test-jar. Add it, and JUnit Jupiter, in test scope to the
 * plugin's {@code pom.xml} (the kit's own JUnit dependency is not passed on):
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>dev.supportkit</groupId>
 *   <artifactId>support-api</artifactId>
 *   <version>${supportkit.version}</version>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * <dependency>
 *   <groupId>org.junit.jupiter</groupId>
 *   <artifactId>junit-jupiter</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * <p>Name the subclass so the plugin's test runner picks it up (Surefire runs {@code *Test} classes by
 * default).
 *
 * <p><b>Lifecycle and data.</b> {@link #createProvider()} is called before each test and the kit closes
 * the provider after it. Each call must return a provider over an EMPTY store (a fresh schema or
 * database): claims of due timers and outbox messages span every tenant, so the claim tests need a
 * store holding nothing else. Every test also works in fresh random tenants ({@code t-<uuid>}) with
 * fresh random ids. The kit never deletes anything.
 *
 * <p><b>What the kit expects beyond the {@link StorageTransaction} Javadoc.</b>
 * <ul>
 *   <li>The provider is thread-safe: {@code inTransaction} is called from several threads at once.</li>
 *   <li>A transaction sees its own writes.</li>
 *   <li>Records are stored and returned field for field; times keep microsecond precision.</li>
 *   <li>The store does not check references between records: a contact, journal record or outbox
 *       message is always stored after its request, but the organisations, representatives, systems,
 *       groups and specialists that requests and contacts name are not saved in the directory.</li>
 *   <li>A store that detects a conflict (duplicate key, stale version, serialisation failure) only at
 *       commit reports it as {@link ConcurrencyConflictException} from {@code inTransaction}.</li>
 * </ul>
 */
@DisplayName("Storage provider contract")
public abstract class StorageProviderContract {

    private StorageProvider provider;
    private TenantId tenant;
    private TenantId otherTenant;

    /**
     * Creates the provider under test. Called before each test; the kit closes it after the test.
     *
     * <p>Return a provider over an empty store: the claim tests see every tenant's due items.
     *
     * @return a ready provider
     */
    protected abstract StorageProvider createProvider();

    /** @return the provider of the running test */
    protected final StorageProvider provider() {
        return provider;
    }

    /** @return the running test's main tenant, fresh and random */
    protected final TenantId tenant() {
        return tenant;
    }

    /** @return a second fresh random tenant of the running test, for isolation checks */
    protected final TenantId otherTenant() {
        return otherTenant;
    }

    @BeforeEach
    final void openProvider() {
        tenant = StorageFixtures.tenant();
        otherTenant = StorageFixtures.tenant();
        provider = createProvider();
        assertNotNull(provider, "createProvider() returned null");
    }

    @AfterEach
    final void closeProvider() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }

    // =============================================================================================== requests

    @Test
    @DisplayName("insertRequest then findRequest returns an equal request, optional parts empty or present")
    void insertedRequestReadsBackEqual() {
        Request minimal = request(tenant, requestId());
        Request full = fullRequest(tenant, requestId());

        run(tx -> {
            tx.insertRequest(minimal);
            tx.insertRequest(full);
        });

        assertEquals(Optional.of(minimal), tx(tx -> tx.findRequest(tenant, minimal.id())));
        assertEquals(Optional.of(full), tx(tx -> tx.findRequest(tenant, full.id())));
    }

    /**
     * Every character the engine's character policy lets through, in one text: tab, line breaks,
     * Cyrillic, Hebrew with embedding controls, supplementary characters (emoji, a CJK extension B
     * ideograph), a zero-width joiner, a byte-order mark, combining marks and a few quote characters.
     */
    private static final String EVERY_ALLOWED_CLASS = "Line one\tcol\r\nЛиния два «ёжик»\nעברית \u202Bemb\u202C "
            + "😀👍🏽 \uD840\uDC0B a\u200Db \uFEFF e\u0301 \"quotes\" 'single' `back` \\ %_";

    @Test
    @DisplayName("every character the engine's character policy allows reads back exactly: request, contact and journal text")
    void allowedCharactersReadBackExactly() {
        Request base = fullRequest(tenant, requestId());
        Request request = base.toBuilder().subject("АТС 😀 \uD840\uDC0B e\u0301 «x»").description(EVERY_ALLOWED_CLASS)
                .build();
        Contact contact = new Contact(ContactId.of(StorageFixtures.uniqueId("cnt")), request.id(), Channel.EMAIL,
                RepresentativeId.of("rep-42"), EVERY_ALLOWED_CLASS, StorageFixtures.at(1), "op-1");
        JournalRecord template = journal(tenant, request.id(), 1);
        JournalRecord record = new JournalRecord(template.tenant(), template.request(), 1, template.occurredAt(),
                template.actorId(), "Имя 😀", template.actorRole(), template.channel(), template.function(),
                template.visibility(), template.eventType(), template.payload(), EVERY_ALLOWED_CLASS,
                template.previousHash(), template.hash(), template.stateDigest());
        run(tx -> {
            tx.insertRequest(request);
            tx.insertContact(tenant, contact);
            tx.appendJournal(record);
        });
        assertEquals(Optional.of(request), tx(tx -> tx.findRequest(tenant, request.id())));
        assertEquals(List.of(contact), tx(tx -> tx.findContacts(tenant, request.id())));
        assertEquals(List.of(record), tx(tx -> tx.findJournal(tenant, request.id())));
    }

    @Test
    @DisplayName("findRequest in another tenant returns empty")
    void requestIsInvisibleToOtherTenant() {
        Request stored = fullRequest(tenant, requestId());
        run(tx -> tx.insertRequest(stored));

        assertEquals(Optional.empty(), tx(tx -> tx.findRequest(otherTenant, stored.id())));
        assertEquals(List.of(), tx(tx -> tx.findRequests(otherTenant, select(RequestQuery.all()))));
    }

    @Test
    @DisplayName("findRequest of an unknown id returns empty")
    void unknownRequestIsEmpty() {
        run(tx -> tx.insertRequest(request(tenant, requestId())));

        assertEquals(Optional.empty(), tx(tx -> tx.findRequest(tenant, requestId())));
    }

    @Test
    @DisplayName("insertRequest with an id that exists throws ConcurrencyConflictException, rolls back and keeps the stored request")
    void duplicateInsertConflicts() {
        Request original = request(tenant, requestId());
        run(tx -> tx.insertRequest(original));
        Request duplicate = nextVersion(original, "a different request with the same id");
        Request bystander = request(tenant, requestId());

        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> {
            tx.insertRequest(bystander);
            tx.insertRequest(duplicate);
        }));

        assertEquals(Optional.of(original), tx(tx -> tx.findRequest(tenant, original.id())));
        assertEquals(Optional.empty(), tx(tx -> tx.findRequest(tenant, bystander.id())),
                "the transaction that hit the conflict must have rolled back");
    }

    @Test
    @DisplayName("updateRequest with the stored version as expected version replaces the request")
    void updateWithExpectedVersionReplaces() {
        Request v1 = request(tenant, requestId());
        run(tx -> tx.insertRequest(v1));
        Request v2 = nextVersion(v1, "second version", RequestStatus.IN_PROGRESS_FIRST_LINE);
        Request v3 = nextVersion(v2, "third version", RequestStatus.AT_SECOND_LINE);

        run(tx -> tx.updateRequest(v2, 1));
        assertEquals(Optional.of(v2), tx(tx -> tx.findRequest(tenant, v1.id())));

        run(tx -> tx.updateRequest(v3, 2));
        assertEquals(Optional.of(v3), tx(tx -> tx.findRequest(tenant, v1.id())));
    }

    @Test
    @DisplayName("updateRequest with a stale expected version throws ConcurrencyConflictException and leaves the stored request unchanged")
    void updateWithStaleVersionConflicts() {
        Request v1 = request(tenant, requestId());
        run(tx -> tx.insertRequest(v1));
        Request v2 = nextVersion(v1, "accepted change");
        run(tx -> tx.updateRequest(v2, 1));

        Request basedOnStale = nextVersion(v1, "change based on version 1");
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.updateRequest(basedOnStale, 1)));
        Request fromTheFuture = v2.toBuilder().description("change based on version 5").version(6).build();
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.updateRequest(fromTheFuture, 5)));

        assertEquals(Optional.of(v2), tx(tx -> tx.findRequest(tenant, v1.id())));
    }

    @Test
    @DisplayName("updateRequest of a request that is not in the tenant throws and changes nothing, in any tenant")
    void updateOutsideTenantChangesNothing() {
        Request stored = request(tenant, requestId());
        run(tx -> tx.insertRequest(stored));
        Request next = nextVersion(stored, "addressed to the other tenant");
        Request sameIdOtherTenant = next.toBuilder().tenant(otherTenant).build();
        Request unknown = nextVersion(request(tenant, requestId()), "never inserted");

        assertConflictOrNotFound(() -> run(tx -> tx.updateRequest(sameIdOtherTenant, 1)));
        assertConflictOrNotFound(() -> run(tx -> tx.updateRequest(unknown, 1)));

        assertEquals(Optional.of(stored), tx(tx -> tx.findRequest(tenant, stored.id())));
        assertEquals(Optional.empty(), tx(tx -> tx.findRequest(otherTenant, stored.id())));
        assertEquals(Optional.empty(), tx(tx -> tx.findRequest(tenant, unknown.id())));
    }

    // =========================================================================================== transactions

    @Test
    @DisplayName("a transaction whose work throws rolls back request, journal, outbox, contact and directory writes and rethrows the same exception")
    void failedTransactionRollsBackEverything() {
        Request existing = request(tenant, requestId());
        run(tx -> tx.insertRequest(existing));
        Request inserted = fullRequest(tenant, requestId());
        JournalRecord record = journal(tenant, inserted.id(), 1);
        OutboxMessage message = outbox(tenant, inserted.id(), "request.registered", at(5));
        Contact contact = contact(inserted.id(), Channel.PHONE, at(1));
        Organization organization = new Organization(OrganizationId.of(uniqueId("org")), "Rolled back", null);
        DeliberateFailure failure = new DeliberateFailure();

        DeliberateFailure thrown = assertThrows(DeliberateFailure.class, () -> provider.inTransaction(tx -> {
            tx.insertRequest(inserted);
            tx.appendJournal(record);
            tx.enqueueOutbox(message);
            tx.insertContact(tenant, contact);
            tx.saveDirectoryEntry(tenant, organization);
            tx.updateRequest(nextVersion(existing, "rolled back change"), 1);
            throw failure;
        }));
        assertSame(failure, thrown, "inTransaction must rethrow the very exception the work threw");

        run(tx -> {
            assertEquals(Optional.empty(), tx.findRequest(tenant, inserted.id()), "request insert not rolled back");
            assertEquals(List.of(), tx.findJournal(tenant, inserted.id()), "journal append not rolled back");
            assertEquals(List.of(), tx.findOutbox(tenant, inserted.id()), "outbox enqueue not rolled back");
            assertEquals(List.of(), tx.findContacts(tenant, inserted.id()), "contact insert not rolled back");
            assertEquals(Optional.empty(), tx.findDirectoryEntry(tenant, Organization.class, organization.entryId()),
                    "directory save not rolled back");
            assertEquals(Optional.of(existing), tx.findRequest(tenant, existing.id()), "request update not rolled back");
        });
    }

    @Test
    @DisplayName("a transaction whose work returns commits request, journal record and outbox message together and returns the work's result")
    void returningTransactionCommitsEverything() {
        Request inserted = fullRequest(tenant, requestId());
        JournalRecord record = journal(tenant, inserted.id(), 1);
        OutboxMessage message = outbox(tenant, inserted.id(), "request.registered", at(5));
        Object result = new Object();

        Object returned = provider.inTransaction(tx -> {
            tx.insertRequest(inserted);
            tx.appendJournal(record);
            tx.enqueueOutbox(message);
            assertEquals(Optional.of(inserted), tx.findRequest(tenant, inserted.id()),
                    "a transaction must see its own request insert");
            assertEquals(List.of(record), tx.findJournal(tenant, inserted.id()),
                    "a transaction must see its own journal append");
            assertEquals(List.of(message), tx.findOutbox(tenant, inserted.id()),
                    "a transaction must see its own outbox enqueue");
            return result;
        });
        assertSame(result, returned, "inTransaction must return what the work returned");

        run(tx -> {
            assertEquals(Optional.of(inserted), tx.findRequest(tenant, inserted.id()));
            assertEquals(List.of(record), tx.findJournal(tenant, inserted.id()));
            assertEquals(List.of(message), tx.findOutbox(tenant, inserted.id()));
        });
    }

    // ================================================================================================ journal

    @Test
    @DisplayName("audit reads: a tenant's journal across requests, filtered, paged in (request, sequence) order")
    void journalAcrossRequestsPagesInKeyOrder() {
        List<RequestId> ids = new java.util.ArrayList<>(List.of(requestId(), requestId(), requestId()));
        ids.sort(Comparator.comparing(RequestId::value));
        run(tx -> {
            for (RequestId id : ids) {
                tx.insertRequest(request(tenant, id));
                for (long seq = 1; seq <= 4; seq++) {
                    tx.appendJournal(journal(tenant, id, seq));
                }
            }
            tx.insertRequest(request(otherTenant, ids.get(0)));
            tx.appendJournal(journal(otherTenant, ids.get(0), 1));
        });
        // entries at 100 + seq seconds: seq 1..4; A/01.3 on odd sequences, C/03.6 on even ones
        List<String> read = new java.util.ArrayList<>();
        Optional<JournalSelection.Position> after = Optional.empty();
        while (true) {
            JournalSelection page = new JournalSelection(Set.of(LaborFunction.A_01_3), Optional.empty(), at(0),
                    at(104), after, 2);
            List<JournalRecord> records = tx(tx -> tx.findJournalRecords(tenant, page));
            records.forEach(r -> read.add(r.request().value() + "#" + r.sequence()));
            if (records.size() < 2) {
                break;
            }
            JournalRecord end = records.get(records.size() - 1);
            after = Optional.of(new JournalSelection.Position(end.request(), end.sequence()));
        }
        assertEquals(ids.stream().flatMap(id -> java.util.stream.Stream.of(id.value() + "#1", id.value() + "#3"))
                .toList(), read);
        JournalSelection oneActor = new JournalSelection(Set.of(), Optional.of("op-2"), at(0), at(1000),
                Optional.empty(), 100);
        assertEquals(3, tx(tx -> tx.findJournalRecords(tenant, oneActor)).size());
        JournalSelection before = new JournalSelection(Set.of(), Optional.empty(), at(0), at(102), Optional.empty(),
                100);
        assertEquals(3, tx(tx -> tx.findJournalRecords(tenant, before)).size(), "only sequence 1 is before 102 s");
    }

    @Test
    @DisplayName("journal entries are counted per actor and labour function in a period")
    void journalCountedPerActorAndFunction() {
        RequestId a = requestId();
        RequestId b = requestId();
        run(tx -> {
            for (RequestId id : List.of(a, b)) {
                tx.insertRequest(request(tenant, id));
                for (long seq = 1; seq <= 3; seq++) {
                    tx.appendJournal(journal(tenant, id, seq));
                }
            }
        });
        assertEquals(List.of(new FunctionTotal("op-1", LaborFunction.A_01_3, 2),
                        new FunctionTotal("op-2", LaborFunction.C_03_6, 2),
                        new FunctionTotal("op-3", LaborFunction.A_01_3, 2)),
                tx(tx -> tx.countJournalByFunction(tenant, at(0), at(1000))));
        assertEquals(List.of(new FunctionTotal("op-1", LaborFunction.A_01_3, 2)),
                tx(tx -> tx.countJournalByFunction(tenant, at(0), at(102))));
        assertEquals(List.of(), tx(tx -> tx.countJournalByFunction(otherTenant, at(0), at(1000))));
    }

    @Test
    @DisplayName("findJournal returns a request's records by sequence, equal field for field (null channel too), whatever the append order")
    void journalReadsBackBySequence() {
        Request first = request(tenant, requestId());
        Request second = request(tenant, requestId());
        run(tx -> {
            tx.insertRequest(first);
            tx.insertRequest(second);
        });
        JournalRecord a1 = journal(tenant, first.id(), 1);
        JournalRecord a2 = journal(tenant, first.id(), 2, null);
        JournalRecord a3 = journal(tenant, first.id(), 3, Channel.MESSENGER);
        JournalRecord b1 = journal(tenant, second.id(), 1, null);
        JournalRecord b2 = journal(tenant, second.id(), 2);

        run(tx -> {
            tx.appendJournal(a1);
            tx.appendJournal(b1);
        });
        run(tx -> tx.appendJournal(a3));
        run(tx -> {
            tx.appendJournal(b2);
            tx.appendJournal(a2);
        });

        assertEquals(List.of(a1, a2, a3), tx(tx -> tx.findJournal(tenant, first.id())));
        assertEquals(List.of(b1, b2), tx(tx -> tx.findJournal(tenant, second.id())));
        assertEquals(List.of(), tx(tx -> tx.findJournal(tenant, requestId())));
        // a stretch of one request's journal, by sequence, both ends included; missing ones are left out
        assertEquals(List.of(a2, a3), tx(tx -> tx.findJournalRange(tenant, first.id(), 2, 3)));
        assertEquals(List.of(a2, a3), tx(tx -> tx.findJournalRange(tenant, first.id(), 2, 9)));
        assertEquals(List.of(b1), tx(tx -> tx.findJournalRange(tenant, second.id(), 0, 1)));
        assertEquals(List.of(), tx(tx -> tx.findJournalRange(tenant, second.id(), 3, 5)));
    }

    @Test
    @DisplayName("appendJournal with a sequence the request already has throws ConcurrencyConflictException and keeps the stored record")
    void duplicateJournalSequenceConflicts() {
        Request stored = request(tenant, requestId());
        JournalRecord original = journal(tenant, stored.id(), 1);
        run(tx -> {
            tx.insertRequest(stored);
            tx.appendJournal(original);
        });
        JournalRecord duplicate = journal(tenant, stored.id(), 1, Channel.SMS);
        JournalRecord duplicateWithOtherContent = new JournalRecord(tenant, stored.id(), 1, at(999), "intruder",
                "Intruder", Role.GROUP_LEAD, null, original.function(), original.visibility(), "Closed", "{}",
                "should never be stored", original.hash(), StorageFixtures.hash("intruder"), null);

        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.appendJournal(duplicate)));
        assertThrows(ConcurrencyConflictException.class,
                () -> run(tx -> tx.appendJournal(duplicateWithOtherContent)));

        assertEquals(List.of(original), tx(tx -> tx.findJournal(tenant, stored.id())));
    }

    // ============================================================================================ time records

    private TimeRecord time(TenantId in, String id, RequestId request, String specialist, LaborFunction function,
                            long minutes, long atSecond) {
        return new TimeRecord(in, id, request, SpecialistId.of(specialist), function, Duration.ofMinutes(minutes),
                minutes > 30 ? "replace the PSU" : null, "note " + id, at(atSecond));
    }

    @Test
    @DisplayName("sumTime sums in the store per request, specialist and function, filtered, never another tenant's")
    void timeRecordsSum() {
        RequestId first = requestId();
        RequestId second = requestId();
        run(tx -> {
            tx.insertTimeRecord(time(tenant, "t1", first, "spc-a", LaborFunction.C_03_6, 30, 10));
            tx.insertTimeRecord(time(tenant, "t2", first, "spc-a", LaborFunction.C_03_6, 45, 20));
            tx.insertTimeRecord(time(tenant, "t3", first, "spc-b", LaborFunction.D_01_7, 15, 30));
            tx.insertTimeRecord(time(tenant, "t4", second, "spc-a", LaborFunction.C_03_6, 60, 40));
            tx.insertTimeRecord(time(otherTenant, "t5", first, "spc-a", LaborFunction.C_03_6, 600, 10));
        });
        assertEquals(Set.of(new TimeTotal(first, SpecialistId.of("spc-a"), LaborFunction.C_03_6, Duration.ofMinutes(75)),
                        new TimeTotal(first, SpecialistId.of("spc-b"), LaborFunction.D_01_7, Duration.ofMinutes(15))),
                Set.copyOf(tx(tx -> tx.sumTime(tenant, TimeQuery.ofRequest(first)))));
        assertEquals(List.of(new TimeTotal(first, SpecialistId.of("spc-a"), LaborFunction.C_03_6,
                        Duration.ofMinutes(30))),
                tx(tx -> tx.sumTime(tenant, TimeQuery.ofSpecialist(SpecialistId.of("spc-a"), at(0), at(15)))),
                "a window is [from, until)");
        assertEquals(Set.of(new TimeTotal(first, SpecialistId.of("spc-a"), LaborFunction.C_03_6, Duration.ofMinutes(75)),
                        new TimeTotal(first, SpecialistId.of("spc-b"), LaborFunction.D_01_7, Duration.ofMinutes(15)),
                        new TimeTotal(second, SpecialistId.of("spc-a"), LaborFunction.C_03_6, Duration.ofMinutes(60))),
                Set.copyOf(tx(tx -> tx.sumTime(tenant, TimeQuery.ALL))));
        assertEquals(List.of(new TimeTotal(first, SpecialistId.of("spc-a"), LaborFunction.C_03_6,
                Duration.ofMinutes(600))), tx(tx -> tx.sumTime(otherTenant, TimeQuery.ALL)));
    }

    @Test
    @DisplayName("a time record id that exists in the tenant conflicts and changes nothing")
    void duplicateTimeRecordConflicts() {
        RequestId request = requestId();
        run(tx -> tx.insertTimeRecord(time(tenant, "t1", request, "spc-a", LaborFunction.A_01_3, 10, 1)));
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.insertTimeRecord(
                time(tenant, "t1", request, "spc-b", LaborFunction.A_01_3, 20, 2))));
        assertEquals(List.of(new TimeTotal(request, SpecialistId.of("spc-a"), LaborFunction.A_01_3,
                Duration.ofMinutes(10))), tx(tx -> tx.sumTime(tenant, TimeQuery.ofRequest(request))));
    }

    // ============================================================================================ failure register

    private static final List<String> FAILURE_MODELS = List.of("NT-PBX 300", "PSU-300", "SW-24");
    private static final List<String> FAILURE_CAUSES = List.of("power.psu", "power.mains", "firmware", "cabling");

    private FailureRow failure(TenantId in, String id, String model, String component, String cause, long atSecond) {
        return new FailureRow(in, id, requestId(), model, component == null ? null : ComponentId.of(component),
                component == null ? null : "SN-" + id, cause, at(atSecond), at(atSecond + 600), "note " + id,
                "spc-viktor", at(atSecond + 700));
    }

    @Test
    @DisplayName("countFailures groups in the store per model, component and cause over [from, until), as counted by hand")
    void failuresCountedPerModelComponentAndCause() {
        Random random = new Random(15);
        List<FailureRow> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String model = FAILURE_MODELS.get(random.nextInt(FAILURE_MODELS.size()));
            int component = random.nextInt(3);
            rows.add(failure(tenant, "f" + i, model, component == 0 ? null : "cmp-" + model.length() + "-" + component,
                    FAILURE_CAUSES.get(random.nextInt(FAILURE_CAUSES.size())), random.nextInt(10_000)));
        }
        run(tx -> {
            rows.forEach(tx::insertFailure);
            tx.insertFailure(failure(otherTenant, "f0", "NT-PBX 300", null, "firmware", 2_000));
        });
        Instant from = at(2_000);
        Instant until = at(8_000);
        // the hand count: every row that failed within [from, until), one key per model, component and cause
        Map<List<Object>, Long> expected = new HashMap<>();
        for (FailureRow row : rows) {
            if (row.failedAt().compareTo(from) >= 0 && row.failedAt().compareTo(until) < 0) {
                expected.merge(java.util.Arrays.asList(row.model(), row.component(), row.causeCode()), 1L, Long::sum);
            }
        }
        Set<FailureTotal> want = expected.entrySet().stream().map(e -> new FailureTotal((String) e.getKey().get(0),
                (ComponentId) e.getKey().get(1), (String) e.getKey().get(2), e.getValue())).collect(Collectors.toSet());
        List<FailureTotal> counted = tx(tx -> tx.countFailures(tenant, from, until));
        assertEquals(want.size(), counted.size(), "one total per model, component and cause: " + counted);
        assertEquals(want, Set.copyOf(counted));
        assertTrue(want.stream().anyMatch(t -> t.component() == null), "failures without a component are counted");
        assertTrue(rows.stream().anyMatch(r -> r.failedAt().isBefore(from)) && rows.stream()
                .anyMatch(r -> !r.failedAt().isBefore(until)), "the data has failures outside the window");
        assertEquals(Set.of(new FailureTotal("NT-PBX 300", null, "firmware", 1)),
                Set.copyOf(tx(tx -> tx.countFailures(otherTenant, from, until))));
        assertEquals(List.of(), tx(tx -> tx.countFailures(otherTenant, at(2_001), at(9_000))), "from is inclusive,"
                + " and a failure before it is not counted");
        assertEquals(List.of(), tx(tx -> tx.countFailures(otherTenant, at(0), at(2_000))), "until is exclusive");
    }

    @Test
    @DisplayName("a failure id that exists in the tenant conflicts and changes nothing")
    void duplicateFailureConflicts() {
        run(tx -> tx.insertFailure(failure(tenant, "f1", "PSU-300", "cmp-psu", "power.psu", 10)));
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.insertFailure(
                failure(tenant, "f1", "SW-24", null, "firmware", 20))));
        assertEquals(List.of(new FailureTotal("PSU-300", ComponentId.of("cmp-psu"), "power.psu", 1)),
                tx(tx -> tx.countFailures(tenant, at(0), at(100))));
    }

    @Test
    @DisplayName("installed units are created or replaced by system and component and listed in order, by model")
    void installedUnitsSaveReplaceAndList() {
        InstalledUnit pbx = InstalledUnit.of(SystemId.of("sys-b"), null, "NT-PBX 300", at(10));
        InstalledUnit psu = InstalledUnit.of(SystemId.of("sys-b"), ComponentId.of("cmp-psu"), "PSU-300", at(20))
                .withSerial("SN-001").withDecommissionedAt(at(30));
        InstalledUnit other = InstalledUnit.of(SystemId.of("sys-a"), ComponentId.of("cmp-psu"), "PSU-300", at(40));
        run(tx -> {
            tx.saveInstalledUnit(tenant, psu);
            tx.saveInstalledUnit(tenant, pbx);
            tx.saveInstalledUnit(tenant, other);
            tx.saveInstalledUnit(otherTenant, pbx);
        });
        assertEquals(List.of(other, pbx, psu), tx(tx -> tx.listInstalledUnits(tenant, Optional.empty())),
                "by system, then component, the system as a whole first");
        InstalledUnit replaced = InstalledUnit.of(SystemId.of("sys-b"), ComponentId.of("cmp-psu"), "PSU-400", at(50));
        run(tx -> tx.saveInstalledUnit(tenant, replaced));
        assertEquals(List.of(other, pbx, replaced), tx(tx -> tx.listInstalledUnits(tenant, Optional.empty())));
        assertEquals(List.of(other), tx(tx -> tx.listInstalledUnits(tenant, Optional.of("PSU-300"))));
        assertEquals(List.of(), tx(tx -> tx.listInstalledUnits(tenant, Optional.of("psu-300"))),
                "models compare exactly");
        assertEquals(List.of(pbx), tx(tx -> tx.listInstalledUnits(otherTenant, Optional.empty())));
    }

    @Test
    @DisplayName("findJournal in another tenant returns nothing")
    void journalIsInvisibleToOtherTenant() {
        Request stored = request(tenant, requestId());
        run(tx -> {
            tx.insertRequest(stored);
            tx.appendJournal(journal(tenant, stored.id(), 1));
            tx.appendJournal(journal(tenant, stored.id(), 2));
        });

        assertEquals(List.of(), tx(tx -> tx.findJournal(otherTenant, stored.id())));
        assertEquals(2, tx(tx -> tx.findJournal(tenant, stored.id())).size());
    }

    // =========================================================================================== findRequests

    /** The seven requests of {@link #seedRequests()}, by their suffix number 1 to 7. */
    private Map<Integer, Request> seeded;
    private OrganizationId orgA;
    private OrganizationId orgB;

    /**
     * Stores seven requests in the main tenant, inserted out of order and with ties on registration
     * time, plus three in the other tenant that match every filter and were registered earlier.
     */
    private void seedRequests() {
        orgA = OrganizationId.of("org-a");
        orgB = OrganizationId.of("org-b");
        String prefix = uniqueId("q");
        seeded = new HashMap<>();
        seeded.put(1, request(tenant, RequestId.of(prefix + "-1"), orgA, RequestStatus.REGISTERED,
                SupportLine.FIRST_LINE, at(30)));
        seeded.put(2, request(tenant, RequestId.of(prefix + "-2"), orgB, RequestStatus.REGISTERED,
                SupportLine.FIRST_LINE, at(10)));
        seeded.put(3, request(tenant, RequestId.of(prefix + "-3"), orgA, RequestStatus.AT_SECOND_LINE,
                SupportLine.SECOND_LINE, at(20)));
        seeded.put(4, request(tenant, RequestId.of(prefix + "-4"), orgA, RequestStatus.REGISTERED,
                SupportLine.FIRST_LINE, at(10)));
        seeded.put(5, request(tenant, RequestId.of(prefix + "-5"), orgB, RequestStatus.AT_INTAKE_LEAD,
                SupportLine.INTAKE_LEAD, at(40)));
        seeded.put(6, request(tenant, RequestId.of(prefix + "-6"), orgA, RequestStatus.CLOSED,
                SupportLine.SECOND_LINE, at(5)));
        seeded.put(7, request(tenant, RequestId.of(prefix + "-7"), orgA, RequestStatus.WAITING_FOR_CUSTOMER,
                SupportLine.FIRST_LINE, at(20)));
        String otherPrefix = uniqueId("q");
        List<Request> others = List.of(
                request(otherTenant, RequestId.of(otherPrefix + "-1"), orgA, RequestStatus.REGISTERED,
                        SupportLine.FIRST_LINE, at(1)),
                request(otherTenant, RequestId.of(otherPrefix + "-2"), orgB, RequestStatus.AT_SECOND_LINE,
                        SupportLine.SECOND_LINE, at(2)),
                request(otherTenant, RequestId.of(otherPrefix + "-3"), orgA, RequestStatus.CLOSED,
                        SupportLine.SECOND_LINE, at(3)));
        run(tx -> {
            for (int n : new int[] {5, 7, 4, 1, 6, 2, 3}) {
                tx.insertRequest(seeded.get(n));
            }
        });
        run(tx -> others.forEach(tx::insertRequest));
    }

    private List<Request> seeded(int... numbers) {
        List<Request> result = new ArrayList<>();
        for (int n : numbers) {
            result.add(seeded.get(n));
        }
        return result;
    }

    /** The query as the engine hands it to a store: from the start, its own page size. */
    static RequestSelection select(RequestQuery query) {
        return RequestSelection.of(query, Instant.parse("2026-03-12T06:00:00Z"), query.limit());
    }

    private void assertFound(List<Request> expected, RequestQuery query) {
        List<Request> actual = tx(tx -> tx.findRequests(tenant, select(query)));
        assertEquals(ids(expected), ids(actual), "ids (in order) found by " + query);
        assertEquals(expected, actual, "requests found by " + query);
    }

    @Test
    @DisplayName("findRequests orders by registration time, then id")
    void findRequestsOrdersByRegistrationThenId() {
        seedRequests();

        assertFound(seeded(6, 2, 4, 3, 7, 1, 5), RequestQuery.all());
    }

    @Test
    @DisplayName("findRequests filters by a set of statuses; an empty set means all")
    void findRequestsFiltersByStatus() {
        seedRequests();

        assertFound(seeded(2, 4, 3, 1),
                RequestQuery.builder().status(RequestStatus.REGISTERED, RequestStatus.AT_SECOND_LINE).build());
        assertFound(seeded(6), RequestQuery.builder().status(RequestStatus.CLOSED).build());
        assertFound(List.of(), RequestQuery.builder().status(RequestStatus.SIGNED_OFF).build());
        assertFound(seeded(6, 2, 4, 3, 7, 1, 5), RequestQuery.builder().build());
    }

    @Test
    @DisplayName("findRequests filters by organisation")
    void findRequestsFiltersByOrganization() {
        seedRequests();

        assertFound(seeded(2, 5), RequestQuery.builder().organization(orgB).build());
        assertFound(seeded(6, 4, 3, 7, 1), RequestQuery.builder().organization(orgA).build());
        assertFound(List.of(), RequestQuery.builder().organization(OrganizationId.of("org-none")).build());
    }

    @Test
    @DisplayName("findRequests filters by support line")
    void findRequestsFiltersByLine() {
        seedRequests();

        assertFound(seeded(6, 3), RequestQuery.builder().line(SupportLine.SECOND_LINE).build());
        assertFound(seeded(5), RequestQuery.builder().line(SupportLine.INTAKE_LEAD).build());
        assertFound(List.of(), RequestQuery.builder().line(SupportLine.VENDOR).build());
    }

    @Test
    @DisplayName("findRequests combines status, organisation and line filters")
    void findRequestsCombinesFilters() {
        seedRequests();

        assertFound(seeded(4, 1), RequestQuery.builder().status(RequestStatus.REGISTERED).organization(orgA)
                .line(SupportLine.FIRST_LINE).build());
        assertFound(seeded(4, 7, 1), RequestQuery.builder()
                .status(RequestStatus.REGISTERED, RequestStatus.WAITING_FOR_CUSTOMER, RequestStatus.AT_INTAKE_LEAD)
                .organization(orgA).build());
        assertFound(List.of(), RequestQuery.builder().status(RequestStatus.AT_INTAKE_LEAD).organization(orgA)
                .build());
    }

    @Test
    @DisplayName("findRequests returns at most limit requests, the first ones in order")
    void findRequestsHonoursLimit() {
        seedRequests();

        assertFound(seeded(6, 2, 4), RequestQuery.builder().limit(3).build());
        assertFound(seeded(2), RequestQuery.builder().status(RequestStatus.REGISTERED).limit(1).build());
        assertFound(seeded(4), RequestQuery.builder().status(RequestStatus.REGISTERED).organization(orgA).limit(1)
                .build());
        assertFound(seeded(4, 1), RequestQuery.builder().status(RequestStatus.REGISTERED).organization(orgA).limit(5)
                .build());
        assertFound(seeded(6, 2, 4, 3, 7, 1, 5), RequestQuery.builder().limit(RequestQuery.MAX_LIMIT).build());
    }

    @Test
    @DisplayName("findRequests never returns another tenant's requests")
    void findRequestsIsTenantScoped() {
        seedRequests();

        List<Request> other = tx(tx -> tx.findRequests(otherTenant, select(RequestQuery.all())));
        assertEquals(3, other.size(), "the other tenant's own requests");
        assertTrue(other.stream().allMatch(r -> r.tenant().equals(otherTenant)), "other tenant got: " + ids(other));
        assertFound(seeded(6, 2, 4, 3, 7, 1, 5), RequestQuery.all());
        assertFound(seeded(4, 1), RequestQuery.builder().status(RequestStatus.REGISTERED).organization(orgA)
                .line(SupportLine.FIRST_LINE).limit(1000).build());
        assertEquals(List.of(), tx(tx -> tx.findRequests(StorageFixtures.tenant(), select(RequestQuery.all()))),
                "a tenant without requests");
    }

    // ==================================================================================== countRequestsByStatus

    @Test
    @DisplayName("countRequestsByStatus counts the tenant's requests per status, for all organisations or one")
    void countRequestsByStatusCountsPerStatusAndOrganization() {
        seedRequests();

        assertCounts(Map.of(RequestStatus.REGISTERED, 3L, RequestStatus.AT_SECOND_LINE, 1L,
                RequestStatus.AT_INTAKE_LEAD, 1L, RequestStatus.CLOSED, 1L, RequestStatus.WAITING_FOR_CUSTOMER, 1L),
                tenant, Optional.empty());
        assertCounts(Map.of(RequestStatus.REGISTERED, 2L, RequestStatus.AT_SECOND_LINE, 1L,
                RequestStatus.CLOSED, 1L, RequestStatus.WAITING_FOR_CUSTOMER, 1L), tenant, Optional.of(orgA));
        assertCounts(Map.of(RequestStatus.REGISTERED, 1L, RequestStatus.AT_INTAKE_LEAD, 1L),
                tenant, Optional.of(orgB));
        assertCounts(Map.of(), tenant, Optional.of(OrganizationId.of("org-none")));
    }

    @Test
    @DisplayName("countRequestsByStatus follows updates and never counts another tenant's requests")
    void countRequestsByStatusIsTenantScopedAndCurrent() {
        seedRequests();
        Request first = seeded.get(1);
        run(tx -> tx.updateRequest(nextVersion(first, "taken", RequestStatus.IN_PROGRESS_FIRST_LINE), 1));

        assertCounts(Map.of(RequestStatus.REGISTERED, 2L, RequestStatus.IN_PROGRESS_FIRST_LINE, 1L,
                RequestStatus.AT_SECOND_LINE, 1L, RequestStatus.AT_INTAKE_LEAD, 1L, RequestStatus.CLOSED, 1L,
                RequestStatus.WAITING_FOR_CUSTOMER, 1L), tenant, Optional.empty());
        assertCounts(Map.of(RequestStatus.REGISTERED, 1L, RequestStatus.AT_SECOND_LINE, 1L, RequestStatus.CLOSED, 1L),
                otherTenant, Optional.empty());
        assertCounts(Map.of(RequestStatus.REGISTERED, 1L, RequestStatus.CLOSED, 1L), otherTenant, Optional.of(orgA));
        assertCounts(Map.of(), StorageFixtures.tenant(), Optional.empty());
    }

    private void assertCounts(Map<RequestStatus, Long> expected, TenantId countedTenant,
                              Optional<OrganizationId> organization) {
        Map<RequestStatus, Long> actual = tx(tx -> tx.countRequestsByStatus(countedTenant, organization));
        assertNotNull(actual, "countRequestsByStatus returned null");
        Map<RequestStatus, Long> expectedAll = new EnumMap<>(RequestStatus.class);
        Map<RequestStatus, Long> actualAll = new EnumMap<>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            expectedAll.put(status, expected.getOrDefault(status, 0L));
            Long count = actual.get(status);
            actualAll.put(status, count == null ? 0L : count);
        }
        assertEquals(expectedAll, actualAll, "counts by status for " + organization + " (missing status = 0)");
    }

    // =============================================================================================== contacts

    @Test
    @DisplayName("findContacts returns the request's contacts oldest first by receivedAt, equal field for field")
    void contactsReadBackOldestFirst() {
        Request stored = request(tenant, requestId());
        Request neighbour = request(tenant, requestId());
        Contact late = contact(stored.id(), Channel.EMAIL, at(300));
        Contact early = contact(stored.id(), Channel.PHONE, at(100));
        Contact middle = contact(stored.id(), Channel.IN_PERSON, StorageFixtures.atMicros(200_000_001));
        Contact neighbours = contact(neighbour.id(), Channel.CHAT, at(50));
        run(tx -> {
            tx.insertRequest(stored);
            tx.insertRequest(neighbour);
            tx.insertContact(tenant, late);
            tx.insertContact(tenant, neighbours);
        });
        run(tx -> {
            tx.insertContact(tenant, early);
            tx.insertContact(tenant, middle);
        });

        assertEquals(List.of(early, middle, late), tx(tx -> tx.findContacts(tenant, stored.id())));
        assertEquals(List.of(neighbours), tx(tx -> tx.findContacts(tenant, neighbour.id())));
        assertEquals(List.of(), tx(tx -> tx.findContacts(tenant, requestId())));
    }

    @Test
    @DisplayName("findContacts in another tenant returns nothing")
    void contactsAreInvisibleToOtherTenant() {
        Request stored = request(tenant, requestId());
        run(tx -> {
            tx.insertRequest(stored);
            tx.insertContact(tenant, contact(stored.id(), Channel.PHONE, at(1)));
        });

        assertEquals(List.of(), tx(tx -> tx.findContacts(otherTenant, stored.id())));
        assertEquals(1, tx(tx -> tx.findContacts(tenant, stored.id())).size());
    }

    // ================================================================================================= outbox

    @Test
    @DisplayName("findOutbox returns the request's messages oldest first, equal field for field")
    void outboxReadsBackOldestFirst() {
        Request stored = request(tenant, requestId());
        Request neighbour = request(tenant, requestId());
        OutboxMessage second = deliveredOutbox(tenant, stored.id(), at(20));
        OutboxMessage third = outbox(tenant, stored.id(), "request.resolved", at(30));
        OutboxMessage first = outbox(tenant, stored.id(), "request.registered", at(10));
        OutboxMessage neighbours = outbox(tenant, neighbour.id(), "request.registered", at(15));
        run(tx -> {
            tx.insertRequest(stored);
            tx.insertRequest(neighbour);
            tx.enqueueOutbox(third);
            tx.enqueueOutbox(neighbours);
        });
        run(tx -> {
            tx.enqueueOutbox(first);
            tx.enqueueOutbox(second);
        });

        assertEquals(List.of(first, second, third), tx(tx -> tx.findOutbox(tenant, stored.id())));
        assertEquals(List.of(neighbours), tx(tx -> tx.findOutbox(tenant, neighbour.id())));
        assertEquals(List.of(), tx(tx -> tx.findOutbox(tenant, requestId())));
    }

    @Test
    @DisplayName("findOutbox in another tenant returns nothing")
    void outboxIsInvisibleToOtherTenant() {
        Request stored = request(tenant, requestId());
        run(tx -> {
            tx.insertRequest(stored);
            tx.enqueueOutbox(outbox(tenant, stored.id(), "request.registered", at(1)));
        });

        assertEquals(List.of(), tx(tx -> tx.findOutbox(otherTenant, stored.id())));
        assertEquals(1, tx(tx -> tx.findOutbox(tenant, stored.id())).size());
    }

    // ============================================================================================== directory

    @Test
    @DisplayName("directory: an Organization reads back equal, with or without tax number")
    void organizationRoundTrip() {
        Organization withTax = new Organization(OrganizationId.of(uniqueId("org")), "ООО «Ромашка»", "7701234567");
        Organization withoutTax = new Organization(OrganizationId.of(uniqueId("org")), "Acme Ltd", null);

        assertRoundTrip(Organization.class, withTax, withoutTax);
    }

    @Test
    @DisplayName("directory: a Representative reads back equal, with e-mail only or phone only")
    void representativeRoundTrip() {
        OrganizationId org = OrganizationId.of(uniqueId("org"));
        Representative emailOnly = new Representative(RepresentativeId.of(uniqueId("rep")), org, "Анна Смирнова",
                "anna@example.com", null, false);
        Representative phoneOnly = new Representative(RepresentativeId.of(uniqueId("rep")), org, "John Doe", null,
                "+74951234567", false);

        assertRoundTrip(Representative.class, emailOnly, phoneOnly);
    }

    @Test
    @DisplayName("directory: a Site reads back equal")
    void siteRoundTrip() {
        OrganizationId org = OrganizationId.of(uniqueId("org"));
        Site site = new Site(SiteId.of(uniqueId("site")), org, "Head office", "Москва, ул. Тверская, д. 1");

        assertRoundTrip(Site.class, site);
    }

    @Test
    @DisplayName("directory: a SupportedSystem reads back equal with its two components, or with none")
    void supportedSystemRoundTrip() {
        OrganizationId org = OrganizationId.of(uniqueId("org"));
        SiteId siteId = SiteId.of(uniqueId("site"));
        SupportedSystem withComponents = new SupportedSystem(SystemId.of(uniqueId("sys")), org, "Office PBX",
                "Avaya", "IP Office 500", true, List.of(
                        new SystemComponent(ComponentId.of(uniqueId("cmp")), ComponentKind.HARDWARE, "IP500 V2",
                                "SN-0001", siteId),
                        new SystemComponent(ComponentId.of(uniqueId("cmp")), ComponentKind.SOFTWARE, "Manager 11",
                                null, siteId)));
        SupportedSystem withoutComponents = new SupportedSystem(SystemId.of(uniqueId("sys")), org, "Router",
                "MikroTik", "hEX", false, List.of());

        assertRoundTrip(SupportedSystem.class, withComponents, withoutComponents);
    }

    @Test
    @DisplayName("directory: a SupportGroup reads back equal")
    void supportGroupRoundTrip() {
        SupportGroup group = new SupportGroup(GroupId.of(uniqueId("grp")), "Telephony, second line",
                SupportLine.SECOND_LINE);

        assertRoundTrip(SupportGroup.class, group);
    }

    @Test
    @DisplayName("directory: a Specialist reads back equal, with or without a group")
    void specialistRoundTrip() {
        Specialist inGroup = new Specialist(SpecialistId.of(uniqueId("spec")), "Иван Иванов",
                Role.SECOND_LINE_ENGINEER, GroupId.of(uniqueId("grp")));
        Specialist withoutGroup = new Specialist(SpecialistId.of(uniqueId("spec")), "Lead", Role.INTAKE_LEAD, null);

        assertRoundTrip(Specialist.class, inGroup, withoutGroup);
    }

    @SafeVarargs
    private <T extends DirectoryEntry> void assertRoundTrip(Class<T> type, T... entries) {
        run(tx -> {
            for (T entry : entries) {
                tx.saveDirectoryEntry(tenant, entry);
            }
        });
        run(tx -> {
            for (T entry : entries) {
                assertEquals(Optional.of(entry), tx.findDirectoryEntry(tenant, type, entry.entryId()),
                        type.getSimpleName() + " " + entry.entryId());
            }
            assertEquals(Optional.empty(), tx.findDirectoryEntry(tenant, type, uniqueId("unknown")),
                    "unknown " + type.getSimpleName());
        });
    }

    @Test
    @DisplayName("directory: saving an entry again with the same id replaces it")
    void savingAgainReplaces() {
        OrganizationId orgId = OrganizationId.of(uniqueId("org"));
        Organization before = new Organization(orgId, "Old name", "7701234567");
        Organization after = new Organization(orgId, "New name", null);
        SiteId siteId = SiteId.of(uniqueId("site"));
        SystemId systemId = SystemId.of(uniqueId("sys"));
        SupportedSystem systemBefore = new SupportedSystem(systemId, orgId, "PBX", "Avaya", "IP500", false, List.of(
                new SystemComponent(ComponentId.of(uniqueId("cmp")), ComponentKind.HARDWARE, "A", "SN-A", siteId),
                new SystemComponent(ComponentId.of(uniqueId("cmp")), ComponentKind.SOFTWARE, "B", null, siteId)));
        SupportedSystem systemAfter = new SupportedSystem(systemId, orgId, "PBX v2", "Avaya", "IP500 V2", true,
                List.of(new SystemComponent(ComponentId.of(uniqueId("cmp")), ComponentKind.HARDWARE_SOFTWARE, "C",
                        "SN-C", siteId)));
        run(tx -> {
            tx.saveDirectoryEntry(tenant, before);
            tx.saveDirectoryEntry(tenant, systemBefore);
        });

        run(tx -> {
            tx.saveDirectoryEntry(tenant, after);
            tx.saveDirectoryEntry(tenant, systemAfter);
        });

        run(tx -> {
            assertEquals(Optional.of(after), tx.findDirectoryEntry(tenant, Organization.class, orgId.value()));
            assertEquals(List.of(after), tx.listDirectoryEntries(tenant, Organization.class, Optional.empty()));
            assertEquals(Optional.of(systemAfter),
                    tx.findDirectoryEntry(tenant, SupportedSystem.class, systemId.value()));
            assertEquals(List.of(systemAfter),
                    tx.listDirectoryEntries(tenant, SupportedSystem.class, Optional.empty()));
        });
    }

    @Test
    @DisplayName("directory: listDirectoryEntries filters by type and owner organisation and orders by id")
    void listFiltersByTypeAndOwner() {
        String p = uniqueId("d");
        OrganizationId org1 = OrganizationId.of(p + "-o1");
        OrganizationId org2 = OrganizationId.of(p + "-o2");
        Organization o1 = new Organization(org1, "One", null);
        Organization o2 = new Organization(org2, "Two", null);
        Site s1 = new Site(SiteId.of(p + "-s1"), org1, "S1", "Address 1");
        Site s2 = new Site(SiteId.of(p + "-s2"), org2, "S2", "Address 2");
        Site s3 = new Site(SiteId.of(p + "-s3"), org1, "S3", "Address 3");
        Representative r1 = new Representative(RepresentativeId.of(p + "-r1"), org2, "R1", "r1@example.com", null, false);
        Representative r2 = new Representative(RepresentativeId.of(p + "-r2"), org1, "R2", "r2@example.com", null, false);
        SupportedSystem y1 = new SupportedSystem(SystemId.of(p + "-y1"), org1, "Y1", "V", "M", false, List.of());
        SupportGroup g1 = new SupportGroup(GroupId.of(p + "-g1"), "G1", SupportLine.FIRST_LINE);
        SupportGroup g2 = new SupportGroup(GroupId.of(p + "-g2"), "G2", SupportLine.SECOND_LINE);
        Specialist sp1 = new Specialist(SpecialistId.of(p + "-p1"), "P1", Role.FIRST_LINE_OPERATOR, g1.id());
        run(tx -> {
            for (DirectoryEntry entry : List.<DirectoryEntry>of(s3, g2, o2, r2, s2, sp1, y1, o1, r1, s1, g1)) {
                tx.saveDirectoryEntry(tenant, entry);
            }
        });

        run(tx -> {
            assertEquals(List.of(s1, s3), tx.listDirectoryEntries(tenant, Site.class, Optional.of(org1)));
            assertEquals(List.of(s2), tx.listDirectoryEntries(tenant, Site.class, Optional.of(org2)));
            assertEquals(List.of(s1, s2, s3), tx.listDirectoryEntries(tenant, Site.class, Optional.empty()));
            assertEquals(List.of(r2), tx.listDirectoryEntries(tenant, Representative.class, Optional.of(org1)));
            assertEquals(List.of(r1, r2), tx.listDirectoryEntries(tenant, Representative.class, Optional.empty()));
            assertEquals(List.of(y1), tx.listDirectoryEntries(tenant, SupportedSystem.class, Optional.of(org1)));
            assertEquals(List.of(), tx.listDirectoryEntries(tenant, SupportedSystem.class, Optional.of(org2)));
            assertEquals(List.of(o1, o2), tx.listDirectoryEntries(tenant, Organization.class, Optional.empty()));
            assertEquals(List.of(o2), tx.listDirectoryEntries(tenant, Organization.class, Optional.of(org2)),
                    "an organisation is owned by itself");
            assertEquals(List.of(g1, g2), tx.listDirectoryEntries(tenant, SupportGroup.class, Optional.empty()));
            assertEquals(List.of(), tx.listDirectoryEntries(tenant, SupportGroup.class, Optional.of(org1)),
                    "a support group belongs to no organisation");
            assertEquals(List.of(sp1), tx.listDirectoryEntries(tenant, Specialist.class, Optional.empty()));
            assertEquals(List.of(), tx.listDirectoryEntries(tenant, Specialist.class, Optional.of(org1)),
                    "a specialist belongs to no organisation");
            assertEquals(List.of(), tx.listDirectoryEntries(tenant, Site.class,
                    Optional.of(OrganizationId.of(p + "-o9"))));
        });
    }

    private VisitRecord visitRecord(String id, RequestId request, Instant start, Duration length, VisitStatus status,
                                    String... technicians) {
        Visit visit = new Visit(id, request, SiteId.of("site-1"), start, start.plus(length), VisitPurpose.REPAIR,
                Arrays.stream(technicians).map(SpecialistId::of).toList(), Optional.empty(), status);
        return new VisitRecord(tenant, visit, visit.end().plus(Duration.ofMinutes(30)));
    }

    @Test
    @DisplayName("visits: a technician's slot is held by one visit only; a conflict writes nothing; cancelling frees it")
    void visitSlotsAreExclusive() {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        Instant ten = Instant.parse("2030-01-01T10:00:00Z"); // on the quarter-hour grid
        VisitRecord a = visitRecord(uniqueId("v"), request, ten, Duration.ofHours(2), VisitStatus.BOOKED, "tech-1");
        run(tx -> tx.insertVisit(a));
        assertEquals(10, a.slots().size(), "two hours and a 30-minute buffer");

        VisitRecord overlapping = visitRecord(uniqueId("v"), request, ten.plus(Duration.ofMinutes(135)),
                Duration.ofHours(1), VisitStatus.BOOKED, "tech-2", "tech-1");
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.insertVisit(overlapping)));
        assertEquals(Optional.empty(), tx(tx -> tx.findVisit(tenant, overlapping.visit().id())), "nothing stays");
        VisitRecord otherTechnician = visitRecord(uniqueId("v"), request, ten, Duration.ofHours(2),
                VisitStatus.BOOKED, "tech-2");
        run(tx -> tx.insertVisit(otherTechnician));
        assertEquals(List.of(a), tx(tx -> tx.findTechnicianVisits(tenant, SpecialistId.of("tech-1"),
                ten.plus(Duration.ofMinutes(140)), ten.plus(Duration.ofHours(5)))), "the buffer holds too");
        assertEquals(List.of(), tx(tx -> tx.findTechnicianVisits(tenant, SpecialistId.of("tech-1"),
                ten.plus(Duration.ofMinutes(150)), ten.plus(Duration.ofHours(5)))));

        VisitRecord movedOntoOther = new VisitRecord(tenant, new Visit(a.visit().id(), request, a.visit().site(),
                ten, ten.plus(Duration.ofHours(2)), VisitPurpose.REPAIR, List.of(SpecialistId.of("tech-1"),
                SpecialistId.of("tech-2")), Optional.empty(), VisitStatus.BOOKED), a.heldUntil());
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.updateVisit(movedOntoOther)));
        assertEquals(Optional.of(a), tx(tx -> tx.findVisit(tenant, a.visit().id())), "the failed move changed nothing");

        VisitRecord cancelled = visitRecord(a.visit().id(), request, ten, Duration.ofHours(2), VisitStatus.CANCELLED,
                "tech-1");
        run(tx -> tx.updateVisit(cancelled));
        run(tx -> tx.insertVisit(overlapping.visit().technicians().contains(SpecialistId.of("tech-2"))
                ? visitRecord(overlapping.visit().id(), request, ten.plus(Duration.ofMinutes(150)),
                Duration.ofHours(1), VisitStatus.BOOKED, "tech-1") : overlapping));
        List<String> sameStart = new ArrayList<>(List.of(cancelled.visit().id(), otherTechnician.visit().id()));
        sameStart.sort(null); // visits starting together are ordered by id
        assertEquals(List.of(sameStart.get(0), sameStart.get(1), overlapping.visit().id()),
                tx(tx -> tx.findVisits(tenant, request)).stream().map(v -> v.visit().id()).toList(),
                "a request's visits, by start");
        assertEquals(List.of(), tx(tx -> tx.findVisits(otherTenant, request)));
    }

    @Test
    @DisplayName("directory: a page of entries starts after an id, keeps the owner filter and the order, never repeats")
    void pagesDirectoryEntries() {
        String p = uniqueId("d");
        OrganizationId org1 = OrganizationId.of(p + "-o1");
        OrganizationId org2 = OrganizationId.of(p + "-o2");
        List<Site> ofOrg1 = new ArrayList<>();
        run(tx -> {
            tx.saveDirectoryEntry(tenant, new Organization(org1, "One", null));
            tx.saveDirectoryEntry(tenant, new Organization(org2, "Two", null));
            for (int i = 0; i < 7; i++) {
                Site site = new Site(SiteId.of(p + "-s" + i), i % 3 == 2 ? org2 : org1, "S" + i, "Address " + i);
                tx.saveDirectoryEntry(tenant, site);
                if (site.organization().equals(org1)) {
                    ofOrg1.add(site);
                }
            }
        });
        run(tx -> {
            List<Site> all = tx.listDirectoryEntries(tenant, Site.class, Optional.empty());
            List<Site> paged = new ArrayList<>();
            Optional<String> after = Optional.empty();
            for (List<Site> page = tx.listDirectoryEntries(tenant, Site.class, Optional.empty(), after, 3);
                 !page.isEmpty(); page = tx.listDirectoryEntries(tenant, Site.class, Optional.empty(), after, 3)) {
                assertTrue(page.size() <= 3, "at most the limit");
                paged.addAll(page);
                after = Optional.of(page.get(page.size() - 1).entryId());
            }
            assertEquals(all, paged, "pages of three give the whole list in its order");
            assertEquals(ofOrg1.subList(1, 3), tx.listDirectoryEntries(tenant, Site.class, Optional.of(org1),
                    Optional.of(ofOrg1.get(0).entryId()), 2), "the owner filter holds on a page");
            assertEquals(List.of(), tx.listDirectoryEntries(tenant, Site.class, Optional.of(org1),
                    Optional.of(ofOrg1.get(ofOrg1.size() - 1).entryId()), 10), "nothing after the last one");
        });
    }

    @Test
    @DisplayName("directory: another tenant sees none of the entries and may use the same ids for its own")
    void directoryIsTenantScoped() {
        OrganizationId orgId = OrganizationId.of(uniqueId("org"));
        Organization mine = new Organization(orgId, "Mine", "111");
        Site mySite = new Site(SiteId.of(uniqueId("site")), orgId, "My site", "My address");
        Specialist mySpecialist = new Specialist(SpecialistId.of(uniqueId("spec")), "Me", Role.GROUP_LEAD, null);
        run(tx -> {
            tx.saveDirectoryEntry(tenant, mine);
            tx.saveDirectoryEntry(tenant, mySite);
            tx.saveDirectoryEntry(tenant, mySpecialist);
        });

        run(tx -> {
            assertEquals(Optional.empty(), tx.findDirectoryEntry(otherTenant, Organization.class, orgId.value()));
            assertEquals(Optional.empty(), tx.findDirectoryEntry(otherTenant, Site.class, mySite.entryId()));
            assertEquals(Optional.empty(),
                    tx.findDirectoryEntry(otherTenant, Specialist.class, mySpecialist.entryId()));
            assertEquals(List.of(), tx.listDirectoryEntries(otherTenant, Organization.class, Optional.empty()));
            assertEquals(List.of(), tx.listDirectoryEntries(otherTenant, Site.class, Optional.of(orgId)));
            assertEquals(List.of(), tx.listDirectoryEntries(otherTenant, Specialist.class, Optional.empty()));
        });

        Organization theirs = new Organization(orgId, "Theirs", "222");
        run(tx -> tx.saveDirectoryEntry(otherTenant, theirs));

        run(tx -> {
            assertEquals(Optional.of(mine), tx.findDirectoryEntry(tenant, Organization.class, orgId.value()));
            assertEquals(Optional.of(theirs), tx.findDirectoryEntry(otherTenant, Organization.class, orgId.value()));
            assertEquals(List.of(mine), tx.listDirectoryEntries(tenant, Organization.class, Optional.empty()));
            assertEquals(List.of(theirs), tx.listDirectoryEntries(otherTenant, Organization.class, Optional.empty()));
        });
    }

    @Test
    @DisplayName("directory: entries of different types with the same id text do not collide")
    void sameIdDifferentTypesDoNotCollide() {
        String id = uniqueId("same");
        OrganizationId org = OrganizationId.of(id);
        Organization organization = new Organization(org, "Org", null);
        Representative representative = new Representative(RepresentativeId.of(id), org, "Rep", "r@example.com",
                null, false);
        Site site = new Site(SiteId.of(id), org, "Site", "Address");
        SupportedSystem system = new SupportedSystem(SystemId.of(id), org, "System", "V", "M", false,
                List.of(new SystemComponent(ComponentId.of(id), ComponentKind.HARDWARE, "M", "SN", SiteId.of(id))));
        SupportGroup group = new SupportGroup(GroupId.of(id), "Group", SupportLine.FIRST_LINE);
        Specialist specialist = new Specialist(SpecialistId.of(id), "Specialist", Role.FIRST_LINE_OPERATOR,
                GroupId.of(id));
        run(tx -> {
            for (DirectoryEntry entry : List.<DirectoryEntry>of(organization, representative, site, system, group,
                    specialist)) {
                tx.saveDirectoryEntry(tenant, entry);
            }
        });

        run(tx -> {
            assertEquals(Optional.of(organization), tx.findDirectoryEntry(tenant, Organization.class, id));
            assertEquals(Optional.of(representative), tx.findDirectoryEntry(tenant, Representative.class, id));
            assertEquals(Optional.of(site), tx.findDirectoryEntry(tenant, Site.class, id));
            assertEquals(Optional.of(system), tx.findDirectoryEntry(tenant, SupportedSystem.class, id));
            assertEquals(Optional.of(group), tx.findDirectoryEntry(tenant, SupportGroup.class, id));
            assertEquals(Optional.of(specialist), tx.findDirectoryEntry(tenant, Specialist.class, id));
            assertEquals(List.of(organization), tx.listDirectoryEntries(tenant, Organization.class, Optional.empty()));
            assertEquals(List.of(representative),
                    tx.listDirectoryEntries(tenant, Representative.class, Optional.empty()));
            assertEquals(List.of(site), tx.listDirectoryEntries(tenant, Site.class, Optional.empty()));
            assertEquals(List.of(system), tx.listDirectoryEntries(tenant, SupportedSystem.class, Optional.empty()));
            assertEquals(List.of(group), tx.listDirectoryEntries(tenant, SupportGroup.class, Optional.empty()));
            assertEquals(List.of(specialist), tx.listDirectoryEntries(tenant, Specialist.class, Optional.empty()));
        });
    }

    // ============================================================================================== catalogue

    private static final String ARTICLE = "article";
    private static final String FAQ = "faq";

    /** A version of a catalogue document of the main tenant. */
    private CatalogRecord doc(String kind, String id, int version, Optional<String> key) {
        return catalogRecord(tenant, kind, id, version, key);
    }

    /** A version of an article of the main tenant, without a key. */
    private CatalogRecord article(String id, int version) {
        return doc(ARTICLE, id, version, Optional.empty());
    }

    /** A version of an article of the main tenant with a key. */
    private CatalogRecord article(String id, int version, String key) {
        return doc(ARTICLE, id, version, Optional.of(key));
    }

    private static List<String> catalogIds(List<CatalogRecord> records) {
        return records.stream().map(r -> r.id() + "@" + r.version()).collect(Collectors.toList());
    }

    private void assertListed(List<CatalogRecord> expected, TenantId listedTenant, String kind, Optional<String> key) {
        List<CatalogRecord> actual = tx(tx -> tx.listCatalogRecords(listedTenant, kind, key));
        assertEquals(catalogIds(expected), catalogIds(actual), "ids@versions (in order) listed for kind " + kind
                + " and key " + key);
        assertEquals(expected, actual, "records listed for kind " + kind + " and key " + key);
    }

    @Test
    @DisplayName("catalogue: insertCatalogRecord then findCatalogRecord, findCatalogRecordVersion and findCatalogHistory return it; unknown ids are empty")
    void catalogRecordReadsBackEqual() {
        String id = uniqueId("art");
        CatalogRecord v1 = article(id, 1, "req-1");

        run(tx -> {
            tx.insertCatalogRecord(v1);
            assertEquals(Optional.of(v1), tx.findCatalogRecord(tenant, ARTICLE, id),
                    "a transaction must see its own catalogue insert");
        });

        run(tx -> {
            assertEquals(Optional.of(v1), tx.findCatalogRecord(tenant, ARTICLE, id));
            assertEquals(Optional.of(v1), tx.findCatalogRecordVersion(tenant, ARTICLE, id, 1));
            assertEquals(Optional.empty(), tx.findCatalogRecordVersion(tenant, ARTICLE, id, 2));
            assertEquals(List.of(v1), tx.findCatalogHistory(tenant, ARTICLE, id));
            String unknown = uniqueId("art");
            assertEquals(Optional.empty(), tx.findCatalogRecord(tenant, ARTICLE, unknown));
            assertEquals(Optional.empty(), tx.findCatalogRecordVersion(tenant, ARTICLE, unknown, 1));
            assertEquals(List.of(), tx.findCatalogHistory(tenant, ARTICLE, unknown));
        });
    }

    @Test
    @DisplayName("catalogue: the latest version is the highest, whatever the insert order; every version stays readable; history is oldest first")
    void catalogLatestIsHighestVersion() {
        String p = uniqueId("art");
        String steady = p + "-1";
        CatalogRecord s1 = article(steady, 1);
        CatalogRecord s2 = article(steady, 2);
        CatalogRecord s3 = article(steady, 3);
        run(tx -> tx.insertCatalogRecord(s1));
        run(tx -> tx.insertCatalogRecord(s2));
        assertEquals(Optional.of(s2), tx(tx -> tx.findCatalogRecord(tenant, ARTICLE, steady)));
        run(tx -> tx.insertCatalogRecord(s3));

        String scrambled = p + "-2";
        CatalogRecord x2 = article(scrambled, 2);
        CatalogRecord x3 = article(scrambled, 3);
        CatalogRecord x5 = article(scrambled, 5);
        CatalogRecord x10 = article(scrambled, 10);
        run(tx -> {
            tx.insertCatalogRecord(x5);
            tx.insertCatalogRecord(x2);
        });
        run(tx -> tx.insertCatalogRecord(x3));
        assertEquals(Optional.of(x5), tx(tx -> tx.findCatalogRecord(tenant, ARTICLE, scrambled)),
                "a lower version inserted later does not become the latest");

        run(tx -> {
            assertEquals(Optional.of(s3), tx.findCatalogRecord(tenant, ARTICLE, steady));
            assertEquals(Optional.of(s1), tx.findCatalogRecordVersion(tenant, ARTICLE, steady, 1));
            assertEquals(Optional.of(s2), tx.findCatalogRecordVersion(tenant, ARTICLE, steady, 2));
            assertEquals(Optional.of(s3), tx.findCatalogRecordVersion(tenant, ARTICLE, steady, 3));
            assertEquals(List.of(s1, s2, s3), tx.findCatalogHistory(tenant, ARTICLE, steady));
            assertEquals(Optional.of(x2), tx.findCatalogRecordVersion(tenant, ARTICLE, scrambled, 2));
            assertEquals(Optional.of(x3), tx.findCatalogRecordVersion(tenant, ARTICLE, scrambled, 3));
            assertEquals(Optional.empty(), tx.findCatalogRecordVersion(tenant, ARTICLE, scrambled, 4));
            assertEquals(List.of(x2, x3, x5), tx.findCatalogHistory(tenant, ARTICLE, scrambled));
        });
        assertListed(List.of(s3, x5), tenant, ARTICLE, Optional.empty());

        run(tx -> tx.insertCatalogRecord(x10));
        assertEquals(Optional.of(x10), tx(tx -> tx.findCatalogRecord(tenant, ARTICLE, scrambled)),
                "a higher version becomes the latest, even with a gap (version 2 after 10 sorts as a number)");
        assertEquals(List.of(x2, x3, x5, x10), tx(tx -> tx.findCatalogHistory(tenant, ARTICLE, scrambled)));
        assertListed(List.of(s3, x10), tenant, ARTICLE, Optional.empty());
    }

    @Test
    @DisplayName("catalogue: a version that is stored already conflicts, rolls back its transaction and keeps the first record and the latest")
    void catalogDuplicateVersionConflicts() {
        String id = uniqueId("art");
        CatalogRecord v1 = article(id, 1, "key-1");
        CatalogRecord v2 = article(id, 2, "key-2");
        run(tx -> {
            tx.insertCatalogRecord(v1);
            tx.insertCatalogRecord(v2);
        });
        CatalogRecord otherV2 = new CatalogRecord(tenant, ARTICLE, id, 2, Optional.of("intruder"), at(999),
                "{\"intruder\":true}");
        CatalogRecord otherV1 = new CatalogRecord(tenant, ARTICLE, id, 1, Optional.empty(), at(998), "{}");
        String bystanderId = uniqueId("art");
        CatalogRecord bystander = article(bystanderId, 1);

        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> {
            tx.insertCatalogRecord(bystander);
            tx.insertCatalogRecord(otherV2);
        }));
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.insertCatalogRecord(otherV1)));
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.insertCatalogRecord(v2)),
                "the very same record again is a duplicate too");

        run(tx -> {
            assertEquals(Optional.of(v2), tx.findCatalogRecord(tenant, ARTICLE, id));
            assertEquals(Optional.of(v1), tx.findCatalogRecordVersion(tenant, ARTICLE, id, 1));
            assertEquals(Optional.of(v2), tx.findCatalogRecordVersion(tenant, ARTICLE, id, 2));
            assertEquals(List.of(v1, v2), tx.findCatalogHistory(tenant, ARTICLE, id));
            assertEquals(Optional.empty(), tx.findCatalogRecord(tenant, ARTICLE, bystanderId),
                    "the transaction that hit the conflict must have rolled back");
        });
        assertListed(List.of(v2), tenant, ARTICLE, Optional.empty());
        assertListed(List.of(v2), tenant, ARTICLE, Optional.of("key-2"));
        assertListed(List.of(), tenant, ARTICLE, Optional.of("intruder"));
    }

    @Test
    @DisplayName("catalogue: listCatalogRecords returns the latest version of each document, ordered by id by code point")
    void catalogListIsLatestPerIdInCodePointOrder() {
        String p = uniqueId("c");
        // Code point order; a locale collation would put "a" before "B" and "Ä" next to "a", and UTF-16
        // order (Java's String.compareTo) would put the emoji (a surrogate pair) before U+FF21.
        List<String> suffixes = List.of("B", "Z", "a", "b", "z", "Ä", "ä", "Я", "\uFF21", "\uD83D\uDCDE");
        Map<String, CatalogRecord> latest = new HashMap<>();
        List<CatalogRecord> inserts = new ArrayList<>();
        for (int i = 0; i < suffixes.size(); i++) {
            String id = p + "-" + suffixes.get(i);
            int versions = 1 + i % 3;
            for (int v = 1; v <= versions; v++) {
                inserts.add(article(id, v));
            }
            latest.put(suffixes.get(i), article(id, versions));
        }
        List<CatalogRecord> scrambled = new ArrayList<>(inserts);
        Collections.shuffle(scrambled, new Random(42));
        run(tx -> scrambled.subList(0, scrambled.size() / 2).forEach(tx::insertCatalogRecord));
        run(tx -> scrambled.subList(scrambled.size() / 2, scrambled.size()).forEach(tx::insertCatalogRecord));

        List<CatalogRecord> expected = suffixes.stream().map(latest::get).collect(Collectors.toList());
        assertListed(expected, tenant, ARTICLE, Optional.empty());
        assertListed(List.of(), tenant, FAQ, Optional.empty());
    }

    @Test
    @DisplayName("catalogue: the key filter applies to each document's latest version only, matches the key exactly and orders by id")
    void catalogKeyFilterUsesLatestVersion() {
        String p = uniqueId("k");
        String key = uniqueId("req");
        CatalogRecord keptKey1 = article(p + "-1", 1, key);
        CatalogRecord keptKey2 = article(p + "-1", 2, key);
        CatalogRecord lostKey1 = article(p + "-2", 1, key);
        CatalogRecord lostKey2 = article(p + "-2", 2);
        CatalogRecord gainedKey1 = article(p + "-3", 1);
        CatalogRecord gainedKey2 = article(p + "-3", 2, key);
        CatalogRecord movedKey1 = article(p + "-4", 1, key);
        CatalogRecord movedKey2 = article(p + "-4", 2, "other-" + key);
        CatalogRecord highFirst3 = article(p + "-5", 3, key);
        CatalogRecord lowLater2 = article(p + "-5", 2);
        CatalogRecord highFirstNoKey3 = article(p + "-6", 3);
        CatalogRecord lowLaterKey2 = article(p + "-6", 2, key);
        CatalogRecord prefixKey = article(p + "-7", 1, key + "-suffix");
        CatalogRecord upperKey = article(p + "-8", 1, key.toUpperCase(Locale.ROOT));
        CatalogRecord otherKind = doc(FAQ, p + "-9", 1, Optional.of(key));
        run(tx -> List.of(keptKey1, lostKey1, gainedKey1, movedKey1, highFirst3, highFirstNoKey3, prefixKey,
                upperKey, otherKind).forEach(tx::insertCatalogRecord));
        run(tx -> List.of(keptKey2, lostKey2, gainedKey2, movedKey2, lowLater2, lowLaterKey2)
                .forEach(tx::insertCatalogRecord));

        assertListed(List.of(keptKey2, gainedKey2, highFirst3), tenant, ARTICLE, Optional.of(key));
        assertListed(List.of(movedKey2), tenant, ARTICLE, Optional.of("other-" + key));
        assertListed(List.of(otherKind), tenant, FAQ, Optional.of(key));
        assertListed(List.of(), tenant, ARTICLE, Optional.of(uniqueId("req")));
        assertListed(List.of(keptKey2, lostKey2, gainedKey2, movedKey2, highFirst3, highFirstNoKey3, prefixKey,
                upperKey), tenant, ARTICLE, Optional.empty());
    }

    @Test
    @DisplayName("catalogue: another tenant sees none of the documents, may store the same kind, id and version, and has its own latest")
    void catalogIsTenantScoped() {
        String id = uniqueId("art");
        String key = uniqueId("req");
        CatalogRecord mine1 = article(id, 1, key);
        CatalogRecord mine2 = article(id, 2, key);
        run(tx -> {
            tx.insertCatalogRecord(mine1);
            tx.insertCatalogRecord(mine2);
        });

        run(tx -> {
            assertEquals(Optional.empty(), tx.findCatalogRecord(otherTenant, ARTICLE, id));
            assertEquals(Optional.empty(), tx.findCatalogRecordVersion(otherTenant, ARTICLE, id, 1));
            assertEquals(List.of(), tx.findCatalogHistory(otherTenant, ARTICLE, id));
        });
        assertListed(List.of(), otherTenant, ARTICLE, Optional.empty());
        assertListed(List.of(), otherTenant, ARTICLE, Optional.of(key));

        CatalogRecord theirs1 = catalogRecord(otherTenant, ARTICLE, id, 1, Optional.of(key));
        run(tx -> tx.insertCatalogRecord(theirs1));
        CatalogRecord theirs2 = catalogRecord(otherTenant, ARTICLE, id, 2, Optional.empty());
        CatalogRecord mine3 = article(id, 3);
        run(tx -> tx.insertCatalogRecord(mine3));

        run(tx -> {
            assertEquals(Optional.of(theirs1), tx.findCatalogRecord(otherTenant, ARTICLE, id),
                    "a newer version in one tenant does not touch another tenant's latest");
            assertEquals(List.of(theirs1), tx.findCatalogHistory(otherTenant, ARTICLE, id));
            assertEquals(Optional.of(mine3), tx.findCatalogRecord(tenant, ARTICLE, id));
            assertEquals(List.of(mine1, mine2, mine3), tx.findCatalogHistory(tenant, ARTICLE, id));
        });
        assertListed(List.of(theirs1), otherTenant, ARTICLE, Optional.empty());
        assertListed(List.of(theirs1), otherTenant, ARTICLE, Optional.of(key));
        assertListed(List.of(mine3), tenant, ARTICLE, Optional.empty());
        assertListed(List.of(), tenant, ARTICLE, Optional.of(key));

        run(tx -> tx.insertCatalogRecord(theirs2));
        assertEquals(Optional.of(mine3), tx(tx -> tx.findCatalogRecord(tenant, ARTICLE, id)));
        assertEquals(Optional.of(theirs2), tx(tx -> tx.findCatalogRecord(otherTenant, ARTICLE, id)));
        assertEquals(List.of(), tx(tx -> tx.findCatalogHistory(StorageFixtures.tenant(), ARTICLE, id)),
                "a tenant without documents");
    }

    @Test
    @DisplayName("catalogue: documents of different kinds with the same id and version do not collide and have their own latest")
    void catalogKindsDoNotCollide() {
        String id = uniqueId("same");
        CatalogRecord article1 = article(id, 1, "k");
        CatalogRecord article2 = article(id, 2, "k");
        CatalogRecord faq1 = doc(FAQ, id, 1, Optional.of("k"));
        run(tx -> {
            tx.insertCatalogRecord(faq1);
            tx.insertCatalogRecord(article1);
        });
        run(tx -> tx.insertCatalogRecord(article2));

        run(tx -> {
            assertEquals(Optional.of(article2), tx.findCatalogRecord(tenant, ARTICLE, id));
            assertEquals(Optional.of(faq1), tx.findCatalogRecord(tenant, FAQ, id),
                    "a newer article does not touch the FAQ entry's latest");
            assertEquals(Optional.of(faq1), tx.findCatalogRecordVersion(tenant, FAQ, id, 1));
            assertEquals(Optional.empty(), tx.findCatalogRecordVersion(tenant, FAQ, id, 2));
            assertEquals(List.of(article1, article2), tx.findCatalogHistory(tenant, ARTICLE, id));
            assertEquals(List.of(faq1), tx.findCatalogHistory(tenant, FAQ, id));
            assertEquals(Optional.empty(), tx.findCatalogRecord(tenant, "consultation", id));
        });
        assertListed(List.of(article2), tenant, ARTICLE, Optional.empty());
        assertListed(List.of(faq1), tenant, FAQ, Optional.empty());
        assertListed(List.of(faq1), tenant, FAQ, Optional.of("k"));
        assertListed(List.of(), tenant, "consultation", Optional.empty());
    }

    @Test
    @DisplayName("catalogue: a transaction whose work throws leaves no catalogue record and no change of the latest version")
    void catalogFailedTransactionRollsBack() {
        String existing = uniqueId("art");
        CatalogRecord existing1 = article(existing, 1, "k");
        run(tx -> tx.insertCatalogRecord(existing1));
        String fresh = uniqueId("art");
        CatalogRecord existing2 = article(existing, 2);
        CatalogRecord fresh1 = article(fresh, 1, "k");
        CatalogRecord fresh2 = article(fresh, 2, "k");

        assertThrows(DeliberateFailure.class, () -> run(tx -> {
            tx.insertCatalogRecord(existing2);
            tx.insertCatalogRecord(fresh1);
            tx.insertCatalogRecord(fresh2);
            assertEquals(Optional.of(existing2), tx.findCatalogRecord(tenant, ARTICLE, existing));
            throw new DeliberateFailure();
        }));

        run(tx -> {
            assertEquals(Optional.of(existing1), tx.findCatalogRecord(tenant, ARTICLE, existing),
                    "the latest version must be the one before the failed transaction");
            assertEquals(List.of(existing1), tx.findCatalogHistory(tenant, ARTICLE, existing));
            assertEquals(Optional.empty(), tx.findCatalogRecordVersion(tenant, ARTICLE, existing, 2));
            assertEquals(Optional.empty(), tx.findCatalogRecord(tenant, ARTICLE, fresh));
            assertEquals(List.of(), tx.findCatalogHistory(tenant, ARTICLE, fresh));
        });
        assertListed(List.of(existing1), tenant, ARTICLE, Optional.empty());
        assertListed(List.of(existing1), tenant, ARTICLE, Optional.of("k"));

        run(tx -> tx.insertCatalogRecord(existing2));
        assertEquals(Optional.of(existing2), tx(tx -> tx.findCatalogRecord(tenant, ARTICLE, existing)),
                "the rolled-back version can be stored afterwards");
    }

    @Test
    @DisplayName("catalogue: JSON with Cyrillic, escapes and emoji, a 200 KB document, a 64-character kind and 255-character id and key read back equal")
    void catalogDataRoundTrips() {
        String cyrillicId = uniqueId("art");
        CatalogRecord cyrillic = new CatalogRecord(tenant, ARTICLE, cyrillicId, 1, Optional.of("заявка-№1"),
                at(5), "{\"title\":\"АТС не отвечает — «срочно»\",\"body\":\"Строка 1\\nСтрока 2\\t\\\"цитата\\\" "
                        + "\\\\ обратная черта\",\"emoji\":\"\uD83D\uDCDE\",\"empty\":\"\",\"nested\":{\"list\":[1,2.5,"
                        + "null,true]}}");
        StringBuilder big = new StringBuilder("{\"items\":[");
        for (int i = 0; big.length() < 200 * 1024; i++) {
            big.append(i == 0 ? "" : ",").append("{\"n\":").append(i)
                    .append(",\"text\":\"Пункт базы решений номер ").append(i).append(" — проверьте питание\"}");
        }
        String bigJson = big.append("]}").toString();
        assertTrue(bigJson.length() >= 200 * 1024, "the document must be at least 200 KB of characters");
        String bigId = uniqueId("big");
        CatalogRecord large = new CatalogRecord(tenant, ARTICLE, bigId, 1, Optional.empty(), at(6), bigJson);
        String longKind = "k" + "ы".repeat(63);
        String longId = (uniqueId("long") + "-" + "Ж".repeat(255)).substring(0, 255);
        String longKey = "ключ-" + "я".repeat(250);
        CatalogRecord limits = new CatalogRecord(tenant, longKind, longId, 1, Optional.of(longKey), at(7), "{}");
        assertEquals(64, longKind.length());
        assertEquals(255, longId.length());
        assertEquals(255, longKey.length());

        run(tx -> {
            tx.insertCatalogRecord(cyrillic);
            tx.insertCatalogRecord(large);
            tx.insertCatalogRecord(limits);
        });

        run(tx -> {
            assertEquals(Optional.of(cyrillic), tx.findCatalogRecord(tenant, ARTICLE, cyrillicId));
            CatalogRecord readLarge = tx.findCatalogRecord(tenant, ARTICLE, bigId).orElseThrow();
            assertEquals(bigJson.length(), readLarge.data().length(), "length of the 200 KB document");
            assertEquals(large, readLarge);
            assertEquals(Optional.of(limits), tx.findCatalogRecord(tenant, longKind, longId));
            assertEquals(List.of(limits), tx.listCatalogRecords(tenant, longKind, Optional.of(longKey)));
            assertEquals(List.of(cyrillic), tx.listCatalogRecords(tenant, ARTICLE, Optional.of("заявка-№1")));
            assertEquals(List.of(), tx.listCatalogRecords(tenant, ARTICLE, Optional.of("заявка-№2")));
        });
    }

    @Test
    @DisplayName("catalogue: updatedAt keeps microseconds")
    void catalogUpdatedAtKeepsMicroseconds() {
        String id = uniqueId("art");
        CatalogRecord v1 = new CatalogRecord(tenant, ARTICLE, id, 1, Optional.empty(), StorageFixtures.atMicros(1),
                "{\"v\":1}");
        CatalogRecord v2 = new CatalogRecord(tenant, ARTICLE, id, 2, Optional.empty(),
                StorageFixtures.atMicros(999_999), "{\"v\":2}");
        CatalogRecord v3 = new CatalogRecord(tenant, ARTICLE, id, 3, Optional.empty(),
                Instant.parse("2026-12-31T23:59:59.000001Z"), "{\"v\":3}");
        run(tx -> {
            tx.insertCatalogRecord(v1);
            tx.insertCatalogRecord(v2);
            tx.insertCatalogRecord(v3);
        });

        List<CatalogRecord> history = tx(tx -> tx.findCatalogHistory(tenant, ARTICLE, id));
        assertEquals(List.of(v1.updatedAt(), v2.updatedAt(), v3.updatedAt()),
                history.stream().map(CatalogRecord::updatedAt).collect(Collectors.toList()));
        assertEquals(List.of(v1, v2, v3), history);
    }

    @Test
    @DisplayName("catalogue: a record without a key reads back without one and is never listed under a key")
    void catalogEmptyKeyRoundTrips() {
        String without = uniqueId("art");
        String with = uniqueId("art");
        CatalogRecord noKey = article(without, 1);
        CatalogRecord withKey = article(with, 1, "k-1");
        run(tx -> {
            tx.insertCatalogRecord(noKey);
            tx.insertCatalogRecord(withKey);
        });

        run(tx -> {
            CatalogRecord read = tx.findCatalogRecord(tenant, ARTICLE, without).orElseThrow();
            assertEquals(Optional.empty(), read.key());
            assertEquals(noKey, read);
            assertEquals(Optional.of(noKey), tx.findCatalogRecordVersion(tenant, ARTICLE, without, 1));
            assertEquals(List.of(noKey), tx.findCatalogHistory(tenant, ARTICLE, without));
            assertEquals(Optional.of("k-1"), tx.findCatalogRecord(tenant, ARTICLE, with).orElseThrow().key());
        });
        List<CatalogRecord> all = new ArrayList<>(List.of(noKey, withKey));
        all.sort(Comparator.comparing(CatalogRecord::id));
        assertListed(all, tenant, ARTICLE, Optional.empty());
        assertListed(List.of(withKey), tenant, ARTICLE, Optional.of("k-1"));
        assertListed(List.of(), tenant, ARTICLE, Optional.of(""));
    }

    @Test
    @DisplayName("catalogue: concurrent inserts of different versions of one document keep every version and exactly one latest, the highest")
    void concurrentCatalogInsertsKeepOneLatest() throws Exception {
        String id = uniqueId("art");
        int threads = 4;
        int versionsPerThread = 15;
        int highest = threads * versionsPerThread;
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t + 1;
                futures.add(pool.submit(() -> {
                    awaitQuietly(start);
                    for (int version = first; version <= highest; version += threads) {
                        CatalogRecord record = article(id, version);
                        for (int attempt = 1; ; attempt++) {
                            try {
                                run(tx -> tx.insertCatalogRecord(record));
                                break;
                            } catch (ConcurrencyConflictException e) {
                                conflicts.incrementAndGet();
                                if (attempt == 100) {
                                    unexpected.add(e);
                                    break;
                                }
                            } catch (RuntimeException | Error e) {
                                unexpected.add(e);
                                break;
                            }
                        }
                    }
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }

        if (!unexpected.isEmpty()) {
            fail(unexpected.size() + " insert(s) failed other than by a conflict that a retry resolved",
                    unexpected.peek());
        }
        List<Integer> versions = tx(tx -> tx.findCatalogHistory(tenant, ARTICLE, id)).stream()
                .map(CatalogRecord::version).collect(Collectors.toList());
        assertEquals(IntStream.rangeClosed(1, highest).boxed().collect(Collectors.toList()),
                versions, "every version stored once, oldest first (conflicts retried: " + conflicts + ")");
        assertEquals(Optional.of(article(id, highest)), tx(tx -> tx.findCatalogRecord(tenant, ARTICLE, id)));
        assertListed(List.of(article(id, highest)), tenant, ARTICLE, Optional.empty());
    }

    // ============================================================================================ concurrency

    @Test
    @DisplayName("concurrent read-then-update transactions on one request lose no update: final version = 1 + successes")
    void concurrentUpdatesLoseNothing() throws InterruptedException {
        int threads = 8;
        int rounds = 25;
        Request initial = request(tenant, requestId());
        run(tx -> tx.insertRequest(initial));
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    if (!awaitQuietly(start)) {
                        return;
                    }
                    for (int round = 0; round < rounds; round++) {
                        String description = "thread " + thread + " round " + round;
                        try {
                            provider.inTransaction(tx -> {
                                Request current = tx.findRequest(tenant, initial.id()).orElseThrow();
                                tx.updateRequest(nextVersion(current, description), current.version());
                                return null;
                            });
                            successes.incrementAndGet();
                        } catch (ConcurrencyConflictException e) {
                            conflicts.incrementAndGet();
                        } catch (RuntimeException | Error e) {
                            unexpected.add(e);
                        }
                    }
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "worker threads did not start");
            start.countDown();
            for (Future<?> future : futures) {
                try {
                    future.get(2, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    fail("worker failed", e.getCause());
                } catch (TimeoutException e) {
                    fail("worker did not finish within 2 minutes (deadlock?)", e);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }

        if (!unexpected.isEmpty()) {
            fail(unexpected.size() + " transaction(s) failed with something other than ConcurrencyConflictException",
                    unexpected.peek());
        }
        assertEquals(threads * rounds, successes.get() + conflicts.get(), "every attempt succeeds or conflicts");
        assertTrue(successes.get() >= 1, "at least one update must succeed");
        Request last = tx(tx -> tx.findRequest(tenant, initial.id())).orElseThrow();
        assertEquals(1L + successes.get(), last.version(),
                "final version (successes=" + successes + ", conflicts=" + conflicts + ")");
        assertEquals(initial.journalSequence() + successes.get(), last.journalSequence(),
                "every successful update must have been based on the previous one");
    }

    // ================================================================================================ helpers

    /**
     * Runs work in one transaction of the provider under test.
     *
     * @param work the work
     * @param <T>  the result type
     * @return what the work returned
     */
    protected final <T> T tx(Function<StorageTransaction, T> work) {
        return provider.inTransaction(work);
    }

    /**
     * Runs work without a result in one transaction of the provider under test.
     *
     * @param work the work
     */
    protected final void run(Consumer<StorageTransaction> work) {
        provider.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private static void assertConflictOrNotFound(Runnable action) {
        SupportException e = assertThrows(SupportException.class, action::run);
        assertTrue(e instanceof ConcurrencyConflictException || e instanceof NotFoundException,
                "expected ConcurrencyConflictException or NotFoundException but got " + e);
    }

    // ================================================================================ duplicates

    @Test
    @DisplayName("a duplicate contact id or outbox message id conflicts and changes nothing")
    void duplicateContactAndOutboxIdsConflict() {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        Contact contact = contact(request, Channel.PHONE, at(1));
        OutboxMessage message = outbox(tenant, request, "request.registered", at(1));
        run(tx -> {
            tx.insertContact(tenant, contact);
            tx.enqueueOutbox(message);
        });
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.insertContact(tenant, contact)));
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.enqueueOutbox(message)));
        assertEquals(List.of(contact), tx(tx -> tx.findContacts(tenant, request)));
        assertEquals(List.of(message), tx(tx -> tx.findOutbox(tenant, request)));
    }

    @Test
    @DisplayName("updateOutbox writes only status, attempts, next attempt time, route and last outcome")
    void updateOutboxWritesOnlyTheOutcome() {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        OutboxMessage message = outbox(tenant, request, "request.registered", at(1));
        run(tx -> tx.enqueueOutbox(message));
        tx(tx -> tx.claimDueOutbox(new Lease("node-a", at(10), at(70), 10)));
        OutboxMessage tampered = message.toBuilder().topic("other.topic").recipient("someone-else").payload("{}")
                .idempotencyKey("other-key").createdAt(at(5)).status(OutboxMessage.Status.PENDING).attempts(2)
                .nextAttemptAt(at(20)).route(1).lastOutcome("550 5.1.1 user unknown; trying the next contact point")
                .build();
        run(tx -> tx.updateOutbox(tampered, "node-a"));
        OutboxMessage expected = message.withOutcome(OutboxMessage.Status.PENDING, 2, at(20), 1,
                "550 5.1.1 user unknown; trying the next contact point");
        assertEquals(List.of(expected), tx(tx -> tx.findOutbox(tenant, request)));
        assertEquals(Optional.of(expected), tx(tx -> tx.findOutboxMessage(tenant, message.id())));
        assertEquals(Optional.empty(), tx(tx -> tx.findOutboxMessage(otherTenant, message.id())));
    }

    @Test
    @DisplayName("resetOutbox makes a dead letter pending from scratch and releases any claim")
    void resetOutboxRevivesADeadLetter() {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        OutboxMessage message = outbox(tenant, request, "request.resolved", at(1));
        run(tx -> tx.enqueueOutbox(message));
        tx(tx -> tx.claimDueOutbox(new Lease("node-a", at(10), at(70), 10)));
        run(tx -> tx.updateOutbox(message.withOutcome(OutboxMessage.Status.DEAD, 5, at(30), 2, "gave up"), "node-a"));

        assertEquals(false, tx(tx -> tx.resetOutbox(otherTenant, message.id(), at(40))));
        assertEquals(true, tx(tx -> tx.resetOutbox(tenant, message.id(), at(40))));
        OutboxMessage revived = message.withOutcome(OutboxMessage.Status.PENDING, 0, at(40), 0, "gave up");
        assertEquals(Optional.of(revived), tx(tx -> tx.findOutboxMessage(tenant, message.id())));
        assertEquals(List.of(revived), tx(tx -> tx.claimDueOutbox(new Lease("node-b", at(40), at(100), 10))));
    }

    // ================================================================================ batch insert

    @Test
    @DisplayName("insertRequests stores every request and journal record of the batch")
    void batchInsertStoresEverything() {
        List<Request> requests = new ArrayList<>();
        List<JournalRecord> records = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Request r = fullRequest(tenant, requestId());
            requests.add(r);
            records.add(journal(tenant, r.id(), 1));
        }
        run(tx -> tx.insertRequests(requests, records));
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            assertEquals(Optional.of(r), tx(tx -> tx.findRequest(tenant, r.id())));
            assertEquals(List.of(records.get(i)), tx(tx -> tx.findJournal(tenant, r.id())));
        }
    }

    @Test
    @DisplayName("insertRequests with an existing request id conflicts and stores nothing of the batch")
    void batchInsertIsAllOrNothing() {
        Request existing = request(tenant, requestId());
        run(tx -> tx.insertRequest(existing));
        Request fresh = request(tenant, requestId());
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.insertRequests(List.of(fresh, existing),
                List.of(journal(tenant, fresh.id(), 1)))));
        assertEquals(Optional.empty(), tx(tx -> tx.findRequest(tenant, fresh.id())));
        assertEquals(List.of(), tx(tx -> tx.findJournal(tenant, fresh.id())));
    }

    // ================================================================================ claims: timers

    private static final String NODE_A = "node-a";
    private static final String NODE_B = "node-b";

    private TimerRecord timer(RequestId request, String kind, Instant dueAt) {
        return new TimerRecord(uniqueId("tmr"), tenant, request, kind, dueAt, "{\"kind\":\"" + kind + "\"}", 0);
    }

    private static Lease lease(String node, Instant now, long seconds, int limit) {
        return new Lease(node, now, now.plusSeconds(seconds), limit);
    }

    private static List<String> timerIds(List<TimerRecord> timers) {
        return timers.stream().map(TimerRecord::id).collect(Collectors.toList());
    }

    @Test
    @DisplayName("claimDueTimers returns only due timers, earliest first, and holds them for the lease")
    void claimsDueTimersUnderLease() {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        TimerRecord early = timer(request, "sla.warning", at(10));
        TimerRecord onTime = timer(request, "sla.breach", at(20));
        TimerRecord later = timer(request, "sla.breach", at(30));
        run(tx -> {
            tx.scheduleTimer(later);
            tx.scheduleTimer(onTime);
            tx.scheduleTimer(early);
        });

        List<TimerRecord> claimed = tx(tx -> tx.claimDueTimers(lease(NODE_A, at(20), 60, 10)));
        assertEquals(List.of(early.id(), onTime.id()), timerIds(claimed));
        assertEquals(early, claimed.get(0), "the first claim returns the timer as stored, with 0 earlier claims");
        assertEquals(List.of(), tx(tx -> tx.claimDueTimers(lease(NODE_B, at(25), 60, 10))),
                "claimed timers are not handed out again while the lease runs");
    }

    @Test
    @DisplayName("an expired claim is taken over; the first claimer can no longer complete it")
    void expiredTimerClaimIsTakenOver() {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        TimerRecord timer = timer(request, "reminder", at(10));
        run(tx -> tx.scheduleTimer(timer));

        tx(tx -> tx.claimDueTimers(lease(NODE_A, at(10), 30, 10)));
        List<TimerRecord> takenOver = tx(tx -> tx.claimDueTimers(lease(NODE_B, at(41), 30, 10)));
        assertEquals(List.of(timer.id()), timerIds(takenOver));
        assertEquals(1, takenOver.get(0).attempts(), "the second claim reports one earlier claim");

        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.completeTimer(timer.id(), NODE_A)));
        run(tx -> tx.completeTimer(timer.id(), NODE_B));
        assertEquals(List.of(), tx(tx -> tx.claimDueTimers(lease(NODE_A, at(1000), 30, 10))),
                "a completed timer is never claimed again");
        assertEquals(List.of(), tx(tx -> tx.findTimers(tenant, request)));
    }

    @Test
    @DisplayName("scheduleTimer rejects a duplicate id; findTimers lists a request's timers by due time")
    void scheduleAndFindTimers() {
        RequestId request = requestId();
        RequestId other = requestId();
        run(tx -> {
            tx.insertRequest(request(tenant, request));
            tx.insertRequest(request(tenant, other));
        });
        TimerRecord second = timer(request, "b", at(20));
        TimerRecord first = timer(request, "a", at(10));
        run(tx -> {
            tx.scheduleTimer(second);
            tx.scheduleTimer(first);
            tx.scheduleTimer(timer(other, "a", at(5)));
        });
        assertEquals(List.of(first, second), tx(tx -> tx.findTimers(tenant, request)));
        assertEquals(List.of(), tx(tx -> tx.findTimers(otherTenant, request)));
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.scheduleTimer(first)));
    }

    @Test
    @DisplayName("cancelTimers removes only the request's timers of that kind")
    void cancelTimersByKind() {
        RequestId request = requestId();
        RequestId other = requestId();
        run(tx -> {
            tx.insertRequest(request(tenant, request));
            tx.insertRequest(request(tenant, other));
        });
        TimerRecord keepKind = timer(request, "sla.resolution", at(10));
        TimerRecord keepRequest = timer(other, "sla.first-response", at(10));
        run(tx -> {
            tx.scheduleTimer(timer(request, "sla.first-response", at(10)));
            tx.scheduleTimer(timer(request, "sla.first-response", at(20)));
            tx.scheduleTimer(keepKind);
            tx.scheduleTimer(keepRequest);
        });
        assertEquals(Integer.valueOf(2), tx(tx -> tx.cancelTimers(tenant, request, "sla.first-response")));
        assertEquals(List.of(keepKind), tx(tx -> tx.findTimers(tenant, request)));
        assertEquals(List.of(keepRequest), tx(tx -> tx.findTimers(tenant, other)));
        assertEquals(Integer.valueOf(0), tx(tx -> tx.cancelTimers(otherTenant, other, "sla.first-response")));
    }

    @Test
    @DisplayName("claimDueTimers honours the limit and a rolled-back claim holds nothing")
    void timerClaimLimitAndRollback() {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        List<TimerRecord> timers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            timers.add(timer(request, "t", at(i)));
        }
        run(tx -> timers.forEach(tx::scheduleTimer));

        assertThrows(DeliberateFailure.class, () -> run(tx -> {
            tx.claimDueTimers(lease(NODE_A, at(10), 60, 5));
            throw new DeliberateFailure();
        }));
        List<TimerRecord> claimed = tx(tx -> tx.claimDueTimers(lease(NODE_B, at(10), 60, 3)));
        assertEquals(timerIds(timers.subList(0, 3)), timerIds(claimed));
        assertEquals(0, claimed.get(0).attempts(), "a rolled-back claim is not counted");
    }

    @Test
    @DisplayName("concurrent claimers on several nodes complete every due timer exactly once, retrying conflicts")
    void concurrentTimerClaimsNeverOverlap() throws Exception {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        int count = 200;
        List<TimerRecord> timers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            timers.add(timer(request, "bulk", at(i)));
        }
        run(tx -> timers.forEach(tx::scheduleTimer));

        List<String> completed = drainOnNodes(4, node -> {
            List<TimerRecord> batch = retryingConflicts(
                    () -> tx(tx -> tx.claimDueTimers(lease(node, at(count + 10), 600, 7))));
            batch.forEach(t -> retryingConflicts(() -> tx(tx -> {
                tx.completeTimer(t.id(), node);
                return null;
            })));
            return timerIds(batch);
        });
        assertEquals(count, completed.size(), "every timer completed once, none twice");
        assertEquals(Set.copyOf(timerIds(timers)), Set.copyOf(completed));
    }

    // ================================================================================ claims: outbox

    private OutboxMessage pending(RequestId request, Instant nextAttemptAt) {
        OutboxMessage m = outbox(tenant, request, "request.registered", at(0));
        return m.toBuilder().nextAttemptAt(nextAttemptAt).build();
    }

    private static OutboxMessage attempted(OutboxMessage m, OutboxMessage.Status status, Instant next) {
        return m.withOutcome(status, m.attempts() + 1, next, 0, null);
    }

    private static List<String> messageIds(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::id).collect(Collectors.toList());
    }

    @Test
    @DisplayName("claimDueOutbox returns pending messages due now, exclusively until the lease ends")
    void claimsDueOutbox() {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        OutboxMessage due = pending(request, at(5));
        OutboxMessage notYet = pending(request, at(50));
        OutboxMessage delivered = deliveredOutbox(tenant, request, at(1));
        run(tx -> {
            tx.enqueueOutbox(notYet);
            tx.enqueueOutbox(due);
            tx.enqueueOutbox(delivered);
        });

        assertEquals(List.of(due), tx(tx -> tx.claimDueOutbox(lease(NODE_A, at(10), 30, 10))));
        assertEquals(List.of(), tx(tx -> tx.claimDueOutbox(lease(NODE_B, at(20), 30, 10))));
        assertEquals(List.of(due.id()), messageIds(tx(tx -> tx.claimDueOutbox(lease(NODE_B, at(40), 30, 10)))),
                "after the lease ends another node takes the message over");
    }

    @Test
    @DisplayName("updateOutbox records the outcome and releases the claim; only the claimer may update")
    void updateOutboxAfterAttempt() {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        OutboxMessage message = pending(request, at(5));
        OutboxMessage other = pending(request, at(6));
        run(tx -> {
            tx.enqueueOutbox(message);
            tx.enqueueOutbox(other);
        });
        tx(tx -> tx.claimDueOutbox(lease(NODE_A, at(10), 300, 10)));

        OutboxMessage retry = attempted(message, OutboxMessage.Status.PENDING, at(100));
        assertThrows(ConcurrencyConflictException.class, () -> run(tx -> tx.updateOutbox(retry, NODE_B)));
        run(tx -> tx.updateOutbox(retry, NODE_A));
        assertEquals(List.of(), tx(tx -> tx.claimDueOutbox(lease(NODE_B, at(50), 30, 10))),
                "released, but its next attempt is not due yet (and the other is still claimed)");
        assertEquals(List.of(retry), tx(tx -> tx.claimDueOutbox(lease(NODE_B, at(100), 30, 1))),
                "due again at its next attempt time, with the attempt counted");

        OutboxMessage dead = attempted(retry, OutboxMessage.Status.DEAD, at(100));
        run(tx -> tx.updateOutbox(dead, NODE_B));
        run(tx -> tx.updateOutbox(attempted(other, OutboxMessage.Status.DELIVERED, at(10)), NODE_A));
        assertEquals(List.of(), tx(tx -> tx.claimDueOutbox(lease(NODE_A, at(10_000), 30, 10))),
                "dead and delivered messages are never claimed");
        assertEquals(List.of(dead), tx(tx -> tx.findOutboxByStatus(tenant, OutboxMessage.Status.DEAD, 10)));
        assertEquals(List.of(), tx(tx -> tx.findOutboxByStatus(otherTenant, OutboxMessage.Status.DEAD, 10)));
        assertEquals(1, tx(tx -> tx.findOutboxByStatus(tenant, OutboxMessage.Status.DELIVERED, 10)).size());
    }

    @Test
    @DisplayName("updateOutboxAll records every outcome and releases the claims; one lost claim fails them all")
    void updateOutboxAllRecordsEachOutcome() {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            messages.add(pending(request, at(i)));
        }
        run(tx -> messages.forEach(tx::enqueueOutbox));
        assertEquals(3, tx(tx -> tx.claimDueOutbox(lease(NODE_A, at(2), 300, 10))).size());
        OutboxMessage delivered = attempted(messages.get(0), OutboxMessage.Status.DELIVERED, at(10));
        OutboxMessage retry = attempted(messages.get(1), OutboxMessage.Status.PENDING, at(100));
        OutboxMessage dead = attempted(messages.get(2), OutboxMessage.Status.DEAD, at(10));
        OutboxMessage notClaimed = attempted(messages.get(3), OutboxMessage.Status.DELIVERED, at(10));

        assertThrows(ConcurrencyConflictException.class,
                () -> run(tx -> tx.updateOutboxAll(List.of(delivered, retry, dead), NODE_B)), "claimed by node A");
        assertThrows(ConcurrencyConflictException.class,
                () -> run(tx -> tx.updateOutboxAll(List.of(delivered, notClaimed, dead), NODE_A)),
                "the last message was never claimed");
        assertEquals(Set.copyOf(messages), Set.copyOf(tx(tx -> tx.findOutbox(tenant, request))),
                "a failed call leaves every message of it as it was, once its transaction is rolled back");

        run(tx -> tx.updateOutboxAll(List.of(), NODE_A));
        run(tx -> tx.updateOutboxAll(List.of(delivered, retry, dead), NODE_A));
        assertEquals(Set.of(delivered, retry, dead, messages.get(3)),
                Set.copyOf(tx(tx -> tx.findOutbox(tenant, request))));
        assertEquals(List.of(messages.get(3).id()),
                messageIds(tx(tx -> tx.claimDueOutbox(lease(NODE_B, at(50), 300, 10)))),
                "released: the retry is not due before its next attempt, the others are done");
        assertEquals(List.of(retry.id()), messageIds(tx(tx -> tx.claimDueOutbox(lease(NODE_B, at(100), 300, 10)))));
    }

    @Test
    @DisplayName("concurrent outbox claimers never receive the same message")
    void concurrentOutboxClaimsNeverOverlap() throws Exception {
        RequestId request = requestId();
        run(tx -> tx.insertRequest(request(tenant, request)));
        int count = 150;
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(pending(request, at(i)));
        }
        run(tx -> messages.forEach(tx::enqueueOutbox));

        List<String> delivered = drainOnNodes(3, node -> {
            List<OutboxMessage> batch = retryingConflicts(
                    () -> tx(tx -> tx.claimDueOutbox(lease(node, at(count + 10), 600, 5))));
            batch.forEach(m -> retryingConflicts(() -> tx(tx -> {
                tx.updateOutbox(attempted(m, OutboxMessage.Status.DELIVERED, at(count + 10)), node);
                return null;
            })));
            return messageIds(batch);
        });
        assertEquals(count, delivered.size(), "every message delivered once, none twice");
        assertEquals(Set.copyOf(messageIds(messages)), Set.copyOf(delivered));
    }

    /**
     * Runs one transaction again when the store reports a {@link ConcurrencyConflictException}, as the
     * engine does: the exception is documented as retryable, and a database may pick any of several
     * concurrent claimers as a deadlock victim (InnoDB does). Gives up after a few attempts.
     */
    private static <T> T retryingConflicts(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ConcurrencyConflictException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * Runs one claimer per node concurrently until each finds nothing more.
     *
     * @param nodes       how many nodes
     * @param claimBatch  claims and finishes one batch for a node id, returning the ids it finished
     * @return every id finished, by all nodes together
     */
    private static List<String> drainOnNodes(int nodes, Function<String, List<String>> claimBatch) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            String node = "node-" + n;
            results.add(pool.submit(() -> {
                awaitQuietly(start);
                List<String> finished = new ArrayList<>();
                for (List<String> batch = claimBatch.apply(node); !batch.isEmpty(); batch = claimBatch.apply(node)) {
                    finished.addAll(batch);
                }
                return finished;
            }));
        }
        start.countDown();
        List<String> all = new ArrayList<>();
        try {
            for (Future<List<String>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        return all;
    }

    private static List<String> ids(List<Request> requests) {
        return requests.stream().map(r -> r.id().value()).collect(Collectors.toList());
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The kit's own failure, thrown from a transaction's work to check rollback and rethrow. */
    private static final class DeliberateFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliberateFailure() {
            super("deliberate failure thrown by the storage contract kit");
        }
    }
}
