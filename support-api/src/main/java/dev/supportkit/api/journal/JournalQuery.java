package dev.supportkit.api.journal;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An audit read of the tenant's journal across its requests: by labour function, actor and period. Build
 * one with {@link #builder()}.
 *
 * @param functions only entries of these labour functions; empty for all
 * @param actorId   only this actor's entries, if present
 * @param from      entries at or after this time
 * @param until     entries before this time
 */
public record JournalQuery(Set<LaborFunction> functions, Optional<String> actorId, Instant from, Instant until) {
    /**
     * Copies the set.
     *
     * @param functions the functions, empty for all
     * @param actorId   the actor, if any
     * @param from      the start, inclusive
     * @param until     the end, exclusive
     */
    public JournalQuery {
        functions = functions == null ? Set.of() : Set.copyOf(functions);
        actorId = actorId == null ? Optional.empty() : actorId;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    /**
     * Starts a query.
     *
     * @return a builder for every function and actor, with no period yet
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link JournalQuery}, reporting every missing or invalid part at once. */
    public static final class Builder {
        private final Set<LaborFunction> functions = EnumSet.noneOf(LaborFunction.class);
        private String actorId;
        private Instant from;
        private Instant until;

        private Builder() {
        }

        /**
         * Reads only entries of these labour functions (all when none is named).
         *
         * @param values the functions
         * @return this builder
         */
        public Builder functions(LaborFunction... values) {
            functions.addAll(List.of(values));
            return this;
        }

        /**
         * Reads only this actor's entries.
         *
         * @param id the actor's id
         * @return this builder
         */
        public Builder actor(String id) {
            actorId = id;
            return this;
        }

        /**
         * Reads entries of this period.
         *
         * @param start the start, inclusive
         * @param end   the end, exclusive
         * @return this builder
         */
        public Builder period(Instant start, Instant end) {
            from = start;
            until = end;
            return this;
        }

        /**
         * Checks and builds the query.
         *
         * @return the query
         * @throws ValidationException naming every missing or invalid part
         */
        public JournalQuery build() {
            List<FieldError> errors = new ArrayList<>();
            if (from == null) {
                errors.add(new FieldError("from", "required", "the period's start is required"));
            }
            if (until == null) {
                errors.add(new FieldError("until", "required", "the period's end is required"));
            }
            if (from != null && until != null && !until.isAfter(from)) {
                errors.add(new FieldError("until", "after", "the period's end must be after its start"));
            }
            if (actorId != null && (actorId.isBlank() || actorId.length() > 64)) {
                errors.add(new FieldError("actor", "size", "the actor id must be 1 to 64 non-blank characters"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new JournalQuery(functions, Optional.ofNullable(actorId), from, until);
        }
    }
}
