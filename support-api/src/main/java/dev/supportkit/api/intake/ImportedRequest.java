package dev.supportkit.api.intake;

import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import java.time.Instant;

/**
 * A request taken over from another help desk, as it stands there. Fields that were not set are null.
 *
 * @param externalId     its id in the old system; required, at most 64 characters, unique per tenant
 *                       (importing the same id twice fails)
 * @param organization   the customer organisation; required, must exist in the directory
 * @param representative who reported it; required, a representative of the organisation
 * @param system         the supported system; optional, must belong to the organisation
 * @param channel        how it arrived; required
 * @param subject        one-line summary; required, at most 200 characters
 * @param description    the problem; required, at most 10000 characters
 * @param priority       urgency; optional, {@link Priority#NORMAL} when not set
 * @param status         where it stands; required
 * @param line           who holds it; optional, {@link SupportLine#FIRST_LINE} when not set
 * @param registeredAt   when it was registered; required, not in the future
 * @param updatedAt      when it last changed; optional, {@code registeredAt} when not set; not before it
 * @param resolution     the resolution, for resolved, signed-off and closed requests; optional
 */
public record ImportedRequest(String externalId, OrganizationId organization, RepresentativeId representative,
                              SystemId system, Channel channel, String subject, String description, Priority priority,
                              RequestStatus status, SupportLine line, Instant registeredAt, Instant updatedAt,
                              ResolutionReport resolution) {
}
