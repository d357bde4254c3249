package dev.supportkit.spi.crm;

import dev.supportkit.api.request.Request;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One change of a request, as the engine pushes it to a CRM adapter after commit: the request as of the new
 * version, what changed, the journal entries the customer sees that the change wrote, and the customer as the
 * directory knows them.
 *
 * @param idempotencyKey the same for every push of this change ({@code tenant:request:vN})
 * @param request        the request as of this change
 * @param kinds          what changed; never empty
 * @param entries        the customer-visible journal entries of this change, in journal order
 * @param customer       the request's organisation and representative from the directory (CRM ids empty)
 * @param assigneeName   the display name of the assignee after the change, when assigned
 */
public record CrmChange(String idempotencyKey, Request request, Set<Kind> kinds, List<CrmEntry> entries,
                        CrmParty customer, Optional<String> assigneeName) {

    /** What a change did to the request. */
    public enum Kind {
        /** The request was registered (its first version). */
        CREATED,
        /** Its status changed. */
        STATUS,
        /** Its assignee changed. */
        ASSIGNEE,
        /** Its priority changed. */
        PRIORITY,
        /** The change wrote journal entries the customer sees (replies, resolution, answers). */
        COMMENT,
        /** The request was closed. */
        CLOSED,
        /** Anything else (deadlines, plans, internal notes). */
        OTHER
    }

    /**
     * Checks and copies the parts.
     *
     * @param idempotencyKey the change's key
     * @param request        the request
     * @param kinds          what changed
     * @param entries        the customer-visible entries
     * @param customer       the customer
     * @param assigneeName   the assignee's name
     */
    public CrmChange {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(request, "request");
        kinds = kinds == null || kinds.isEmpty() ? Set.of(Kind.OTHER) : Set.copyOf(kinds);
        entries = entries == null ? List.of() : List.copyOf(entries);
        customer = customer == null ? CrmParty.builder().build() : customer;
        assigneeName = assigneeName == null ? Optional.empty() : assigneeName;
    }

    /**
     * What changed between two versions of a request.
     *
     * @param before  the previous version, or null when the request was just created
     * @param after   the new version
     * @param entries the customer-visible entries the change wrote
     * @return the kinds of the change, {@link Kind#OTHER} alone when none of the tracked parts changed
     */
    public static Set<Kind> kindsOf(Request before, Request after, List<CrmEntry> entries) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (before == null) {
            kinds.add(Kind.CREATED);
        } else {
            if (before.status() != after.status()) {
                kinds.add(after.status().isTerminal() ? Kind.CLOSED : Kind.STATUS);
            }
            if (!before.assignee().equals(after.assignee())) {
                kinds.add(Kind.ASSIGNEE);
            }
            if (before.priority() != after.priority()) {
                kinds.add(Kind.PRIORITY);
            }
        }
        if (entries != null && !entries.isEmpty()) {
            kinds.add(Kind.COMMENT);
        }
        if (kinds.isEmpty()) {
            kinds.add(Kind.OTHER);
        }
        return kinds;
    }

    /**
     * A change known only by its request snapshot (as pushed by engines before this type existed).
     *
     * @param request        the request
     * @param idempotencyKey the change's key
     * @return the change, its kind derived from the version alone
     */
    public static CrmChange of(Request request, String idempotencyKey) {
        return new CrmChange(idempotencyKey, request, Set.of(request.version() <= 1 ? Kind.CREATED : Kind.OTHER),
                List.of(), null, Optional.empty());
    }
}
