package dev.supportkit.api.request;

import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A queue: a filter over the tenant's requests, an order and a page, built with {@link #builder()}.
 * Filters combine with AND; a set filter (statuses, priorities, deadline conditions) matches any of its
 * members, and an empty set matches everything. Pages are keyset pages: pass the previous page's
 * {@link RequestPage#nextCursor() cursor} to {@link Builder#after(String)} with the same filters and order
 * to get the next one. A request registered while an operator pages through a queue shows up on a later
 * page or not at all, and never makes another request be skipped or repeated; a request whose sort key
 * changes meanwhile (its deadline or its last update) may move.
 *
 * @param statuses        only these statuses; empty means all
 * @param line            only requests at this line, if set
 * @param group           only requests of this support group, if set
 * @param assignee        which assignee: any, none, the actor, or one specialist
 * @param priorities      only these priorities; empty means all
 * @param category        only this problem category (exact), if set
 * @param organization    only this organisation's requests, if set
 * @param system          only requests about this supported system, if set
 * @param model           only requests about a system of this model (exact, as recorded at registration), if
 *                        set
 * @param emergency       only emergencies (true) or only non-emergencies (false), if set
 * @param deadlines       deadline conditions, any of which a request must meet; empty means no condition
 * @param registeredFrom  only requests registered at or after this instant, if set
 * @param registeredUntil only requests registered before this instant, if set
 * @param updatedFrom     only requests last changed at or after this instant, if set
 * @param updatedUntil    only requests last changed before this instant, if set
 * @param sort            the order
 * @param after           the cursor of the previous page, if this is not the first page
 * @param limit           the page size, 1 to {@link #MAX_LIMIT}
 */
public record RequestQuery(Set<RequestStatus> statuses, Optional<SupportLine> line, Optional<GroupId> group,
                           AssigneeFilter assignee, Set<Priority> priorities, Optional<String> category,
                           Optional<OrganizationId> organization, Optional<SystemId> system, Optional<String> model,
                           Optional<Boolean> emergency, Set<DeadlineCondition> deadlines,
                           Optional<Instant> registeredFrom, Optional<Instant> registeredUntil,
                           Optional<Instant> updatedFrom, Optional<Instant> updatedUntil, RequestSort sort,
                           Optional<String> after, int limit) {

    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;
    /** The page size of a query that does not set one. */
    public static final int DEFAULT_LIMIT = 100;
    /** The longest cursor accepted. */
    static final int MAX_CURSOR_LENGTH = 512;

    /**
     * Checks the query: every rule broken is reported at once, each naming its field ({@code query.limit},
     * {@code query.registered}, ...).
     *
     * @param statuses        only these statuses; empty means all
     * @param line            only requests at this line, if set
     * @param group           only requests of this support group, if set
     * @param assignee        which assignee
     * @param priorities      only these priorities; empty means all
     * @param category        only this problem category, if set
     * @param organization    only this organisation's requests, if set
     * @param system          only requests about this supported system, if set
     * @param model           only requests about a system of this model, if set
     * @param emergency       only emergencies or only non-emergencies, if set
     * @param deadlines       deadline conditions, any of which must be met; empty means none
     * @param registeredFrom  registered at or after, if set
     * @param registeredUntil registered before, if set
     * @param updatedFrom     last changed at or after, if set
     * @param updatedUntil    last changed before, if set
     * @param sort            the order
     * @param after           the previous page's cursor, if any
     * @param limit           the page size, 1 to {@link #MAX_LIMIT}
     * @throws ValidationException when a rule is broken
     */
    public RequestQuery {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        priorities = priorities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(priorities));
        deadlines = Set.copyOf(deadlines);
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(emergency, "emergency");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(after, "after");
        List<FieldError> errors = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("query.limit", "range", "must be between 1 and " + MAX_LIMIT + ", got " + limit));
        }
        checkRange(errors, "query.registered", registeredFrom, registeredUntil);
        checkRange(errors, "query.updated", updatedFrom, updatedUntil);
        checkText(errors, "query.category", category);
        checkText(errors, "query.model", model);
        if (after.isPresent() && (after.get().isEmpty() || after.get().length() > MAX_CURSOR_LENGTH)) {
            errors.add(new FieldError("query.after", "cursor", "is not a cursor this engine returned"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void checkRange(List<FieldError> errors, String field, Optional<Instant> from,
                                   Optional<Instant> until) {
        Objects.requireNonNull(from, field + "From");
        Objects.requireNonNull(until, field + "Until");
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            errors.add(new FieldError(field, "range", "the start (" + from.get() + ") must be before the end ("
                    + until.get() + ")"));
        }
    }

    private static void checkText(List<FieldError> errors, String field, Optional<String> value) {
        if (value.isPresent() && (value.get().isBlank() || value.get().length() > 200)) {
            errors.add(new FieldError(field, "length", "must be 1 to 200 characters and not blank"));
        }
    }

    /**
     * Returns a builder for a query matching every request, oldest registration first, 100 a page.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a query matching every request, oldest registration first, 100 a page.
     *
     * @return the query
     */
    public static RequestQuery all() {
        return builder().build();
    }

    /**
     * Returns a builder holding this query, to change some parts (for example the cursor).
     *
     * @return a builder holding every component
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.statuses.addAll(statuses);
        b.line = line.orElse(null);
        b.group = group.orElse(null);
        b.assignee = assignee;
        b.priorities.addAll(priorities);
        b.category = category.orElse(null);
        b.organization = organization.orElse(null);
        b.system = system.orElse(null);
        b.model = model.orElse(null);
        b.emergency = emergency.orElse(null);
        b.deadlines.addAll(deadlines);
        b.registeredFrom = registeredFrom.orElse(null);
        b.registeredUntil = registeredUntil.orElse(null);
        b.updatedFrom = updatedFrom.orElse(null);
        b.updatedUntil = updatedUntil.orElse(null);
        b.sort = sort;
        b.after = after.orElse(null);
        b.limit = limit;
        return b;
    }

    /** Builds a {@link RequestQuery}; {@link #build()} checks it. Setters taking an object accept null for "any". */
    public static final class Builder {
        private final Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        private SupportLine line;
        private GroupId group;
        private AssigneeFilter assignee = AssigneeFilter.any();
        private final Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        private String category;
        private OrganizationId organization;
        private SystemId system;
        private String model;
        private Boolean emergency;
        private final Set<DeadlineCondition> deadlines = new LinkedHashSet<>();
        private Instant registeredFrom;
        private Instant registeredUntil;
        private Instant updatedFrom;
        private Instant updatedUntil;
        private RequestSort sort = RequestSort.REGISTERED;
        private String after;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        /**
         * Adds statuses to include.
         *
         * @param values statuses to include
         * @return this builder
         */
        public Builder status(RequestStatus... values) {
            statuses.addAll(List.of(values));
            return this;
        }

        /**
         * Includes every open status (see {@link RequestStatus#isOpen()}).
         *
         * @return this builder
         */
        public Builder open() {
            for (RequestStatus status : RequestStatus.values()) {
                if (status.isOpen()) {
                    statuses.add(status);
                }
            }
            return this;
        }

        /**
         * Sets only this line.
         *
         * @param value the line, or null for any
         * @return this builder
         */
        public Builder line(SupportLine value) {
            this.line = value;
            return this;
        }

        /**
         * Sets only this support group.
         *
         * @param value the group, or null for any
         * @return this builder
         */
        public Builder group(GroupId value) {
            this.group = value;
            return this;
        }

        /**
         * Sets which assignee.
         *
         * @param value any, unassigned, mine or one specialist
         * @return this builder
         */
        public Builder assignee(AssigneeFilter value) {
            this.assignee = Objects.requireNonNull(value, "assignee");
            return this;
        }

        /**
         * Adds priorities to include.
         *
         * @param values priorities to include
         * @return this builder
         */
        public Builder priority(Priority... values) {
            priorities.addAll(List.of(values));
            return this;
        }

        /**
         * Sets only this problem category.
         *
         * @param value the category, or null for any
         * @return this builder
         */
        public Builder category(String value) {
            this.category = value;
            return this;
        }

        /**
         * Sets only this organisation.
         *
         * @param value the organisation, or null for any
         * @return this builder
         */
        public Builder organization(OrganizationId value) {
            this.organization = value;
            return this;
        }

        /**
         * Sets only this supported system.
         *
         * @param value the system, or null for any
         * @return this builder
         */
        public Builder system(SystemId value) {
            this.system = value;
            return this;
        }

        /**
         * Sets only systems of this model.
         *
         * @param value the model, or null for any
         * @return this builder
         */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /**
         * Sets only emergencies (true) or only non-emergencies (false).
         *
         * @param value the flag, or null for both
         * @return this builder
         */
        public Builder emergency(Boolean value) {
            this.emergency = value;
            return this;
        }

        /**
         * Adds deadline conditions; a request matches when it meets any of them.
         *
         * @param values the conditions
         * @return this builder
         */
        public Builder deadline(DeadlineCondition... values) {
            deadlines.addAll(List.of(values));
            return this;
        }

        /**
         * Sets the registration window: at or after {@code from}, before {@code until}.
         *
         * @param from  the start, or null for none
         * @param until the end (exclusive), or null for none
         * @return this builder
         */
        public Builder registered(Instant from, Instant until) {
            this.registeredFrom = from;
            this.registeredUntil = until;
            return this;
        }

        /**
         * Sets the last-change window: at or after {@code from}, before {@code until}.
         *
         * @param from  the start, or null for none
         * @param until the end (exclusive), or null for none
         * @return this builder
         */
        public Builder updated(Instant from, Instant until) {
            this.updatedFrom = from;
            this.updatedUntil = until;
            return this;
        }

        /**
         * Sets the order.
         *
         * @param value the order
         * @return this builder
         */
        public Builder sort(RequestSort value) {
            this.sort = Objects.requireNonNull(value, "sort");
            return this;
        }

        /**
         * Continues after a page: the previous page's {@link RequestPage#nextCursor() cursor}. The cursor
         * belongs to the filters and order it was returned for; with others it is refused.
         *
         * @param cursor the cursor, or null for the first page
         * @return this builder
         */
        public Builder after(String cursor) {
            this.after = cursor;
            return this;
        }

        /**
         * Sets the page size, 1 to 1000.
         *
         * @param value the page size
         * @return this builder
         */
        public Builder limit(int value) {
            this.limit = value;
            return this;
        }

        /**
         * Returns the query.
         *
         * @return the query
         * @throws ValidationException when a rule is broken
         */
        public RequestQuery build() {
            return new RequestQuery(statuses, Optional.ofNullable(line), Optional.ofNullable(group), assignee,
                    priorities, Optional.ofNullable(category), Optional.ofNullable(organization),
                    Optional.ofNullable(system), Optional.ofNullable(model), Optional.ofNullable(emergency),
                    deadlines, Optional.ofNullable(registeredFrom), Optional.ofNullable(registeredUntil),
                    Optional.ofNullable(updatedFrom), Optional.ofNullable(updatedUntil), sort,
                    Optional.ofNullable(after), limit);
        }
    }
}
