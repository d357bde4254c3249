package dev.supportkit.api.directory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a person wants to be informed: contact points in order of preference (the next one is used
 * when a channel fails permanently), quiet hours, and the language of the messages. Without saved
 * preferences a customer representative is reached by e-mail, then by SMS to their phone, in Russian.
 *
 * @param recipient     the representative's or specialist's id
 * @param contactPoints channels and addresses, most preferred first; at least one
 * @param quietHours    when not to deliver; may be null
 * @param locale        the language of the messages: Russian ({@code ru}) or English ({@code en})
 */
public record DeliveryPreferences(String recipient, List<ContactPoint> contactPoints, QuietHours quietHours,
                                  Locale locale) implements DirectoryEntry {
    /**
     * Copies the contact points.
     *
     * @param recipient     the representative's or specialist's id
     * @param contactPoints channels and addresses, most preferred first
     * @param quietHours    when not to deliver; may be null
     * @param locale        the language of the messages
     */
    public DeliveryPreferences {
        contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
    }

    @Override
    public String entryId() {
        return recipient;
    }

    @Override
    public Optional<OrganizationId> owner() {
        return Optional.empty();
    }
}
