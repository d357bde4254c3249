package dev.supportkit.api.quality;

/**
 * The customer's answer to a satisfaction survey.
 *
 * @param score   the score, 1 (poor) to 5 (excellent)
 * @param comment a comment, or null; at most 2000 characters
 */
public record SurveyAnswer(int score, String comment) {
    /**
     * Returns an answer without a comment.
     *
     * @param score the score, 1 to 5
     * @return the answer
     */
    public static SurveyAnswer of(int score) {
        return new SurveyAnswer(score, null);
    }
}
