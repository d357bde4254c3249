package dev.supportkit.api.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The satisfaction survey sent to the customer's representative after a request was closed (D/02.7), and
 * their answer once given.
 *
 * @param sentAt     when it was sent
 * @param expiresAt  until when it may be answered
 * @param answeredAt when it was answered, if it was
 * @param score      the score from 1 (poor) to 5 (excellent), once answered
 * @param comment    the customer's comment, if they left one
 */
public record Survey(Instant sentAt, Instant expiresAt, Optional<Instant> answeredAt, Optional<Integer> score,
                     Optional<String> comment) {
    /** The lowest score. */
    public static final int MIN_SCORE = 1;
    /** The highest score. */
    public static final int MAX_SCORE = 5;

    /**
     * Checks the parts: an answer has both a time and a score in range.
     *
     * @param sentAt     when sent
     * @param expiresAt  until when it may be answered
     * @param answeredAt when answered, if it was
     * @param score      the score, once answered
     * @param comment    the comment, if any
     */
    public Survey {
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        answeredAt = answeredAt == null ? Optional.empty() : answeredAt;
        score = score == null ? Optional.empty() : score;
        comment = comment == null ? Optional.empty() : comment;
        if (answeredAt.isPresent() != score.isPresent()) {
            throw new IllegalArgumentException("an answered survey has both its time and its score");
        }
        score.ifPresent(s -> {
            if (s < MIN_SCORE || s > MAX_SCORE) {
                throw new IllegalArgumentException("score must be " + MIN_SCORE + " to " + MAX_SCORE + ", got " + s);
            }
        });
    }

    /**
     * Returns a survey just sent.
     *
     * @param sentAt    when
     * @param expiresAt until when it may be answered
     * @return the unanswered survey
     */
    public static Survey sent(Instant sentAt, Instant expiresAt) {
        return new Survey(sentAt, expiresAt, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Returns this survey answered.
     *
     * @param at      when
     * @param score   the score, 1 to 5
     * @param comment the comment, or null
     * @return the answered survey
     */
    public Survey answered(Instant at, int score, String comment) {
        return new Survey(sentAt, expiresAt, Optional.of(at), Optional.of(score), Optional.ofNullable(comment));
    }

    /**
     * Returns whether the survey was answered.
     *
     * @return true once answered
     */
    public boolean isAnswered() {
        return answeredAt.isPresent();
    }
}
