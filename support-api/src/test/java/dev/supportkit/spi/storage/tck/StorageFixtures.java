package dev.supportkit.spi.storage.tck;

import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.ContactId;
import dev.supportkit.api.request.Milestones;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.work.PlanState;
import dev.supportkit.api.work.PlanTask;
import dev.supportkit.api.work.TaskStatus;
import dev.supportkit.api.work.WorkPlan;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Test data for the storage contract kit, also usable by plugin authors in their own tests.
 *
 * <p>Every time is derived from the fixed {@link #BASE} instant at microsecond precision (databases
 * keep microseconds), never from the wall clock, so tests are repeatable. Every identifier handed out
 * by {@link #tenant()} and {@link #uniqueId(String)} is random, so tests can share one database with
 * other tests and with earlier runs.
 */
public final class StorageFixtures {

    /** The instant every fixture time is derived from: 2026-03-12T09:00:00Z. */
    public static final Instant BASE = Instant.parse("2026-03-12T09:00:00Z");

    /** The hash the first journal entry of a request links back to. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private StorageFixtures() {
    }

    // ------------------------------------------------------------------------------------------ ids and time

    /** @return a fresh tenant id, {@code t-} followed by a random UUID */
    public static TenantId tenant() {
        return TenantId.of("t-" + UUID.randomUUID());
    }

    /**
     * A fresh identifier text: the prefix, a hyphen and 32 random hex digits. Identifiers built by
     * appending the same suffix style (e.g. {@code -a}, {@code -b}) to one result sort in suffix order.
     *
     * @param prefix a short prefix, at most 20 characters
     * @return the identifier text, at most 53 characters
     */
    public static String uniqueId(String prefix) {
        if (prefix.length() > 20) {
            throw new IllegalArgumentException("prefix too long: " + prefix);
        }
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** @return a fresh request id */
    public static RequestId requestId() {
        return RequestId.of(uniqueId("req"));
    }

    /**
     * A time at the given offset from {@link #BASE}, with a sub-second part so a store that drops
     * microseconds (or milliseconds) is caught.
     *
     * @param seconds whole seconds after {@link #BASE}
     * @return {@code BASE + seconds + 0.123456 s}
     */
    public static Instant at(long seconds) {
        return BASE.plusSeconds(seconds).plus(123_456, ChronoUnit.MICROS);
    }

    /**
     * A time at the given number of microseconds after {@link #at(long) at(0)}.
     *
     * @param micros microseconds
     * @return the instant
     */
    public static Instant atMicros(long micros) {
        return at(0).plus(micros, ChronoUnit.MICROS);
    }

    /**
     * A deterministic 64-hex-digit hash (SHA-256 of the seed). The store treats it as opaque text.
     *
     * @param seed anything
     * @return 64 lower-case hex digits
     */
    public static String hash(String seed) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    // ------------------------------------------------------------------------------------------ requests

    /**
     * A new request (version 1) with every optional part empty.
     *
     * @param tenant       the tenant
     * @param id           the request id
     * @param organization the customer organisation
     * @param status       the status
     * @param line         the support line
     * @param registeredAt registration time (also the update time)
     * @return the request
     */
    public static Request request(TenantId tenant, RequestId id, OrganizationId organization, RequestStatus status,
                                  SupportLine line, Instant registeredAt) {
        return Request.builder().id(id).tenant(tenant).organization(organization)
                .representative(RepresentativeId.of("rep-" + organization.value())).subject("Subject of " + id.value())
                .description("The customer says: it does not work.").channel(Channel.PHONE).priority(Priority.NORMAL)
                .status(status).line(line).registeredAt(registeredAt).updatedAt(registeredAt).version(1)
                .journalHead(1, hash(id.value() + "#1")).build();
    }

    /**
     * A new, registered, first-line request (version 1) with every optional part empty.
     *
     * @param tenant the tenant
     * @param id     the request id
     * @return the request
     */
    public static Request request(TenantId tenant, RequestId id) {
        return request(tenant, id, OrganizationId.of("org-1"), RequestStatus.REGISTERED, SupportLine.FIRST_LINE,
                at(0));
    }

    /**
     * A new request (version 1) with every optional part present, non-ASCII text and an
     * equipment-failure resolution.
     *
     * @param tenant the tenant
     * @param id     the request id
     * @return the request
     */
    public static Request fullRequest(TenantId tenant, RequestId id) {
        return Request.builder().id(id).tenant(tenant).organization(OrganizationId.of("org-full"))
                .representative(RepresentativeId.of("rep-full")).system(SystemId.of("sys-pbx"))
                .subject("АТС не отвечает — «срочно»")
                .description("Line 1: no dial tone.\nLine 2: \"quotes\", 'apostrophes', tabs\tand emoji \uD83D\uDCDE.")
                .channel(Channel.WEB_FORM).priority(Priority.CRITICAL).status(RequestStatus.RESOLVED)
                .line(SupportLine.SECOND_LINE).group(GroupId.of("grp-telephony"))
                .assignee(SpecialistId.of("spec-ivanov"))
                .resolution(new ResolutionReport("Replaced the power supply unit.", "PSU failure", true,
                        ComponentId.of("cmp-psu-1")))
                .registeredAt(at(10)).updatedAt(at(3600).plus(1, ChronoUnit.MICROS)).version(1)
                .model("NT-PBX 300").category("hardware")
                .milestones(new Milestones(Optional.of(at(60)), Optional.of(at(3600).plus(1, ChronoUnit.MICROS)),
                        Optional.empty(), Optional.empty(), Optional.of(at(1800)), 2))
                .survey(new dev.supportkit.api.request.Survey(at(4000), at(90000), Optional.of(at(5000)),
                        Optional.of(5), Optional.of("Отлично, спасибо")))
                .typical(false)
                .workPlan(new WorkPlan(PlanState.NEEDS_APPROVAL, 2, List.of(
                        new PlanTask("diagnose", SpecialistId.of("spec-ivanov"), "Найти неисправный блок",
                                Optional.of(Duration.ofHours(2)), Optional.of(at(1800)), List.of(), true,
                                TaskStatus.DONE, Optional.of(at(2400)), Optional.of("БП не работает")),
                        new PlanTask("replace", SpecialistId.of("spec-petrov"), "Replace the PSU", Optional.empty(),
                                Optional.of(at(7200)), List.of("diagnose"), false, TaskStatus.OPEN, Optional.empty(),
                                Optional.empty())),
                        Optional.of(SpecialistId.of("spec-lead")), Optional.of(at(600))))
                .journalHead(7, hash(id.value() + "#7")).build();
    }

    /**
     * The next snapshot of a request: version and journal sequence one higher, a new description and
     * update time. Its {@code expectedVersion} is {@code previous.version()}.
     *
     * @param previous    the snapshot the change is based on
     * @param description the new description
     * @return the new snapshot
     */
    public static Request nextVersion(Request previous, String description) {
        return nextVersion(previous, description, previous.status());
    }

    /**
     * The next snapshot of a request with a new status.
     *
     * @param previous    the snapshot the change is based on
     * @param description the new description
     * @param status      the new status
     * @return the new snapshot
     */
    public static Request nextVersion(Request previous, String description, RequestStatus status) {
        long nextSequence = previous.journalSequence() + 1;
        return previous.toBuilder().description(description).status(status)
                .updatedAt(previous.updatedAt().plus(1, ChronoUnit.MICROS)).version(previous.version() + 1)
                .journalHead(nextSequence, hash(previous.id().value() + "#" + nextSequence)).build();
    }

    // ------------------------------------------------------------------------------------------ journal

    /**
     * A journal record with a channel, customer-visible.
     *
     * @param tenant   the tenant
     * @param request  the request
     * @param sequence the sequence number, from 1
     * @return the record; its previous hash is the hash of sequence - 1 (or {@link #GENESIS_HASH})
     */
    public static JournalRecord journal(TenantId tenant, RequestId request, long sequence) {
        return journal(tenant, request, sequence, Channel.EMAIL);
    }

    /**
     * A journal record.
     *
     * @param tenant   the tenant
     * @param request  the request
     * @param sequence the sequence number, from 1
     * @param channel  the channel, or null
     * @return the record; its previous hash is the hash of sequence - 1 (or {@link #GENESIS_HASH})
     */
    public static JournalRecord journal(TenantId tenant, RequestId request, long sequence, Channel channel) {
        String previous = sequence <= 1 ? GENESIS_HASH : hash(request.value() + "#" + (sequence - 1));
        return new JournalRecord(tenant, request, sequence, at(100 + sequence), "op-" + sequence,
                "Operator Петров " + sequence, sequence % 2 == 0 ? Role.SECOND_LINE_ENGINEER : Role.FIRST_LINE_OPERATOR,
                channel, sequence % 2 == 0 ? LaborFunction.C_03_6 : LaborFunction.A_01_3,
                sequence % 2 == 0 ? Visibility.INTERNAL : Visibility.CUSTOMER_VISIBLE,
                sequence == 1 ? "Registered" : "ConsultationGiven",
                "{\"sequence\":" + sequence + ",\"text\":\"Привет, \\\"мир\\\"\"}",
                "Entry " + sequence + " of " + request.value(), previous, hash(request.value() + "#" + sequence),
                sequence == 1 ? hash("state-" + request.value()) : null);
    }

    // ------------------------------------------------------------------------------------------ outbox

    /**
     * A pending outbox message that has not been attempted.
     *
     * @param tenant    the tenant
     * @param request   the request it concerns
     * @param topic     the topic, e.g. {@code request.registered}
     * @param createdAt when it was recorded
     * @return the message, with a fresh id and idempotency key
     */
    public static OutboxMessage outbox(TenantId tenant, RequestId request, String topic, Instant createdAt) {
        String id = uniqueId("msg");
        return OutboxMessage.builder().id(id).tenant(tenant).request(request).topic(topic).recipient("rep-42")
                .payload("{\"request\":\"" + request.value() + "\",\"topic\":\"" + topic + "\",\"text\":\"Заявка\"}")
                .idempotencyKey("idem-" + id).createdAt(createdAt).build();
    }

    /**
     * An outbox message that was already attempted: delivered after two attempts.
     *
     * @param tenant    the tenant
     * @param request   the request it concerns
     * @param createdAt when it was recorded
     * @return the message, with a fresh id and idempotency key
     */
    public static OutboxMessage deliveredOutbox(TenantId tenant, RequestId request, Instant createdAt) {
        String id = uniqueId("msg");
        return OutboxMessage.builder().id(id).tenant(tenant).request(request).topic("request.resolved")
                .recipient("spec-ivanov").payload("{}").idempotencyKey("idem-" + id).createdAt(createdAt)
                .status(OutboxMessage.Status.DELIVERED).attempts(2)
                .nextAttemptAt(createdAt.plus(90, ChronoUnit.SECONDS))
                .build();
    }

    // ------------------------------------------------------------------------------------------ contacts

    /**
     * A contact.
     *
     * @param request    the request it was registered into
     * @param channel    how it arrived
     * @param receivedAt when it arrived
     * @return the contact, with a fresh id
     */
    public static Contact contact(RequestId request, Channel channel, Instant receivedAt) {
        return new Contact(ContactId.of(uniqueId("cnt")), request, channel, RepresentativeId.of("rep-42"),
                "Customer's words at " + receivedAt + ": «не работает»", receivedAt, "op-1");
    }

    // ------------------------------------------------------------------------------------------ catalogue

    /**
     * A version of a catalogue document. Its time and JSON differ per version, so versions of one
     * document never compare equal; the JSON holds non-ASCII text and names the kind, id and version.
     *
     * @param tenant  the tenant
     * @param kind    the document kind, e.g. {@code article}
     * @param id      the document id
     * @param version the version, from 1
     * @param key     the lookup key, if any
     * @return the record, written at {@code at(60 * version)}
     */
    public static CatalogRecord catalogRecord(TenantId tenant, String kind, String id, int version,
                                              Optional<String> key) {
        return new CatalogRecord(tenant, kind, id, version, key, at(60L * version),
                "{\"kind\":\"" + kind + "\",\"id\":\"" + id + "\",\"version\":" + version
                        + ",\"title\":\"Статья «" + version + "»\"}");
    }
}
