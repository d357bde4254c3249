package dev.supportkit.api.reports;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What proposals are worked out from: the period, the service target for staffing and the thresholds for
 * the other proposals. Build one with {@link #builder()}; every part but the period has a default.
 *
 * @param from             the period's start, inclusive
 * @param until            the period's end, exclusive
 * @param zone             the time zone of the hours of the week
 * @param serviceLevel     the share of requests to answer within {@code answerWithin}, above 0 and below 1
 * @param answerWithin     the target time to answer
 * @param minRequests      a category or model with at least this many requests and no article is a gap
 * @param failureThreshold a model or component failing at least this often is worth the vendor's attention
 * @param imbalanceFactor  a specialist with more than this times the mean of received requests is overloaded
 */
public record ProposalQuery(Instant from, Instant until, ZoneId zone, double serviceLevel, Duration answerWithin,
                            int minRequests, int failureThreshold, double imbalanceFactor) {
    /**
     * Checks the parts are present; prefer {@link #builder()}, which checks their ranges.
     *
     * @param from             the start
     * @param until            the end
     * @param zone             the zone
     * @param serviceLevel     the target share
     * @param answerWithin     the target time
     * @param minRequests      the gap threshold
     * @param failureThreshold the failure threshold
     * @param imbalanceFactor  the imbalance factor
     */
    public ProposalQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(answerWithin, "answerWithin");
    }

    /**
     * Starts a query: 80 % answered within 15 minutes, Moscow time, gaps from 10 requests, vendor cases
     * from 3 failures, imbalance above 1.5 times the mean.
     *
     * @return a builder without a period yet
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ProposalQuery}, reporting every missing or invalid part at once. */
    public static final class Builder {
        private Instant from;
        private Instant until;
        private ZoneId zone = ZoneId.of("Europe/Moscow");
        private double serviceLevel = 0.8;
        private Duration answerWithin = Duration.ofMinutes(15);
        private int minRequests = 10;
        private int failureThreshold = 3;
        private double imbalanceFactor = 1.5;

        private Builder() {
        }

        /**
         * @param start the period's start, inclusive
         * @param end   the period's end, exclusive
         * @return this builder
         */
        public Builder period(Instant start, Instant end) {
            from = start;
            until = end;
            return this;
        }

        /**
         * @param value the time zone of the hours of the week
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            zone = value;
            return this;
        }

        /**
         * @param share  the share to answer in time, above 0 and below 1
         * @param within the target time, at least a second
         * @return this builder
         */
        public Builder target(double share, Duration within) {
            serviceLevel = share;
            answerWithin = within;
            return this;
        }

        /**
         * @param requests the fewest requests that make a knowledge gap, at least 1
         * @return this builder
         */
        public Builder minRequests(int requests) {
            minRequests = requests;
            return this;
        }

        /**
         * @param failures the fewest failures worth a vendor case, at least 1
         * @return this builder
         */
        public Builder failureThreshold(int failures) {
            failureThreshold = failures;
            return this;
        }

        /**
         * @param factor how many times the mean makes a specialist overloaded, above 1
         * @return this builder
         */
        public Builder imbalanceFactor(double factor) {
            imbalanceFactor = factor;
            return this;
        }

        /**
         * Checks and builds the query.
         *
         * @return the query
         * @throws ValidationException naming every missing or invalid part
         */
        public ProposalQuery build() {
            List<FieldError> errors = new ArrayList<>();
            if (from == null || until == null) {
                errors.add(new FieldError(from == null ? "from" : "until", "required", "the period is required"));
            } else if (!until.isAfter(from)) {
                errors.add(new FieldError("until", "after", "the period's end must be after its start"));
            } else if (Duration.between(from, until).compareTo(MetricsQuery.MAX_PERIOD) > 0) {
                errors.add(new FieldError("until", "max", "a period covers at most "
                        + MetricsQuery.MAX_PERIOD.toDays() + " days"));
            }
            if (zone == null) {
                errors.add(new FieldError("zone", "required", "a time zone is required"));
            }
            if (!(serviceLevel > 0 && serviceLevel < 1)) {
                errors.add(new FieldError("serviceLevel", "range", "must be above 0 and below 1"));
            }
            if (answerWithin == null || answerWithin.compareTo(Duration.ofSeconds(1)) < 0) {
                errors.add(new FieldError("answerWithin", "range", "must be at least a second"));
            }
            if (minRequests < 1) {
                errors.add(new FieldError("minRequests", "range", "must be at least 1"));
            }
            if (failureThreshold < 1) {
                errors.add(new FieldError("failureThreshold", "range", "must be at least 1"));
            }
            if (!(imbalanceFactor > 1)) {
                errors.add(new FieldError("imbalanceFactor", "range", "must be above 1"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new ProposalQuery(from, until, zone, serviceLevel, answerWithin, minRequests, failureThreshold,
                    imbalanceFactor);
        }
    }
}
