package dev.supportkit.api.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What intake found out about a request: the questionnaire it was taken with and the answers, whether
 * it was flagged an emergency and why, and the mass incident it belongs to.
 *
 * @param questionnaire    the exact questionnaire version the first contact was taken with, if any
 * @param answers          the answers by question key, in the questionnaire's order; empty without a
 *                         questionnaire
 * @param emergency        whether an emergency rule matched
 * @param emergencyReasons the matched rules in words, e.g. {@code "text mentions 'service completely down'"}
 * @param incident         the mass incident the request is linked to, if any
 */
public record IntakeDetails(Optional<QuestionnaireRef> questionnaire, Map<String, List<String>> answers,
                            boolean emergency, List<String> emergencyReasons, Optional<IncidentId> incident) {
    /** A request taken without a questionnaire, not an emergency, not in an incident. */
    public static final IntakeDetails NONE = new IntakeDetails(Optional.empty(), Map.of(), false, List.of(),
            Optional.empty());

    /**
     * Copies the collections, keeping the answers' order.
     *
     * @param questionnaire    the questionnaire version, if any
     * @param answers          the answers by question key
     * @param emergency        whether an emergency rule matched
     * @param emergencyReasons the matched rules in words
     * @param incident         the mass incident, if any
     */
    public IntakeDetails {
        questionnaire = questionnaire == null ? Optional.empty() : questionnaire;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        }
        answers = java.util.Collections.unmodifiableMap(copy);
        emergencyReasons = emergencyReasons == null ? List.of() : List.copyOf(emergencyReasons);
        incident = incident == null ? Optional.empty() : incident;
    }

    /**
     * Returns a copy linked to a mass incident.
     *
     * @param value the incident
     * @return a copy linked to the incident
     */
    public IntakeDetails withIncident(IncidentId value) {
        return new IntakeDetails(questionnaire, answers, emergency, emergencyReasons, Optional.of(value));
    }
}
