package dev.supportkit.api.reports;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One part of an {@link Evaluation}: a figure from 0 to 1, its configured weight and what it adds to the
 * score, with what it was counted from.
 *
 * @param name       the part: {@code first-response}, {@code resolution}, {@code first-contact},
 *                   {@code not-reopened} or {@code satisfaction}
 * @param subjective true for the customers' own judgement (satisfaction), false for figures from the
 *                   requests' history
 * @param value      the figure from 0 to 1; empty when the period gave nothing to count it from
 * @param weight     the configured weight, 0 to 100
 * @param points     what it adds to the score of 100 (its value times its share of the weights of the
 *                   parts that have a value); 0 without a value
 * @param counted    how many requests (or survey answers) it was counted from
 * @param basis      the figure in words, e.g. "12 of 15 first-response deadlines met in time"
 */
public record EvaluationPart(String name, boolean subjective, OptionalDouble value, int weight, double points,
                             long counted, String basis) {
    /**
     * Checks the parts.
     *
     * @param name       the part's name
     * @param subjective whether it is the customers' judgement
     * @param value      the figure, if any
     * @param weight     the weight
     * @param points     what it adds to the score
     * @param counted    how many it was counted from
     * @param basis      the figure in words
     */
    public EvaluationPart {
        Objects.requireNonNull(name, "name");
        value = value == null ? OptionalDouble.empty() : value;
        Objects.requireNonNull(basis, "basis");
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("weight must be 0 to 100, got " + weight);
        }
    }
}
