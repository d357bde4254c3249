package dev.supportkit.inbound.email;

import dev.supportkit.api.Actor;
import dev.supportkit.api.SupportServices;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.work.Attachment;
import dev.supportkit.api.work.FileUpload;
import dev.supportkit.inbound.email.InboundEmailSettings.UnknownSender;
import dev.supportkit.inbound.email.InboundMail.Bounce;
import dev.supportkit.inbound.email.InboundMail.FilePart;
import dev.supportkit.inbound.email.InboundMail.Returned;
import dev.supportkit.spi.notification.FailingContactPoints;
import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one read message into at most one contact, exactly once per Message-ID.
 *
 * <p>Before registering, a marker {@code message.<hash of the Message-ID>} is created in the provider state
 * with compare-and-set ({@code pending}: who, when, which request it answers); after the contact and its files
 * are stored it becomes {@code done}. A message whose marker is {@code done} (another engine, or this one before
 * a restart, took it) is skipped. A {@code pending} marker means an engine stopped between the two steps: the
 * contact is looked for among the request's (or the organisation's recent requests') contacts by sender, arrival
 * time and text, and registered only when it is not there.
 */
final class ContactRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(ContactRegistrar.class);
    private static final int SUBJECT_MAX = 200;
    private static final int TEXT_MAX = 10_000;
    private static final int ATTACH_ATTEMPTS = 5;

    /** What became of a message. */
    enum Outcome {
        /** Registered as a new request. */
        NEW_REQUEST,
        /** Registered as a further contact of an open request. */
        ATTACHED,
        /** Already taken before (by this engine before a restart, or by another engine). */
        ALREADY_TAKEN,
        /** Machine mail or a loop: nothing registered. */
        NOISE,
        /** A delivery failure report: the failed addresses recorded (and marked failing), nothing registered. */
        BOUNCE,
        /** From an unknown sender, refused (with a reply when SMTP is configured). */
        REJECTED,
        /** Failed {@code max-attempts} times and set aside. */
        SET_ASIDE
    }

    private final InboundEmailSettings settings;
    private final SupportServices services;
    private final ProviderStateStore state;
    private final Clock clock;
    private final SenderDirectory senders;
    private final Optional<RejectReplies> replies;
    private final Optional<FailingContactPoints> failing;

    ContactRegistrar(InboundEmailSettings settings, SupportServices services, ProviderStateStore state, Clock clock,
                     SenderDirectory senders, Optional<RejectReplies> replies, Optional<FailingContactPoints> failing) {
        this.settings = settings;
        this.services = services;
        this.state = state;
        this.clock = clock;
        this.senders = senders;
        this.replies = replies;
        this.failing = failing;
    }

    /**
     * Handles one message.
     *
     * @param mail    the message
     * @param mailbox the mailbox it came from, for synthesised Message-IDs and logs
     * @param uidValidity its folder's UIDVALIDITY
     * @param uid     its UID
     * @return what became of it
     * @throws MessagingException when the server fails while its files are read
     * @throws IOException        when a file cannot be read
     */
    Outcome handle(InboundMail mail, String mailbox, long uidValidity, long uid) throws MessagingException,
            IOException {
        if (!mail.bounces().isEmpty()) {
            mail.bounces().forEach(b -> recordBounce(b, mailbox));
            markFailing(mail, mailbox);
            return Outcome.BOUNCE;
        }
        if (mail.noise().isPresent()) {
            LOG.debug("Mailbox {} UID {}: not a contact ({})", mailbox, uid, mail.noise().get());
            return Outcome.NOISE;
        }
        String key = markerKey(mail, mailbox, uidValidity, uid);
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<ProviderState> marker = state.get(key);
            Map<String, String> values = marker.map(m -> StateText.decode(m.value())).orElse(Map.of());
            String status = values.getOrDefault("state", "");
            if (status.equals("done") || status.equals("rejected") || status.equals("failed")) {
                return Outcome.ALREADY_TAKEN;
            }
            Sender sender = sender(mail);
            if (sender.rep().isEmpty()) {
                return reject(mail, mailbox, key, marker.map(ProviderState::version).orElse(0));
            }
            Actor actor = customer(sender.rep().get());
            Optional<RequestId> target = target(mail, actor, sender.rep().get());
            String text = text(mail, sender);
            int version = marker.map(ProviderState::version).orElse(0);
            if (status.equals("pending") && values.containsKey("received")) {
                // the arrival time the stopped engine registered with (its clock may differ from this one's)
                mail = mail.withReceivedAt(Instant.parse(values.get("received")));
            }
            if (status.equals("pending")) {
                Optional<Found> found = find(actor, sender, mail, text, target, Instant.parse(values.get("started")));
                if (found.isPresent()) {
                    attachFiles(actor, found.get(), mail);
                    finish(key, version, found.get(), "done");
                    return Outcome.ALREADY_TAKEN;
                }
            }
            if (mail.receivedAt().isAfter(clock.instant())) {
                // taken from a stopped engine's marker whose clock ran ahead of this one's
                mail = mail.withReceivedAt(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            Map<String, String> pending = new LinkedHashMap<>();
            pending.put("state", "pending");
            pending.put("started", clock.instant().toString());
            pending.put("received", mail.receivedAt().toString());
            pending.put("mailbox", mailbox);
            pending.put("uid", uidValidity + "/" + uid);
            if (!state.compareAndSet(key, version, StateText.encode(pending))) {
                continue; // another engine moved the marker: read it again
            }
            Found registered = register(actor, sender, mail, text, target);
            attachFiles(actor, registered, mail);
            finish(key, version + 1, registered, "done");
            clearFailing(sender, mailbox);
            return registered.attached() ? Outcome.ATTACHED : Outcome.NEW_REQUEST;
        }
        throw new IllegalStateException("the marker " + key + " kept changing under this engine");
    }

    /** Sets a message aside after it failed too often: it is never tried again. */
    void setAside(InboundMail mail, String mailbox, long uidValidity, long uid, String reason) {
        String key = markerKey(mail, mailbox, uidValidity, uid);
        Optional<ProviderState> marker = state.get(key);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("state", "failed");
        values.put("reason", reason.length() > 500 ? reason.substring(0, 500) : reason);
        values.put("at", clock.instant().toString());
        state.compareAndSet(key, marker.map(ProviderState::version).orElse(0), StateText.encode(values));
    }

    /**
     * The address a bounce named, as recorded, if any.
     *
     * @param address an e-mail address
     * @return the stored record ({@code status}, {@code diagnostic}, {@code at}) if a bounce named it
     */
    Optional<Map<String, String>> bounce(String address) {
        return state.get(bounceKey(address)).map(s -> StateText.decode(s.value()));
    }

    private record Sender(Optional<Representative> rep, Channel channel, String address, boolean unknown) {
    }

    /** A registered contact: its request, its id and whether it went onto an existing request. */
    private record Found(RequestId request, Contact contact, boolean attached) {
    }

    private Sender sender(InboundMail mail) throws MessagingException {
        String from = mail.from().orElse("");
        boolean fax = settings.faxGateway().isPresent() && settings.faxGateway().get().equals(from);
        Channel channel = fax ? Channel.FAX : Channel.EMAIL;
        String address = fax ? faxNumber(mail).orElse("") : from;
        Optional<Representative> rep = address.isEmpty() ? Optional.empty()
                : fax ? senders.byNumber(address) : senders.byEmail(address);
        if (rep.isEmpty() && !address.isEmpty()) {
            senders.invalidate(); // a representative may have been added since the index was built
            rep = fax ? senders.byNumber(address) : senders.byEmail(address);
        }
        if (rep.isPresent()) {
            return new Sender(rep, channel, address, false);
        }
        if (settings.unknownSender() == UnknownSender.REGISTER) {
            String id = settings.unknownRepresentative().orElseThrow();
            Representative unknown = senders.byId(id).orElseThrow(() -> new IllegalStateException(
                    InboundEmailSettings.PREFIX + "unknown-representative: no active representative '" + id + "'"));
            return new Sender(Optional.of(unknown), channel, address, true);
        }
        return new Sender(Optional.empty(), channel, address, true);
    }

    private Optional<String> faxNumber(InboundMail mail) throws MessagingException {
        Optional<String> raw = Optional.empty();
        if (settings.faxNumberHeader().isPresent()) {
            raw = Optional.ofNullable(mail.message().getHeader(settings.faxNumberHeader().get(), ","));
        }
        if (raw.isEmpty()) {
            Matcher m = settings.faxNumberPattern().matcher(mail.subject());
            if (m.find()) {
                raw = Optional.ofNullable(m.group(1));
            }
        }
        return raw.map(SenderDirectory::digits).filter(d -> d.length() >= 6).map(d -> "+" + d);
    }

    private Actor customer(Representative rep) {
        return Actor.customer(rep.id().value(), rep.fullName(), settings.tenant(), rep.organization());
    }

    /** The request a reply answers: an id in the subject, else one of SupportKit's Message-IDs it refers to. */
    private Optional<RequestId> target(InboundMail mail, Actor actor, Representative rep) {
        Matcher m = settings.subjectPattern().matcher(mail.subject());
        if (m.find()) {
            Optional<RequestId> found = visible(m.group(1), actor, rep);
            if (found.isPresent()) {
                return found;
            }
        }
        for (String reference : mail.references()) {
            int at = reference.lastIndexOf('@');
            if (at < 2) {
                continue;
            }
            String domain = reference.substring(at + 1, reference.length() - 1).toLowerCase(java.util.Locale.ROOT);
            if (!settings.ownDomains().isEmpty() && !settings.ownDomains().contains(domain)) {
                continue;
            }
            // The email channel's Message-ID: <request id:sequence:topic:recipient> with ':' written as '_',
            // or the plain key; the request id comes first.
            String local = reference.substring(1, at);
            Optional<RequestId> found = visible(local.split("[_.]", 2)[0], actor, rep);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<RequestId> visible(String candidate, Actor actor, Representative rep) {
        if (candidate.isBlank() || candidate.length() > 64) {
            return Optional.empty();
        }
        try {
            Request request = services.quality().request(actor, RequestId.of(candidate));
            return request.organization().equals(rep.organization()) ? Optional.of(request.id()) : Optional.empty();
        } catch (NotFoundException | AccessDeniedException | ValidationException e) {
            return Optional.empty();
        }
    }

    private static String text(InboundMail mail, Sender sender) {
        StringBuilder text = new StringBuilder();
        if (sender.unknown()) {
            text.append(sender.channel().equals(Channel.FAX) ? "Fax from an unknown number: " : "From an unknown "
                    + "address: ").append(sender.address().isEmpty() ? "(none)" : sender.address()).append("\n\n");
        } else if (sender.channel().equals(Channel.FAX)) {
            text.append("Fax from ").append(sender.address()).append("\n\n");
        }
        text.append(mail.text().isBlank() ? (mail.attachments().isEmpty() ? mail.subject() : "(see the attached files)")
                : mail.text());
        String result = text.toString().strip();
        if (result.isEmpty()) {
            result = "(empty message)";
        }
        return result.length() > TEXT_MAX ? result.substring(0, TEXT_MAX - 1) + "…" : result;
    }

    private Found register(Actor actor, Sender sender, InboundMail mail, String text, Optional<RequestId> target) {
        String subject = mail.subject().isBlank() ? (sender.channel().equals(Channel.FAX) ? "Fax from "
                + sender.address() : "(no subject)") : mail.subject();
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX - 1) + "…";
        }
        Representative rep = sender.rep().orElseThrow();
        ContactDraft.Builder draft = ContactDraft.builder().organization(rep.organization()).representative(rep.id())
                .channel(sender.channel()).subject(subject).text(text).receivedAt(mail.receivedAt());
        Request request;
        if (target.isPresent()) {
            try {
                request = services.intake().registerContact(actor, draft.attachTo(target.get()).build());
                return new Found(request.id(), contact(actor, request.id(), rep, mail, text).orElseThrow(), true);
            } catch (InvalidTransitionException | ValidationException e) {
                // closed meanwhile, or no longer open: the reply starts a new request
                LOG.debug("Request {} takes no further contact ({}); registering a new request", target.get(),
                        e.getMessage());
                draft.attachTo(null);
            }
        }
        request = services.intake().registerContact(actor, draft.newRequest(true).build());
        return new Found(request.id(), contact(actor, request.id(), rep, mail, text).orElseThrow(), false);
    }

    /** The contact registered from this message on a request, if it is there. */
    private Optional<Contact> contact(Actor actor, RequestId request, Representative rep, InboundMail mail,
                                      String text) {
        return services.intake().contacts(actor, request).stream()
                .filter(c -> c.representative().equals(rep.id()) && c.receivedAt().equals(mail.receivedAt())
                        && c.text().equals(text))
                .reduce((first, second) -> second);
    }

    /** Looks for the contact an engine registered before it stopped without marking the message done. */
    private Optional<Found> find(Actor actor, Sender sender, InboundMail mail, String text,
                                 Optional<RequestId> target, Instant started) {
        Representative rep = sender.rep().orElseThrow();
        if (target.isPresent()) {
            Optional<Contact> found = contact(actor, target.get(), rep, mail, text);
            if (found.isPresent()) {
                return Optional.of(new Found(target.get(), found.get(), true));
            }
        }
        RequestQuery recent = RequestQuery.builder().organization(rep.organization())
                .registered(started.minus(Duration.ofMinutes(1)), null).limit(RequestQuery.MAX_LIMIT).build();
        for (Request request : services.quality().requests(actor, recent)) {
            Optional<Contact> found = contact(actor, request.id(), rep, mail, text);
            if (found.isPresent()) {
                return Optional.of(new Found(request.id(), found.get(), false));
            }
        }
        return Optional.empty();
    }

    /** Attaches the message's files to the contact's journal entry; files already there are not attached again. */
    private void attachFiles(Actor actor, Found found, InboundMail mail) throws MessagingException, IOException {
        if (mail.attachments().isEmpty()) {
            return;
        }
        long entry = services.journal().entries(actor, found.request()).stream()
                .filter(e -> contactOf(e).filter(found.contact().id()::equals).isPresent())
                .mapToLong(JournalEntry::sequence).findFirst()
                .orElseThrow(() -> new IllegalStateException("no journal entry for contact " + found.contact().id()));
        List<Attachment> present = services.work().attachments(actor, found.request());
        for (FilePart file : mail.attachments()) {
            if (present.stream().anyMatch(a -> a.entry() == entry && a.name().equals(file.name()))) {
                continue;
            }
            for (int attempt = 1; ; attempt++) {
                Request request = services.quality().request(actor, found.request());
                try (InputStream in = file.open()) {
                    services.work().attach(actor, request.ref(), entry, FileUpload.of(file.name(), file.contentType(),
                            in));
                    break;
                } catch (ConcurrencyConflictException e) {
                    if (attempt == ATTACH_ATTEMPTS) {
                        throw e;
                    }
                } catch (ValidationException e) {
                    LOG.warn("File '{}' of a message on request {} was not kept: {}", file.name(), found.request(),
                            e.getMessage());
                    break;
                }
            }
        }
    }

    private static Optional<dev.supportkit.api.request.ContactId> contactOf(JournalEntry entry) {
        RequestEvent event = entry.event();
        if (event instanceof RequestEvent.Registered registered) {
            return Optional.ofNullable(registered.contact());
        }
        if (event instanceof RequestEvent.ContactAttached attached) {
            return Optional.ofNullable(attached.contact());
        }
        return Optional.empty();
    }

    private void finish(String key, int version, Found found, String status) {
        Map<String, String> done = new LinkedHashMap<>();
        done.put("state", status);
        done.put("request", found.request().value());
        done.put("contact", found.contact().id().value());
        done.put("at", clock.instant().toString());
        if (!state.compareAndSet(key, version, StateText.encode(done))) {
            LOG.warn("Marker {} changed while this engine registered its contact on request {}", key,
                    found.request());
        }
    }

    private Outcome reject(InboundMail mail, String mailbox, String key, int version) {
        Map<String, String> rejected = new LinkedHashMap<>();
        rejected.put("state", "rejected");
        rejected.put("from", mail.from().orElse(""));
        rejected.put("at", clock.instant().toString());
        if (!state.compareAndSet(key, version, StateText.encode(rejected))) {
            return Outcome.ALREADY_TAKEN;
        }
        LOG.info("Mailbox {}: a message from unknown sender {} was refused", mailbox, mail.from().orElse("(none)"));
        replies.ifPresent(r -> r.refuse(mail));
        return Outcome.REJECTED;
    }

    private void recordBounce(Bounce bounce, String mailbox) {
        String key = bounceKey(bounce.address());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("address", bounce.address());
        values.put("status", bounce.status());
        values.put("diagnostic", bounce.diagnostic().length() > 500 ? bounce.diagnostic().substring(0, 500)
                : bounce.diagnostic());
        values.put("at", clock.instant().toString());
        values.put("mailbox", mailbox);
        for (int attempt = 0; attempt < 5; attempt++) {
            int version = state.get(key).map(ProviderState::version).orElse(0);
            if (state.compareAndSet(key, version, StateText.encode(values))) {
                break;
            }
        }
        LOG.warn("Mailbox {}: delivery to {} failed ({} {}); the address is recorded as failing", mailbox,
                bounce.address(), bounce.status(), bounce.diagnostic());
    }

    /**
     * Marks the e-mail contact points a delivery report says failed, when the report returns a message SupportKit
     * sent (its idempotency header, or a Message-ID in {@code own-message-id-domains}): a forged or foreign report
     * marks nothing. When a forward changed the address on the way, the returned message's {@code To} (the address
     * SupportKit sent to) is marked.
     */
    private void markFailing(InboundMail mail, String mailbox) {
        if (failing.isEmpty()) {
            return;
        }
        Optional<Returned> returned = mail.returned().filter(r -> r.sentBySupportKit(settings.ownDomains()));
        if (returned.isEmpty()) {
            LOG.info("Mailbox {}: the delivery report {} returns no message SupportKit sent; no contact point is "
                    + "marked failing", mailbox, mail.messageId().orElse("(no Message-ID)"));
            return;
        }
        List<String> sentTo = returned.get().to();
        Map<String, Bounce> byAddress = new LinkedHashMap<>();
        for (Bounce bounce : mail.bounces()) {
            List<String> addresses = sentTo.isEmpty() || sentTo.contains(bounce.address()) ? List.of(bounce.address())
                    : sentTo;
            addresses.forEach(address -> byAddress.putIfAbsent(address, bounce));
        }
        byAddress.forEach((address, bounce) -> {
            String reason = "bounce " + bounce.status() + (bounce.diagnostic().isBlank() ? "" : ": "
                    + bounce.diagnostic()) + " (delivery report " + mail.messageId().orElse("without Message-ID")
                    + " in mailbox " + mailbox + ", about " + returned.get().messageId().orElse("a message") + ")";
            failing.get().markFailing(settings.tenant(), new ContactPoint(Channel.EMAIL, address), reason);
            LOG.warn("Mailbox {}: the contact point EMAIL {} is marked failing: {}", mailbox, address, reason);
        });
    }

    /** A message from an address marked failing shows it works again: the mark is cleared. */
    private void clearFailing(Sender sender, String mailbox) {
        if (failing.isEmpty() || sender.unknown() || !Channel.EMAIL.equals(sender.channel())) {
            return;
        }
        if (failing.get().clear(settings.tenant(), new ContactPoint(Channel.EMAIL, sender.address()))) {
            LOG.info("Mailbox {}: a message from {} arrived; its contact point is no longer marked failing", mailbox,
                    sender.address());
        }
    }

    private static String bounceKey(String address) {
        String key = "bounce." + address.toLowerCase(java.util.Locale.ROOT);
        return key.length() <= ProviderStateStore.MAX_KEY_LENGTH ? key : "bounce." + StateText.sha256(key, 40);
    }

    private static String markerKey(InboundMail mail, String mailbox, long uidValidity, long uid) {
        String id = mail.messageId().orElse("<" + uidValidity + "." + uid + "@" + mailbox + ".no-message-id>");
        return "message." + StateText.sha256(id, 40);
    }

    /** The tenant, for logs. */
    TenantId tenant() {
        return settings.tenant();
    }
}
