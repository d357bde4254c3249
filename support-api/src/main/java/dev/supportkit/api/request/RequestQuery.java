package dev.supportkit.api.request;

import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SupportLine;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A filter over the tenant's requests, built with {@link #builder()}. Results are ordered by
 * registration time, then id.
 *
 * @param statuses     the statuses to include; empty means all
 * @param organization only this organisation's requests, if set
 * @param line         only requests at this line, if set
 * @param limit        at most this many results, 1 to 1000
 */
public record RequestQuery(Set<RequestStatus> statuses, Optional<OrganizationId> organization,
                           Optional<SupportLine> line, int limit) {

    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;

    /**
     * Validates the query.
     *
     * @param statuses the statuses to include; empty means all
     * @param organization only this organisation's requests, if set
     * @param line only requests at this line, if set
     * @param limit at most this many results, 1 to 1000
     */
    public RequestQuery {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /**
     * Returns a builder for a query matching every request, limited to 100.
     *
     * @return a builder for a query matching every request, limited to 100
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a query matching every request, limited to 100.
     *
     * @return a query matching every request, limited to 100
     */
    public static RequestQuery all() {
        return builder().build();
    }

    /** Builds a {@link RequestQuery}. */
    public static final class Builder {
        private final Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        private OrganizationId organization;
        private SupportLine line;
        private int limit = 100;

        private Builder() {
        }

        /**
         * Sets statuses to include.
         *
         * @param values statuses to include
         * @return this builder
         */
        public Builder status(RequestStatus... values) {
            statuses.addAll(Set.of(values));
            return this;
        }

        /**
         * Sets only this organisation.
         *
         * @param value only this organisation
         * @return this builder
         */
        public Builder organization(OrganizationId value) {
            this.organization = value;
            return this;
        }

        /**
         * Sets only this line.
         *
         * @param value only this line
         * @return this builder
         */
        public Builder line(SupportLine value) {
            this.line = value;
            return this;
        }

        /**
         * Sets maximum number of results, 1 to 1000.
         *
         * @param value maximum number of results, 1 to 1000
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
         */
        public RequestQuery build() {
            return new RequestQuery(statuses, Optional.ofNullable(organization), Optional.ofNullable(line), limit);
        }
    }
}
