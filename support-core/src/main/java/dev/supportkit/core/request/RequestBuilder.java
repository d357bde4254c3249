package dev.supportkit.core.request;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.request.IntakeDetails;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.request.VendorCaseState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Copies a request snapshot with some fields changed.
 */
public final class RequestBuilder {
    RequestId id;
    TenantId tenant;
    OrganizationId organization;
    RepresentativeId representative;
    Optional<SystemId> system = Optional.empty();
    String subject;
    String description;
    Channel channel;
    Priority priority;
    RequestStatus status;
    SupportLine line;
    Optional<GroupId> group = Optional.empty();
    Optional<SpecialistId> assignee = Optional.empty();
    Optional<ResolutionReport> resolution = Optional.empty();
    Instant registeredAt;
    Instant updatedAt;
    long version;
    long journalSequence;
    String journalHash;
    List<Deadline> deadlines = List.of();
    Optional<VendorCaseState> vendorCase = Optional.empty();
    Optional<String> category = Optional.empty();
    IntakeDetails intake = IntakeDetails.NONE;

    /**
     * Returns an empty builder for a new request.
     *
     * @return an empty builder for a new request
     */
    public static RequestBuilder create() {
        return new RequestBuilder();
    }

    /**
     * @param r the snapshot to start from
     * @return a builder holding every field of {@code r}
     */
    public static RequestBuilder from(Request r) {
        RequestBuilder b = new RequestBuilder();
        b.id = r.id();
        b.tenant = r.tenant();
        b.organization = r.organization();
        b.representative = r.representative();
        b.system = r.system();
        b.subject = r.subject();
        b.description = r.description();
        b.channel = r.channel();
        b.priority = r.priority();
        b.status = r.status();
        b.line = r.line();
        b.group = r.group();
        b.assignee = r.assignee();
        b.resolution = r.resolution();
        b.registeredAt = r.registeredAt();
        b.updatedAt = r.updatedAt();
        b.version = r.version();
        b.journalSequence = r.journalSequence();
        b.journalHash = r.journalHash();
        b.deadlines = r.deadlines();
        b.vendorCase = r.vendorCase();
        b.category = r.category();
        b.intake = r.intake();
        return b;
    }

    /**
     * Sets id.
     *
     * @param v id
     * @return this
     */
    public RequestBuilder id(RequestId v) { id = v; return this; }
    /**
     * Sets tenant.
     *
     * @param v tenant
     * @return this
     */
    public RequestBuilder tenant(TenantId v) { tenant = v; return this; }
    /**
     * Sets organization.
     *
     * @param v organization
     * @return this
     */
    public RequestBuilder organization(OrganizationId v) { organization = v; return this; }
    /**
     * Sets representative.
     *
     * @param v representative
     * @return this
     */
    public RequestBuilder representative(RepresentativeId v) { representative = v; return this; }
    /**
     * Sets system or null.
     *
     * @param v system or null
     * @return this
     */
    public RequestBuilder system(SystemId v) { system = Optional.ofNullable(v); return this; }
    /**
     * Sets subject.
     *
     * @param v subject
     * @return this
     */
    public RequestBuilder subject(String v) { subject = v; return this; }
    /**
     * Sets description.
     *
     * @param v description
     * @return this
     */
    public RequestBuilder description(String v) { description = v; return this; }
    /**
     * Sets channel.
     *
     * @param v channel
     * @return this
     */
    public RequestBuilder channel(Channel v) { channel = v; return this; }
    /**
     * Sets priority.
     *
     * @param v priority
     * @return this
     */
    public RequestBuilder priority(Priority v) { priority = v; return this; }
    /**
     * Sets status.
     *
     * @param v status
     * @return this
     */
    public RequestBuilder status(RequestStatus v) { status = v; return this; }
    /**
     * Sets line.
     *
     * @param v line
     * @return this
     */
    public RequestBuilder line(SupportLine v) { line = v; return this; }
    /**
     * Sets group or null.
     *
     * @param v group or null
     * @return this
     */
    public RequestBuilder group(GroupId v) { group = Optional.ofNullable(v); return this; }
    /**
     * Sets assignee or null.
     *
     * @param v assignee or null
     * @return this
     */
    public RequestBuilder assignee(SpecialistId v) { assignee = Optional.ofNullable(v); return this; }
    /**
     * Sets resolution or null.
     *
     * @param v resolution or null
     * @return this
     */
    public RequestBuilder resolution(ResolutionReport v) { resolution = Optional.ofNullable(v); return this; }
    /**
     * Sets the deadlines.
     *
     * @param v the deadlines
     * @return this
     */
    public RequestBuilder deadlines(List<Deadline> v) {
        deadlines = v;
        return this;
    }

    /**
     * Sets the intake details (questionnaire, answers, emergency flag, incident).
     *
     * @param v the details, or null for none
     * @return this builder
     */
    public RequestBuilder intake(IntakeDetails v) {
        intake = v == null ? IntakeDetails.NONE : v;
        return this;
    }

    /**
     * Sets the problem category.
     *
     * @param v the category, or null or blank for none
     * @return this
     */
    public RequestBuilder category(String v) {
        category = Optional.ofNullable(v).filter(c -> !c.isBlank()).map(String::strip);
        return this;
    }

    /**
     * Sets the vendor case.
     *
     * @param v the vendor case, or null
     * @return this
     */
    public RequestBuilder vendorCase(VendorCaseState v) {
        vendorCase = Optional.ofNullable(v);
        return this;
    }

    /**
     * Sets registration time.
     *
     * @param v registration time
     * @return this
     */
    public RequestBuilder registeredAt(Instant v) { registeredAt = v; return this; }
    /**
     * Sets last change time.
     *
     * @param v last change time
     * @return this
     */
    public RequestBuilder updatedAt(Instant v) { updatedAt = v; return this; }
    /**
     * Sets version.
     *
     * @param v version
     * @return this
     */
    public RequestBuilder version(long v) { version = v; return this; }

    /**
     * @param sequence last journal sequence
     * @param hash     last journal hash
     * @return this
     */
    public RequestBuilder journalHead(long sequence, String hash) {
        journalSequence = sequence;
        journalHash = hash;
        return this;
    }

    /**
     * Returns the snapshot.
     *
     * @return the snapshot
     */
    public Request build() {
        return new Request(id, tenant, organization, representative, system, subject, description, channel, priority,
                status, line, group, assignee, resolution, registeredAt, updatedAt, version, journalSequence,
                journalHash, deadlines, vendorCase, category, intake);
    }
}
