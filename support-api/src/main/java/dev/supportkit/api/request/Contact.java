package dev.supportkit.api.request;

import dev.supportkit.api.directory.RepresentativeId;
import java.time.Instant;

/**
 * A contact (обращение): one incoming communication from the customer, registered into a request.
 *
 * @param id             identifier
 * @param request        the request it was registered into
 * @param channel        how it arrived
 * @param representative who made it
 * @param text           what the customer said or wrote
 * @param receivedAt     when it arrived
 * @param takenBy        id of the person who took it (an operator, or the representative themselves on a portal)
 */
public record Contact(ContactId id, RequestId request, Channel channel, RepresentativeId representative, String text,
                      Instant receivedAt, String takenBy) {
}
