package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.RepresentativeId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A training of the customer's staff (C/02.6): topic, who attended, when and how long, the configuration
 * competence handed over, and the materials used (titles or links; files go on the journal entry as
 * attachments).
 *
 * @param topic      what it was about (required, at most 200 characters)
 * @param attendees  the customer's representatives who attended: 1 to 100, each of the request's organisation
 * @param heldAt     when it started; not in the future
 * @param duration   how long: more than zero, at most 24 hours
 * @param competence the configuration competence handed over (required, at most 2,000 characters)
 * @param materials  materials used, possibly none (at most 50, each at most 500 characters)
 */
public record TrainingSession(String topic, List<RepresentativeId> attendees, Instant heldAt, Duration duration,
                              String competence, List<String> materials) {
    /**
     * Copies the lists.
     *
     * @param topic      the topic
     * @param attendees  who attended
     * @param heldAt     when
     * @param duration   how long
     * @param competence what was handed over
     * @param materials  materials used
     */
    public TrainingSession {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
