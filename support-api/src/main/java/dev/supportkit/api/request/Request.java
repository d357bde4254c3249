package dev.supportkit.api.request;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.scheduling.WorksOrder;
import dev.supportkit.api.work.WorkPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of a request (заявка): the unit of work registered from one or more contacts.
 * Every command returns a new snapshot with a higher {@link #version()}. Build one with {@link #builder()},
 * or copy one with some parts changed with {@link #toBuilder()}.
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
 * @param model           the model of its supported system, as the directory named it when the system was
 *                        set, if known (queues and reports filter by it)
 * @param milestones      when it was first responded to, resolved, signed off and closed
 * @param typical         whether its problem was judged typical (A/02.3) or not (B/01.6), once someone judged it
 * @param workPlan        its work plan (D/01.7): tasks, executors, deadlines and approval, once one was drafted
 * @param works           its works orders agreed with departments (C/01.6), in the order they were proposed
 * @param survey          its satisfaction survey after closing (D/02.7), once one was sent, with the answer
 */
public record Request(RequestId id, TenantId tenant, OrganizationId organization, RepresentativeId representative,
                      Optional<SystemId> system, String subject, String description, Channel channel,
                      Priority priority, RequestStatus status, SupportLine line, Optional<GroupId> group,
                      Optional<SpecialistId> assignee, Optional<ResolutionReport> resolution, Instant registeredAt,
                      Instant updatedAt, long version, long journalSequence, String journalHash,
                      List<Deadline> deadlines, Optional<VendorCaseState> vendorCase, Optional<String> category,
                      IntakeDetails intake, Optional<String> model, Milestones milestones,
                      Optional<Boolean> typical, Optional<WorkPlan> workPlan, List<WorksOrder> works,
                      Optional<Survey> survey) {

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
     * @param model the model of its supported system, if known; null is read as empty
     * @param milestones its milestones; null is read as {@link Milestones#NONE}
     * @param typical whether its problem was judged typical; null is read as empty
     * @param workPlan its work plan, if any; null is read as empty
     * @param works its works orders; null is read as none
     * @param survey its satisfaction survey, once one was sent; null is read as empty
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
        model = model == null ? Optional.empty() : model;
        milestones = milestones == null ? Milestones.NONE : milestones;
        typical = typical == null ? Optional.empty() : typical;
        workPlan = workPlan == null ? Optional.empty() : workPlan;
        works = works == null ? List.of() : List.copyOf(works);
        survey = survey == null ? Optional.empty() : survey;
    }

    /**
     * The reference to pass to the next command on this request.
     *
     * @return id and version of this snapshot
     */
    public RequestRef ref() {
        return new RequestRef(id, version);
    }

    /**
     * Returns an empty builder for a new request. Optional parts start empty, the deadlines as none and
     * the intake details as {@link IntakeDetails#NONE}.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding every component of this snapshot, to copy it with some changed.
     *
     * @return a builder holding this snapshot
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.tenant = tenant;
        b.organization = organization;
        b.representative = representative;
        b.system = system;
        b.subject = subject;
        b.description = description;
        b.channel = channel;
        b.priority = priority;
        b.status = status;
        b.line = line;
        b.group = group;
        b.assignee = assignee;
        b.resolution = resolution;
        b.registeredAt = registeredAt;
        b.updatedAt = updatedAt;
        b.version = version;
        b.journalSequence = journalSequence;
        b.journalHash = journalHash;
        b.deadlines = deadlines;
        b.vendorCase = vendorCase;
        b.category = category;
        b.intake = intake;
        b.model = model;
        b.milestones = milestones;
        b.typical = typical;
        b.workPlan = workPlan;
        b.works = works;
        b.survey = survey;
        return b;
    }

    /**
     * Builds a {@link Request}. Setters for optional parts take the value or null for none;
     * {@link #build()} reports every missing required part at once.
     */
    public static final class Builder {
        private RequestId id;
        private TenantId tenant;
        private OrganizationId organization;
        private RepresentativeId representative;
        private Optional<SystemId> system = Optional.empty();
        private String subject;
        private String description;
        private Channel channel;
        private Priority priority;
        private RequestStatus status;
        private SupportLine line;
        private Optional<GroupId> group = Optional.empty();
        private Optional<SpecialistId> assignee = Optional.empty();
        private Optional<ResolutionReport> resolution = Optional.empty();
        private Instant registeredAt;
        private Instant updatedAt;
        private long version;
        private long journalSequence;
        private String journalHash;
        private List<Deadline> deadlines = List.of();
        private Optional<VendorCaseState> vendorCase = Optional.empty();
        private Optional<String> category = Optional.empty();
        private IntakeDetails intake = IntakeDetails.NONE;
        private Optional<String> model = Optional.empty();
        private Milestones milestones = Milestones.NONE;
        private Optional<Boolean> typical = Optional.empty();
        private Optional<WorkPlan> workPlan = Optional.empty();
        private List<WorksOrder> works = List.of();
        private Optional<Survey> survey = Optional.empty();

        private Builder() {
        }

        /**
         * Returns the id set so far.
         *
         * @return the id, or null when not yet set
         */
        public RequestId id() {
            return id;
        }

        /**
         * Returns the tenant set so far.
         *
         * @return the tenant, or null when not yet set
         */
        public TenantId tenant() {
            return tenant;
        }

        /**
         * Sets the identifier.
         *
         * @param value the identifier
         * @return this builder
         */
        public Builder id(RequestId value) {
            id = value;
            return this;
        }

        /**
         * Sets the tenant that owns it.
         *
         * @param value the tenant
         * @return this builder
         */
        public Builder tenant(TenantId value) {
            tenant = value;
            return this;
        }

        /**
         * Sets the customer organisation.
         *
         * @param value the organisation
         * @return this builder
         */
        public Builder organization(OrganizationId value) {
            organization = value;
            return this;
        }

        /**
         * Sets the representative who reported it.
         *
         * @param value the representative
         * @return this builder
         */
        public Builder representative(RepresentativeId value) {
            representative = value;
            return this;
        }

        /**
         * Sets the supported system concerned.
         *
         * @param value the system, or null when unknown
         * @return this builder
         */
        public Builder system(SystemId value) {
            system = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets the one-line summary.
         *
         * @param value the summary
         * @return this builder
         */
        public Builder subject(String value) {
            subject = value;
            return this;
        }

        /**
         * Sets the problem as described by the customer.
         *
         * @param value the description
         * @return this builder
         */
        public Builder description(String value) {
            description = value;
            return this;
        }

        /**
         * Sets the channel of the first contact.
         *
         * @param value the channel
         * @return this builder
         */
        public Builder channel(Channel value) {
            channel = value;
            return this;
        }

        /**
         * Sets how urgent it is.
         *
         * @param value the priority
         * @return this builder
         */
        public Builder priority(Priority value) {
            priority = value;
            return this;
        }

        /**
         * Sets where it is in its life.
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(RequestStatus value) {
            status = value;
            return this;
        }

        /**
         * Sets the support line responsible for it.
         *
         * @param value the line
         * @return this builder
         */
        public Builder line(SupportLine value) {
            line = value;
            return this;
        }

        /**
         * Sets the responsible support group.
         *
         * @param value the group, or null for none
         * @return this builder
         */
        public Builder group(GroupId value) {
            group = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets the responsible specialist.
         *
         * @param value the specialist, or null for none
         * @return this builder
         */
        public Builder assignee(SpecialistId value) {
            assignee = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets the resolution report.
         *
         * @param value the report, or null for none
         * @return this builder
         */
        public Builder resolution(ResolutionReport value) {
            resolution = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets when it was registered.
         *
         * @param value the registration time
         * @return this builder
         */
        public Builder registeredAt(Instant value) {
            registeredAt = value;
            return this;
        }

        /**
         * Sets when it last changed.
         *
         * @param value the time of the last change
         * @return this builder
         */
        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /**
         * Sets the optimistic-locking version.
         *
         * @param value the version, from 1
         * @return this builder
         */
        public Builder version(long value) {
            version = value;
            return this;
        }

        /**
         * Sets the head of its journal's hash chain.
         *
         * @param sequence sequence number of its latest journal entry
         * @param hash     hash of its latest journal entry
         * @return this builder
         */
        public Builder journalHead(long sequence, String hash) {
            journalSequence = sequence;
            journalHash = hash;
            return this;
        }

        /**
         * Sets its service-level deadlines.
         *
         * @param value the deadlines, or null for none
         * @return this builder
         */
        public Builder deadlines(List<Deadline> value) {
            deadlines = value == null ? List.of() : value;
            return this;
        }

        /**
         * Sets its vendor case.
         *
         * @param value the vendor case, or null for none
         * @return this builder
         */
        public Builder vendorCase(VendorCaseState value) {
            vendorCase = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets the problem category; surrounding blanks are removed.
         *
         * @param value the category, or null or blank for none
         * @return this builder
         */
        public Builder category(String value) {
            category = Optional.ofNullable(value).filter(c -> !c.isBlank()).map(String::strip);
            return this;
        }

        /**
         * Sets the questionnaire, answers, emergency flag and mass incident it was taken with.
         *
         * @param value the details, or null for {@link IntakeDetails#NONE}
         * @return this builder
         */
        public Builder intake(IntakeDetails value) {
            intake = value == null ? IntakeDetails.NONE : value;
            return this;
        }

        /**
         * Sets the model of its supported system.
         *
         * @param value the model, or null when not known
         * @return this builder
         */
        public Builder model(String value) {
            model = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets when it was first responded to, resolved, signed off and closed.
         *
         * @param value the milestones, or null for none
         * @return this builder
         */
        public Builder milestones(Milestones value) {
            milestones = value == null ? Milestones.NONE : value;
            return this;
        }

        /**
         * Sets whether its problem was judged typical.
         *
         * @param value true for typical, false for non-typical, null when not judged
         * @return this builder
         */
        public Builder typical(Boolean value) {
            typical = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets its work plan.
         *
         * @param value the plan, or null for none
         * @return this builder
         */
        public Builder workPlan(WorkPlan value) {
            workPlan = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets its works orders.
         *
         * @param value the orders, or null for none
         * @return this builder
         */
        public Builder works(List<WorksOrder> value) {
            works = value == null ? List.of() : value;
            return this;
        }

        /**
         * Sets its satisfaction survey.
         *
         * @param value the survey, or null for none
         * @return this builder
         */
        public Builder survey(Survey value) {
            survey = Optional.ofNullable(value);
            return this;
        }

        /**
         * Builds the snapshot.
         *
         * @return the snapshot
         * @throws ValidationException naming every required part that is missing ({@code request.<part>},
         *                             rule {@code required}) or a negative version or journal sequence
         *                             (rule {@code not-negative})
         */
        public Request build() {
            List<FieldError> errors = new ArrayList<>();
            required(errors, "id", id);
            required(errors, "tenant", tenant);
            required(errors, "organization", organization);
            required(errors, "representative", representative);
            required(errors, "subject", subject);
            required(errors, "description", description);
            required(errors, "channel", channel);
            required(errors, "priority", priority);
            required(errors, "status", status);
            required(errors, "line", line);
            required(errors, "registeredAt", registeredAt);
            required(errors, "updatedAt", updatedAt);
            required(errors, "journalHash", journalHash);
            notNegative(errors, "version", version);
            notNegative(errors, "journalSequence", journalSequence);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new Request(id, tenant, organization, representative, system, subject, description, channel,
                    priority, status, line, group, assignee, resolution, registeredAt, updatedAt, version,
                    journalSequence, journalHash, deadlines, vendorCase, category, intake, model, milestones, typical,
                    workPlan, works, survey);
        }

        private static void required(List<FieldError> errors, String part, Object value) {
            if (value == null) {
                errors.add(new FieldError("request." + part, "required", "is required"));
            }
        }

        private static void notNegative(List<FieldError> errors, String part, long value) {
            if (value < 0) {
                errors.add(new FieldError("request." + part, "not-negative", "must not be negative, was " + value));
            }
        }
    }
}
