package dev.supportkit.api.work;

import dev.supportkit.api.directory.SpecialistId;

/**
 * A group lead's advice or practical help to a specialist working a request (D/01.7): internal, never shown
 * to the customer.
 *
 * @param specialist    the specialist advised (of the request's group)
 * @param text          the advice, or what the lead did (required, at most 10,000 characters)
 * @param practicalHelp true when the lead helped in practice (did part of the work), false for advice
 */
public record Advice(SpecialistId specialist, String text, boolean practicalHelp) {
    /**
     * Advice in words.
     *
     * @param specialist the specialist
     * @param text       the advice
     * @return the advice
     */
    public static Advice of(SpecialistId specialist, String text) {
        return new Advice(specialist, text, false);
    }
}
