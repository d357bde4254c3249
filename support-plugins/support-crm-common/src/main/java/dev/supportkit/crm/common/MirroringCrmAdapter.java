package dev.supportkit.crm.common;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmChange;
import dev.supportkit.spi.crm.CrmEntry;
import dev.supportkit.spi.crm.CrmParty;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mirrors a request's changes into one CRM object each, whatever the CRM: the first push looks the object up by
 * the SupportKit request id stored in a CRM field (so a crash between the CRM's "created" answer and the
 * recorded link creates nothing twice) and creates it only when missing; later pushes update it when they carry a
 * newer version than the last mirrored (a late repeated push never moves the stage back); every customer-visible
 * journal entry not yet posted becomes one comment, cut to the CRM's limit and ending with a marker naming the
 * entry ({@code [SupportKit #7]}). The link is recorded in {@link CrmLinks} after each step; before the object
 * exists, the customer found or created is remembered in this engine, so a first push interrupted by a rate limit
 * goes on where it stopped.
 *
 * <p>Comments are idempotent too: before posting, the entry is recorded as being posted; a retry that finds that
 * record (the CRM may have stored the comment while its answer, or the engine, was lost) first searches the
 * object's comments for the entry's marker and posts only when it is missing. A post the CRM surely did not carry
 * out (rate limit, 503) takes the record back, so a rate-limited CRM is not searched on every retry.
 */
public abstract class MirroringCrmAdapter implements CrmAdapter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CrmLinks links;
    private final int commentMax;
    /** What a first push that failed half-way already found or created, so its retry goes on from there. */
    private final Map<String, Progress> inProgress = new ConcurrentHashMap<>();

    /** The steps of a request's first push done so far in this engine. */
    private static final class Progress {
        volatile boolean absent;
        volatile Optional<CrmParty> contact;
        volatile Optional<String> company;
        volatile Optional<String> contactId;
    }

    /**
     * @param links      the per-request links
     * @param commentMax the CRM's longest comment in characters
     */
    protected MirroringCrmAdapter(CrmLinks links, int commentMax) {
        this.links = links;
        this.commentMax = commentMax;
    }

    @Override
    public final void pushRequest(Request request, String idempotencyKey) {
        push(CrmChange.of(request, idempotencyKey));
    }

    @Override
    public void push(CrmChange change) {
        Request request = change.request();
        Optional<CrmLinks.Link> link = links.get(request);
        CrmLinks.Link current;
        if (link.isEmpty()) {
            String key = request.tenant().value() + ":" + request.id().value();
            Progress progress = inProgress.computeIfAbsent(key, k -> new Progress());
            Optional<String> found = progress.absent ? Optional.empty() : findObject(change);
            String object;
            if (found.isPresent()) {
                object = found.get();
                updateObject(object, change);
            } else {
                progress.absent = true;
                Customer customer = customer(change.customer(), progress);
                // the create may land even if its answer is lost: search again before another create
                progress.absent = false;
                object = createObject(change, customer);
            }
            current = links.update(request, CrmLinks.merge(object, request.version(), 0));
            inProgress.remove(key);
        } else {
            current = link.get();
            if (request.version() > current.version()) {
                updateObject(current.object(), change);
                current = links.update(request, CrmLinks.merge(current.object(), request.version(), 0));
            }
        }
        for (CrmEntry entry : change.entries()) {
            if (entry.sequence() > current.posted()) {
                String marker = marker(entry);
                boolean maybePosted = current.posting() == entry.sequence();
                if (!maybePosted) {
                    current = links.update(request, CrmLinks.posting(entry.sequence()));
                }
                if (!maybePosted || !hasComment(current.object(), marker)) {
                    try {
                        addComment(current.object(), CrmTexts.cut(comment(entry), commentMax - marker.length() - 1)
                                + "\n" + marker);
                    } catch (CrmUnavailableException e) {
                        if (!e.outcomeUnknown()) {
                            // surely not stored (not sent, or refused): the retry posts without searching first
                            links.update(request, CrmLinks.notPosting(entry.sequence()));
                        }
                        throw e;
                    }
                }
                current = links.update(request, CrmLinks.merge(current.object(), 0, entry.sequence()));
            }
        }
    }

    /**
     * The marker a comment ends with, naming its journal entry.
     *
     * @param entry the entry
     * @return e.g. {@code [SupportKit #7]}
     */
    public static String marker(CrmEntry entry) {
        return "[SupportKit #" + entry.sequence() + "]";
    }

    /**
     * The text of a comment: who, when, what.
     *
     * @param entry a customer-visible journal entry
     * @return the comment's text, before cutting
     */
    public static String comment(CrmEntry entry) {
        return (entry.author().isBlank() ? "SupportKit" : entry.author()) + ", " + TIME.format(entry.at()) + ":\n"
                + entry.text();
    }

    /**
     * Looks the request's object up in the CRM by the SupportKit request id stored in it.
     *
     * @param change the change being pushed
     * @return the object's CRM id, when the CRM holds one
     */
    protected abstract Optional<String> findObject(CrmChange change);

    /**
     * Creates the request's object, linked to its customer, in its stage.
     *
     * @param change   the change being pushed
     * @param customer the CRM ids of the customer's contact and company, found or created
     * @return the new object's CRM id
     */
    protected abstract String createObject(CrmChange change, Customer customer);

    /**
     * Brings the object up to the change: stage, priority, assignee, subject.
     *
     * @param object the object's CRM id
     * @param change the change
     */
    protected abstract void updateObject(String object, CrmChange change);

    /**
     * Tells whether one of the object's comments or notes contains a text (an entry's marker): asked only after a
     * post whose outcome is unknown.
     *
     * @param object the object's CRM id
     * @param marker the text
     * @return whether a comment contains it
     */
    protected abstract boolean hasComment(String object, String marker);

    /**
     * Adds one comment or note to the object.
     *
     * @param object the object's CRM id
     * @param text   the text, already cut to the limit
     */
    protected abstract void addComment(String object, String text);

    // ---- customers ------------------------------------------------------------------------------------------

    /**
     * The CRM ids of a request's contact and company.
     *
     * @param contact the contact's CRM id, when there is one
     * @param company the company's CRM id, when there is one
     */
    protected record Customer(Optional<String> contact, Optional<String> company) {
    }

    /**
     * Finds or creates a change's customer: the contact by phone, else by e-mail; the company by tax number, else
     * the found contact's; a missing company is created when it has a name, a missing contact when it has a name
     * and a phone number or e-mail address. Each step's result is kept until the object exists, so a push that
     * fails half-way (a rate limit) repeats no step on its retry.
     */
    private Customer customer(CrmParty party, Progress progress) {
        if (progress.contact == null) {
            progress.contact = party.phone().flatMap(this::contactByPhoneOrEmail)
                    .or(() -> party.email().flatMap(this::contactByPhoneOrEmail));
        }
        Optional<CrmParty> contact = progress.contact;
        if (progress.company == null) {
            Optional<String> company = party.taxNumber().flatMap(this::companyByTaxNumber)
                    .or(() -> contact.flatMap(CrmParty::crmCompanyId));
            if (company.isEmpty() && party.companyName().isPresent()) {
                company = Optional.of(createCompany(party.companyName().get(), party.taxNumber()));
            }
            progress.company = company;
        }
        Optional<String> company = progress.company;
        if (progress.contactId == null) {
            Optional<String> contactId = contact.flatMap(CrmParty::crmContactId);
            if (contactId.isEmpty() && party.contactName().isPresent()
                    && (party.phone().isPresent() || party.email().isPresent())) {
                String[] names = party.contactName().get().strip().split("\\s+", 2);
                contactId = Optional.of(createContact(names[0], names.length > 1 ? Optional.of(names[1])
                        : Optional.empty(), party.phone(), party.email(), company));
            }
            progress.contactId = contactId;
        }
        return new Customer(progress.contactId, company);
    }

    @Override
    public Optional<CrmParty> findCaller(TenantId tenant, String phoneOrEmail) {
        return contactByPhoneOrEmail(phoneOrEmail.strip());
    }

    /**
     * Looks a contact up by a phone number (any formatting) or an e-mail address.
     *
     * @param phoneOrEmail the number or address
     * @return the contact with its company, when the CRM knows it
     */
    protected abstract Optional<CrmParty> contactByPhoneOrEmail(String phoneOrEmail);

    /**
     * Looks a company up by its tax number (INN).
     *
     * @param taxNumber the tax number
     * @return the company's CRM id, when the CRM knows it
     */
    protected abstract Optional<String> companyByTaxNumber(String taxNumber);

    /**
     * Creates a company.
     *
     * @param name      its name
     * @param taxNumber its tax number, when known
     * @return its CRM id
     */
    protected abstract String createCompany(String name, Optional<String> taxNumber);

    /**
     * Creates a contact.
     *
     * @param firstName its first name
     * @param lastName  its last name, when known
     * @param phone     its phone number
     * @param email     its e-mail address
     * @param company   the CRM id of its company, when known
     * @return its CRM id
     */
    protected abstract String createContact(String firstName, Optional<String> lastName, Optional<String> phone,
                                            Optional<String> email, Optional<String> company);
}
