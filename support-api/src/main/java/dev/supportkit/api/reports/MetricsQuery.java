package dev.supportkit.api.reports;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which request metrics to count: per what, for which one (or all), and over which period. Build one with
 * {@link #builder()}; the previous period of the same length is counted too, for comparison.
 *
 * @param scope   per what the figures are counted
 * @param subject only this specialist, group or organisation id (for {@link MetricsScope#TENANT} none)
 * @param from    the period's start, inclusive
 * @param until   the period's end, exclusive
 */
public record MetricsQuery(MetricsScope scope, Optional<String> subject, Instant from, Instant until) {
    /** The longest period a query may cover. */
    public static final Duration MAX_PERIOD = Duration.ofDays(3660);

    /**
     * Checks the parts; prefer {@link #builder()}, which names every problem at once.
     *
     * @param scope   per what
     * @param subject one id only, if present
     * @param from    the start, inclusive
     * @param until   the end, exclusive
     */
    public MetricsQuery {
        Objects.requireNonNull(scope, "scope");
        subject = subject == null ? Optional.empty() : subject;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    /**
     * Returns the period before this one, of the same length.
     *
     * @return the same query over the previous period
     */
    public MetricsQuery previous() {
        Duration length = Duration.between(from, until);
        return new MetricsQuery(scope, subject, from.minus(length), from);
    }

    /**
     * Starts a query.
     *
     * @return a builder for the whole tenant with no period yet
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MetricsQuery}, reporting every missing or invalid part at once. */
    public static final class Builder {
        private MetricsScope scope = MetricsScope.TENANT;
        private String subject;
        private Instant from;
        private Instant until;

        private Builder() {
        }

        /**
         * Counts per this scope (default {@link MetricsScope#TENANT}).
         *
         * @param value the scope
         * @return this builder
         */
        public Builder scope(MetricsScope value) {
            this.scope = value;
            return this;
        }

        /**
         * Counts only this specialist, group or organisation.
         *
         * @param id the id, as stored (e.g. {@code SpecialistId.value()})
         * @return this builder
         */
        public Builder subject(String id) {
            this.subject = id;
            return this;
        }

        /**
         * Counts over this period.
         *
         * @param start the start, inclusive
         * @param end   the end, exclusive
         * @return this builder
         */
        public Builder period(Instant start, Instant end) {
            this.from = start;
            this.until = end;
            return this;
        }

        /**
         * Checks and builds the query.
         *
         * @return the query
         * @throws ValidationException naming every field that is missing or wrong
         */
        public MetricsQuery build() {
            List<FieldError> errors = new ArrayList<>();
            if (scope == null) {
                errors.add(new FieldError("scope", "required", "a scope is required"));
            }
            if (from == null) {
                errors.add(new FieldError("from", "required", "the period's start is required"));
            }
            if (until == null) {
                errors.add(new FieldError("until", "required", "the period's end is required"));
            }
            if (from != null && until != null) {
                if (!until.isAfter(from)) {
                    errors.add(new FieldError("until", "after", "the period's end must be after its start"));
                } else if (Duration.between(from, until).compareTo(MAX_PERIOD) > 0) {
                    errors.add(new FieldError("until", "max", "a period covers at most " + MAX_PERIOD.toDays()
                            + " days"));
                }
            }
            if (subject != null && (subject.isBlank() || subject.length() > 64)) {
                errors.add(new FieldError("subject", "size", "the subject id must be 1 to 64 non-blank characters"));
            }
            if (scope == MetricsScope.TENANT && subject != null) {
                errors.add(new FieldError("subject", "scope", "the TENANT scope takes no subject"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new MetricsQuery(scope, Optional.ofNullable(subject), from, until);
        }
    }
}
