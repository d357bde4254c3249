package dev.supportkit.spi.notification;

import dev.supportkit.api.directory.ContactPoint;
import java.time.Instant;
import java.util.Objects;

/**
 * Why a contact point is marked failing: the engine attempts no message on it until the mark is cleared, and
 * says so, with this reason, in the journal of the request the message concerns and in the dead letters.
 *
 * @param point      the contact point, its address as it was marked (an e-mail address in lower case)
 * @param reason     what reported it, e.g. {@code "bounce 5.1.1: smtp; 550 5.1.1 user unknown"}
 * @param reportedBy the id of the provider that marked it, e.g. {@code inbound-email}
 * @param since      when it was marked, by the engine's clock
 */
public record ContactPointFailure(ContactPoint point, String reason, String reportedBy, Instant since) {
    /**
     * Checks that every part is present.
     *
     * @param point      the contact point
     * @param reason     the reason
     * @param reportedBy the provider id
     * @param since      when it was marked
     */
    public ContactPointFailure {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(since, "since");
    }

    /**
     * Describes the mark for a person: where the message was not attempted and why.
     *
     * @return e.g. {@code "EMAIL gone@example.com is marked failing since 2026-03-12T06:00:00Z by inbound-email:
     *         bounce 5.1.1"}
     */
    public String describe() {
        return point.channel() + " " + point.address() + " is marked failing since " + since + " by " + reportedBy
                + ": " + reason;
    }
}
