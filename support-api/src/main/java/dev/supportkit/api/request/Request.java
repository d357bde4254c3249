package dev.supportkit.api.request;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SystemId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of a request (заявка): the unit of work registered from one or more contacts.
 * Every command returns a new snapshot with a higher {@link #version()}.
 *
 * @param id              identifier
 * @param tenant          the tenant that owns it
 * @param organization    the customer organisation
 * @param representative  the customer's responsible representative who reported it
 * @param system          the supported system concerned, if known
 * @param subject         one-line summary
 * @param description     the problem as described by the customer
 * @param channel         the channel of the first contact
 * @param priority        how urgent it is
 * @param status          where it is in its life
 * @param line            the support line responsible for it now
 * @param group           the support group responsible for it now, if assigned
 * @param assignee        the specialist responsible for it now, if assigned
 * @param resolution      the resolution report once resolved
 * @param registeredAt    when it was registered
 * @param updatedAt       when it last changed
 * @param version         optimistic-locking version, starting at 1
 * @param journalSequence sequence number of its latest journal entry
 * @param journalHash     hash of its latest journal entry: the anchor of the hash chain
 * @param deadlines       its service-level deadlines; empty when no policy applies
 * @param vendorCase      its vendor case, once the request was handed to the vendor (D/01.7)
 * @param category        the problem category named at intake (routing rules may match it), if any
 * @param intake          the questionnaire and answers it was taken with, its emergency flag and its mass
 *                        incident; {@link IntakeDetails#NONE} when none of these apply
 */
public record Request(RequestId id, TenantId tenant, OrganizationId organization, RepresentativeId representative,
                      Optional<SystemId> system, String subject, String description, Channel channel,
                      Priority priority, RequestStatus status, SupportLine line, Optional<GroupId> group,
                      Optional<SpecialistId> assignee, Optional<ResolutionReport> resolution, Instant registeredAt,
                      Instant updatedAt, long version, long journalSequence, String journalHash,
                      List<Deadline> deadlines, Optional<VendorCaseState> vendorCase, Optional<String> category,
                      IntakeDetails intake) {

    /**
     * A request without intake details.
     *
     * @param id              identifier
     * @param tenant          the tenant that owns it
     * @param organization    the customer organisation
     * @param representative  the customer's responsible representative who reported it
     * @param system          the supported system concerned, if known
     * @param subject         one-line summary
     * @param description     the problem as described by the customer
     * @param channel         the channel of the first contact
     * @param priority        how urgent it is
     * @param status          where it is in its life
     * @param line            the support line responsible for it now
     * @param group           the support group responsible for it now, if assigned
     * @param assignee        the specialist responsible for it now, if assigned
     * @param resolution      the resolution report once resolved
     * @param registeredAt    when it was registered
     * @param updatedAt       when it last changed
     * @param version         optimistic-locking version, starting at 1
     * @param journalSequence sequence number of its latest journal entry
     * @param journalHash     hash of its latest journal entry
     * @param deadlines       its service-level deadlines
     * @param vendorCase      its vendor case, if one was opened
     * @param category        the problem category, if any
     */
    public Request(RequestId id, TenantId tenant, OrganizationId organization, RepresentativeId representative,
                   Optional<SystemId> system, String subject, String description, Channel channel, Priority priority,
                   RequestStatus status, SupportLine line, Optional<GroupId> group, Optional<SpecialistId> assignee,
                   Optional<ResolutionReport> resolution, Instant registeredAt, Instant updatedAt, long version,
                   long journalSequence, String journalHash, List<Deadline> deadlines,
                   Optional<VendorCaseState> vendorCase, Optional<String> category) {
        this(id, tenant, organization, representative, system, subject, description, channel, priority, status, line,
                group, assignee, resolution, registeredAt, updatedAt, version, journalSequence, journalHash, deadlines,
                vendorCase, category, IntakeDetails.NONE);
    }

    /**
     * A request without a problem category.
     *
     * @param id              identifier
     * @param tenant          the tenant that owns it
     * @param organization    the customer organisation
     * @param representative  the customer's responsible representative who reported it
     * @param system          the supported system concerned, if known
     * @param subject         one-line summary
     * @param description     the problem as described by the customer
     * @param channel         the channel of the first contact
     * @param priority        how urgent it is
     * @param status          where it is in its life
     * @param line            the support line responsible for it now
     * @param group           the support group responsible for it now, if assigned
     * @param assignee        the specialist responsible for it now, if assigned
     * @param resolution      the resolution report once resolved
     * @param registeredAt    when it was registered
     * @param updatedAt       when it last changed
     * @param version         optimistic-locking version, starting at 1
     * @param journalSequence sequence number of its latest journal entry
     * @param journalHash     hash of its latest journal entry
     * @param deadlines       its service-level deadlines
     * @param vendorCase      its vendor case, if one was opened
     */
    public Request(RequestId id, TenantId tenant, OrganizationId organization, RepresentativeId representative,
                   Optional<SystemId> system, String subject, String description, Channel channel, Priority priority,
                   RequestStatus status, SupportLine line, Optional<GroupId> group, Optional<SpecialistId> assignee,
                   Optional<ResolutionReport> resolution, Instant registeredAt, Instant updatedAt, long version,
                   long journalSequence, String journalHash, List<Deadline> deadlines,
                   Optional<VendorCaseState> vendorCase) {
        this(id, tenant, organization, representative, system, subject, description, channel, priority, status, line,
                group, assignee, resolution, registeredAt, updatedAt, version, journalSequence, journalHash, deadlines,
                vendorCase, Optional.empty());
    }

    /**
     * A request without a vendor case.
     *
     * @param id              identifier
     * @param tenant          the tenant that owns it
     * @param organization    the customer organisation
     * @param representative  the customer's responsible representative who reported it
     * @param system          the supported system concerned, if known
     * @param subject         one-line summary
     * @param description     the problem as described by the customer
     * @param channel         the channel of the first contact
     * @param priority        how urgent it is
     * @param status          where it is in its life
     * @param line            the support line responsible for it now
     * @param group           the support group responsible for it now, if assigned
     * @param assignee        the specialist responsible for it now, if assigned
     * @param resolution      the resolution report once resolved
     * @param registeredAt    when it was registered
     * @param updatedAt       when it last changed
     * @param version         optimistic-locking version, starting at 1
     * @param journalSequence sequence number of its latest journal entry
     * @param journalHash     hash of its latest journal entry
     * @param deadlines       its service-level deadlines; empty when no policy applies
     */
    public Request(RequestId id, TenantId tenant, OrganizationId organization, RepresentativeId representative,
                   Optional<SystemId> system, String subject, String description, Channel channel, Priority priority,
                   RequestStatus status, SupportLine line, Optional<GroupId> group, Optional<SpecialistId> assignee,
                   Optional<ResolutionReport> resolution, Instant registeredAt, Instant updatedAt, long version,
                   long journalSequence, String journalHash, List<Deadline> deadlines) {
        this(id, tenant, organization, representative, system, subject, description, channel, priority, status, line,
                group, assignee, resolution, registeredAt, updatedAt, version, journalSequence, journalHash, deadlines,
                Optional.empty(), Optional.empty());
    }

    /**
     * A request without deadlines.
     *
     * @param id              identifier
     * @param tenant          the tenant that owns it
     * @param organization    the customer organisation
     * @param representative  the customer's responsible representative who reported it
     * @param system          the supported system concerned, if known
     * @param subject         one-line summary
     * @param description     the problem as described by the customer
     * @param channel         the channel of the first contact
     * @param priority        how urgent it is
     * @param status          where it is in its life
     * @param line            the support line responsible for it now
     * @param group           the support group responsible for it now, if assigned
     * @param assignee        the specialist responsible for it now, if assigned
     * @param resolution      the resolution report once resolved
     * @param registeredAt    when it was registered
     * @param updatedAt       when it last changed
     * @param version         optimistic-locking version, starting at 1
     * @param journalSequence sequence number of its latest journal entry
     * @param journalHash     hash of its latest journal entry
     */
    public Request(RequestId id, TenantId tenant, OrganizationId organization, RepresentativeId representative,
                   Optional<SystemId> system, String subject, String description, Channel channel, Priority priority,
                   RequestStatus status, SupportLine line, Optional<GroupId> group, Optional<SpecialistId> assignee,
                   Optional<ResolutionReport> resolution, Instant registeredAt, Instant updatedAt, long version,
                   long journalSequence, String journalHash) {
        this(id, tenant, organization, representative, system, subject, description, channel, priority, status, line,
                group, assignee, resolution, registeredAt, updatedAt, version, journalSequence, journalHash, List.of(),
                Optional.empty(), Optional.empty());
    }

    /**
     * @param kind a deadline kind
     * @return the request's deadline of that kind, if a policy set one
     */
    public Optional<Deadline> deadline(DeadlineKind kind) {
        return deadlines.stream().filter(d -> d.kind() == kind).findFirst();
    }

    /**
     * Checks that every required part is present.
     *
     * @param id identifier
     * @param tenant the tenant that owns it
     * @param organization the customer organisation
     * @param representative the customer's responsible representative who reported it
     * @param system the supported system concerned, if known
     * @param subject one-line summary
     * @param description the problem as described by the customer
     * @param channel the channel of the first contact
     * @param priority how urgent it is
     * @param status where it is in its life
     * @param line the support line responsible for it now
     * @param group the support group responsible for it now, if assigned
     * @param assignee the specialist responsible for it now, if assigned
     * @param resolution the resolution report once resolved
     * @param registeredAt when it was registered
     * @param updatedAt when it last changed
     * @param version optimistic-locking version, starting at 1
     * @param journalSequence sequence number of its latest journal entry
     * @param journalHash hash of its latest journal entry: the anchor of the hash chain
     * @param deadlines its service-level deadlines; empty when no policy applies
     * @param vendorCase its vendor case, once the request was handed to the vendor; null is read as empty
     * @param category the problem category, if any; null is read as empty
     * @param intake the intake details; null is read as {@link IntakeDetails#NONE}
     */
    public Request {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(representative, "representative");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(journalHash, "journalHash");
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        vendorCase = vendorCase == null ? Optional.empty() : vendorCase;
        category = category == null ? Optional.empty() : category;
        intake = intake == null ? IntakeDetails.NONE : intake;
    }

    /**
     * The reference to pass to the next command on this request.
     *
     * @return id and version of this snapshot
     */
    public RequestRef ref() {
        return new RequestRef(id, version);
    }
}
