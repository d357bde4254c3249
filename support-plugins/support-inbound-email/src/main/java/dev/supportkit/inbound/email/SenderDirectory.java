package dev.supportkit.inbound.email;

import dev.supportkit.api.Actor;
import dev.supportkit.api.SupportServices;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DirectoryPage;
import dev.supportkit.api.directory.DirectoryQuery;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.request.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the representative behind an address: by the e-mail address or phone number on their directory entry,
 * or by an e-mail or fax contact point of their delivery preferences. The index is built from the directory
 * (active organisations and representatives, page by page) and reused for {@code directory-refresh}.
 */
final class SenderDirectory {
    private final SupportServices services;
    private final Actor reader;
    private final Clock clock;
    private final Duration refresh;
    private Map<String, Representative> byEmail = Map.of();
    private Map<String, Representative> byNumber = Map.of();
    private Map<String, Representative> byId = Map.of();
    private Instant builtAt;

    SenderDirectory(SupportServices services, Actor reader, Clock clock, Duration refresh) {
        this.services = services;
        this.reader = reader;
        this.clock = clock;
        this.refresh = refresh;
    }

    synchronized Optional<Representative> byEmail(String address) {
        return Optional.ofNullable(index().byEmail.get(address.toLowerCase(Locale.ROOT)));
    }

    synchronized Optional<Representative> byNumber(String number) {
        return Optional.ofNullable(index().byNumber.get(digits(number)));
    }

    synchronized Optional<Representative> byId(String id) {
        return Optional.ofNullable(index().byId.get(id));
    }

    /** The least age of an index that an unknown sender may have read again, so a flood of them cannot. */
    static final Duration MIN_AGE_TO_REREAD = Duration.ofSeconds(10);

    /**
     * Forgets the index, so the next look-up reads the directory again (after an unknown sender: a
     * representative may have been added since), unless it is younger than {@link #MIN_AGE_TO_REREAD}.
     */
    synchronized void invalidate() {
        if (builtAt != null && clock.instant().isAfter(builtAt.plus(MIN_AGE_TO_REREAD))) {
            builtAt = null;
        }
    }

    private SenderDirectory index() {
        Instant now = clock.instant();
        if (builtAt != null && !now.isAfter(builtAt.plus(refresh)) && !refresh.isZero()) {
            return this;
        }
        Map<String, Representative> emails = new HashMap<>();
        Map<String, Representative> numbers = new HashMap<>();
        Map<String, Representative> ids = new HashMap<>();
        DirectoryQuery<Organization> organizations = DirectoryQuery.organizations().onlyActive()
                .limit(DirectoryQuery.MAX_LIMIT);
        while (true) {
            DirectoryPage<Organization> page = services.directory().page(reader, organizations);
            for (Organization organization : page.entries()) {
                addRepresentatives(organization, emails, numbers, ids);
            }
            if (page.nextAfter().isEmpty()) {
                break;
            }
            organizations = organizations.after(page.nextAfter().get());
        }
        byEmail = emails;
        byNumber = numbers;
        byId = ids;
        builtAt = now;
        return this;
    }

    private void addRepresentatives(Organization organization, Map<String, Representative> emails,
                                    Map<String, Representative> numbers, Map<String, Representative> ids) {
        DirectoryQuery<Representative> query = DirectoryQuery.representatives(organization.id()).onlyActive()
                .limit(DirectoryQuery.MAX_LIMIT);
        while (true) {
            DirectoryPage<Representative> page = services.directory().page(reader, query);
            for (Representative rep : page.entries()) {
                ids.put(rep.id().value(), rep);
                if (rep.email() != null) {
                    emails.putIfAbsent(rep.email().toLowerCase(Locale.ROOT), rep);
                }
                if (rep.phone() != null) {
                    numbers.putIfAbsent(digits(rep.phone()), rep);
                }
                services.directory().preferences(reader, rep.id().value()).ifPresent(p -> {
                    for (ContactPoint point : p.contactPoints()) {
                        if (point.address() == null) {
                            continue;
                        }
                        if (Channel.EMAIL.equals(point.channel())) {
                            emails.putIfAbsent(point.address().toLowerCase(Locale.ROOT), rep);
                        } else if (Channel.FAX.equals(point.channel()) || Channel.PHONE.equals(point.channel())) {
                            numbers.putIfAbsent(digits(point.address()), rep);
                        }
                    }
                });
            }
            if (page.nextAfter().isEmpty()) {
                return;
            }
            query = query.after(page.nextAfter().get());
        }
    }

    /** A number's digits only: {@code +7 (495) 123-45-67} and {@code 74951234567} are one number. */
    static String digits(String number) {
        return number.replaceAll("[^0-9]", "");
    }
}
