package dev.supportkit.core.internal.notify;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.QuietHours;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.storage.StorageTransaction;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a message goes to and how: their saved delivery preferences, or for a representative without
 * any, e-mail then SMS to the addresses in the directory, in Russian.
 *
 * @param name          the name used in the message
 * @param contactPoints channels and addresses, most preferred first
 * @param quietHours    when not to deliver, or null
 * @param locale        the message language
 * @param zone          the time zone times are written in
 */
record Recipient(String name, List<ContactPoint> contactPoints, QuietHours quietHours, Locale locale, ZoneId zone) {

    static Recipient resolve(StorageTransaction tx, TenantId tenant, String id, ZoneId defaultZone) {
        Optional<DeliveryPreferences> preferences = tx.findDirectoryEntry(tenant, DeliveryPreferences.class, id);
        Optional<Representative> representative = tx.findDirectoryEntry(tenant, Representative.class, id);
        String name = representative.map(Representative::fullName).orElseGet(() -> tx.findDirectoryEntry(tenant,
                Specialist.class, id).map(Specialist::fullName).orElse(id));
        if (preferences.isPresent()) {
            DeliveryPreferences p = preferences.get();
            ZoneId zone = p.quietHours() == null ? defaultZone : p.quietHours().zone();
            return new Recipient(name, p.contactPoints(), p.quietHours(), p.locale(), zone);
        }
        List<ContactPoint> points = new ArrayList<>();
        representative.ifPresent(r -> {
            if (r.email() != null && !r.email().isBlank()) {
                points.add(new ContactPoint(Channel.EMAIL, r.email()));
            }
            if (r.phone() != null && !r.phone().isBlank()) {
                points.add(new ContactPoint(Channel.SMS, r.phone()));
            }
        });
        return new Recipient(name, points, null, Locale.forLanguageTag("ru"), defaultZone);
    }

    /**
     * @param now the current time
     * @return when the quiet hours around {@code now} end, if {@code now} is inside them
     */
    Optional<Instant> quietUntil(Instant now) {
        if (quietHours == null) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(quietHours.zone());
        LocalTime time = local.toLocalTime();
        LocalTime from = quietHours.from();
        LocalTime to = quietHours.to();
        boolean inside = from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(to);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return Optional.of(end.toInstant());
    }
}
