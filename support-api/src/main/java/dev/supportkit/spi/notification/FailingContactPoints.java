package dev.supportkit.spi.notification;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ContactPoint;
import java.util.Optional;

/**
 * Contact points a provider learned are failing (an inbound source reading a bounce for an address the engine
 * sent to). The engine's delivery consults them: a message is never attempted on a contact point marked failing;
 * it moves on to the recipient's next contact point, and the skip, with the mark's reason, is journalled on the
 * request the message concerns (or, when no point is left, the message is dead-lettered with that reason). Marks
 * are kept in the engine's storage, per tenant, shared by every engine on one database, with every change kept.
 * An e-mail address is compared without regard to case; other addresses as they are written.
 *
 * <p>A provider gets the engine's marks from {@link dev.supportkit.spi.ProviderContext#failingContactPoints()}.
 */
public interface FailingContactPoints {
    /** The longest reason kept; a longer one is cut. */
    int MAX_REASON_LENGTH = 500;

    /**
     * Marks a contact point failing, or records a newer reason for one that is.
     *
     * @param tenant the tenant whose recipients use the point
     * @param point  the channel and address
     * @param reason what reported the failure, for operators; at most {@value #MAX_REASON_LENGTH} characters kept
     * @return the mark as stored
     * @throws dev.supportkit.api.error.ValidationException when the tenant, the point, its channel or address or
     *         the reason is missing or blank (fields {@code tenant}, {@code point}, {@code point.channel},
     *         {@code point.address}, {@code reason}, rule {@code required})
     */
    ContactPointFailure markFailing(TenantId tenant, ContactPoint point, String reason);

    /**
     * Returns the mark on a contact point, if it is marked failing.
     *
     * @param tenant the tenant
     * @param point  the channel and address
     * @return the mark, or empty when the point is not marked failing
     * @throws dev.supportkit.api.error.ValidationException when the tenant, the point, its channel or address is
     *         missing
     */
    Optional<ContactPointFailure> failure(TenantId tenant, ContactPoint point);

    /**
     * Clears the mark on a contact point (the address works again): messages are attempted on it again.
     *
     * @param tenant the tenant
     * @param point  the channel and address
     * @return whether it was marked failing
     * @throws dev.supportkit.api.error.ValidationException when the tenant, the point, its channel or address is
     *         missing
     */
    boolean clear(TenantId tenant, ContactPoint point);
}
