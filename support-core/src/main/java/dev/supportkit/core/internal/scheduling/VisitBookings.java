package dev.supportkit.core.internal.scheduling;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.scheduling.TechnicianSchedule;
import dev.supportkit.api.scheduling.TimeWindow;
import dev.supportkit.api.scheduling.Visit;
import dev.supportkit.api.scheduling.VisitBooking;
import dev.supportkit.api.scheduling.VisitOffer;
import dev.supportkit.api.scheduling.VisitOfferQuery;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.api.scheduling.VisitStatus;
import dev.supportkit.core.internal.calendar.BusinessCalendar;
import dev.supportkit.core.internal.config.WorkSettings;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.ActiveEntries;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.RequestCommands.Step;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.core.internal.sla.Calendars;
import dev.supportkit.core.internal.work.ConflictRetry;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.VisitRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Visits booked with technicians: working hours, absences and other visits checked in the command; the
 * store's slots make a double booking impossible even when engines race, and a lost race is retried, so
 * the loser is told which visit holds the technician.
 */
final class VisitBookings {
    private static final int MAX_TECHNICIANS = 10;
    private static final Duration MAX_LENGTH = Duration.ofHours(24);
    private static final int MAX_WINDOWS = 50;
    private static final Duration MAX_SEARCH = Duration.ofDays(31);

    private final RequestCommands commands;
    private final Calendars calendars;
    private final Duration travelBuffer;
    private static final int MAX_OFFERED = 20;
    private static final String OFFERED = RequestEvent.VisitOffered.class.getSimpleName();
    private static final String BOOKED = RequestEvent.VisitBooked.class.getSimpleName();

    private final Duration offerValidity;
    private final JacksonCodec codec;
    private final ConflictRetry retry = new ConflictRetry(3);

    VisitBookings(RequestCommands commands, Calendars calendars, WorkSettings settings, JacksonCodec codec) {
        this.commands = commands;
        this.calendars = calendars;
        this.travelBuffer = settings.travelBuffer();
        this.offerValidity = settings.offerValidity();
        this.codec = codec;
    }

    TechnicianSchedule saveSchedule(Actor actor, TechnicianSchedule schedule) {
        commands.policy().require(actor, Permission.MANAGE_DIRECTORY);
        FieldErrors input = new FieldErrors();
        if (input.required("schedule", schedule)) {
            input.required("schedule.technician", schedule.technician());
            if (input.required("schedule.calendar", schedule.calendar())
                    && calendars.get(schedule.calendar()).isEmpty()) {
                input.add("schedule.calendar", "exists", "no business calendar '" + schedule.calendar() + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(calendars.ids())) + ")");
            }
            if (schedule.absences().size() > 200) {
                input.add("schedule.absences", "max-size", "at most 200 absences");
            }
            for (int i = 0; i < schedule.absences().size(); i++) {
                TechnicianSchedule.Absence a = schedule.absences().get(i);
                String field = "schedule.absences[" + i + "]";
                if (input.required(field + ".from", a.from()) && input.required(field + ".until", a.until())
                        && !a.until().isAfter(a.from())) {
                    input.add(field + ".until", "after-start", "must be after the start (" + a.from() + ")");
                }
                input.maxLength(field + ".reason", a.reason(), 200);
            }
        }
        input.throwIfAny();
        return commands.write(tx -> {
            if (tx.findDirectoryEntry(actor.tenant(), Specialist.class, schedule.technician().value()).isEmpty()) {
                new FieldErrors().add("schedule.technician", "exists", "no specialist '" + schedule.technician()
                        + "'").throwIfAny();
            }
            tx.saveDirectoryEntry(actor.tenant(), schedule);
            return schedule;
        });
    }

    Request book(Actor actor, RequestRef ref, VisitBooking booking) {
        return retry.run(() -> commands.execute(actor, ref, Permission.SCHEDULE_VISIT, RequestAction.BOOK_VISIT, true,
                step -> booked(step, booking, null)));
    }

    /** Checks a booking and books it; null (with errors) when it cannot be. */
    private Change booked(Step step, VisitBooking booking, String offer) {
                    FieldErrors errors = step.errors();
                    if (!errors.required("visit", booking)) {
                        return null;
                    }
                    checkSite(step, booking.site(), "visit.site");
                    checkWindow(step, booking.start(), booking.end());
                    errors.required("visit.purpose", booking.purpose());
                    errors.maxLength("visit.note", booking.note(), 1000);
                    if (booking.technicians().isEmpty() || booking.technicians().size() > MAX_TECHNICIANS) {
                        errors.add("visit.technicians", "size", "1 to " + MAX_TECHNICIANS + " technicians (was "
                                + booking.technicians().size() + ")");
                    }
                    if (!errors.isEmpty()) {
                        return null;
                    }
                    List<SpecialistId> technicians = List.copyOf(booking.technicians());
                    checkTechnicians(step, technicians, booking.start(), booking.end(), null);
                    if (!errors.isEmpty()) {
                        return null;
                    }
                    Visit visit = new Visit(UUID.randomUUID().toString(), step.current().id(), booking.site(),
                            booking.start(), booking.end(), booking.purpose(), technicians,
                            Optional.ofNullable(booking.note()).filter(n -> !n.isBlank()), VisitStatus.BOOKED);
                    step.tx().insertVisit(record(step, visit));
                    Change change = Change.of(step.advance(), new JournalDraft(
                            DefaultSchedulingService.function(visit.purpose()), Visibility.CUSTOMER_VISIBLE, null,
                            new RequestEvent.VisitBooked(visit.id(), visit.site(), visit.start(), visit.end(),
                                    visit.purpose(), technicians, booking.note(), offer),
                            "Visit to site " + visit.site() + " booked for " + visit.start() + " – " + visit.end()
                                    + " with " + String.join(", ", technicians.stream().map(SpecialistId::value).toList())))
                            .notifyCustomer(MessageTopic.WORKS_SCHEDULED, Map.of("visitStart", visit.start().toString(),
                                    "visitEnd", visit.end().toString(), "note", visit.note().orElse("")));
                    for (SpecialistId technician : technicians) {
                        change = change.notify(MessageTopic.VISIT_ASSIGNED, technician.value(), Map.of(
                                "visitStart", visit.start().toString(), "visitEnd", visit.end().toString(),
                                "site", visit.site().value()));
                    }
                    return change;
    }

    Request reschedule(Actor actor, RequestRef ref, String visitId, Instant start, Instant end, String reason) {
        return retry.run(() -> commands.execute(actor, ref, Permission.SCHEDULE_VISIT, RequestAction.RESCHEDULE_VISIT,
                true, step -> {
                    FieldErrors errors = step.errors();
                    Visit visit = bookedVisit(step, visitId);
                    checkWindow(step, start, end);
                    errors.requiredText("visit.reason", reason, 1000);
                    if (!errors.isEmpty()) {
                        return null;
                    }
                    if (start.equals(visit.start()) && end.equals(visit.end())) {
                        errors.add("visit.start", "changes", "the visit is already booked for this window");
                        return null;
                    }
                    checkTechnicians(step, visit.technicians(), start, end, visit.id());
                    if (!errors.isEmpty()) {
                        return null;
                    }
                    Visit moved = new Visit(visit.id(), visit.request(), visit.site(), start, end, visit.purpose(),
                            visit.technicians(), visit.note(), VisitStatus.BOOKED);
                    step.tx().updateVisit(record(step, moved));
                    Change change = Change.of(step.advance(), new JournalDraft(
                            DefaultSchedulingService.function(visit.purpose()), Visibility.CUSTOMER_VISIBLE, null,
                            new RequestEvent.VisitRescheduled(visit.id(), visit.start(), visit.end(), start, end, reason),
                            "Visit " + visit.id() + " moved from " + visit.start() + " to " + start + " – " + end + ": "
                                    + reason))
                            .notifyCustomer(MessageTopic.WORKS_RESCHEDULED, Map.of("visitStart", start.toString(),
                                    "visitEnd", end.toString(), "note", reason));
                    for (SpecialistId technician : visit.technicians()) {
                        change = change.notify(MessageTopic.VISIT_ASSIGNED, technician.value(), Map.of(
                                "visitStart", start.toString(), "visitEnd", end.toString(),
                                "site", visit.site().value()));
                    }
                    return change;
                }));
    }

    Request cancel(Actor actor, RequestRef ref, String visitId, String reason) {
        return commands.execute(actor, ref, Permission.SCHEDULE_VISIT, RequestAction.CANCEL_VISIT, true, step -> {
            Visit visit = bookedVisit(step, visitId);
            step.errors().requiredText("visit.reason", reason, 1000);
            if (!step.errors().isEmpty()) {
                return null;
            }
            Visit cancelled = new Visit(visit.id(), visit.request(), visit.site(), visit.start(), visit.end(),
                    visit.purpose(), visit.technicians(), visit.note(), VisitStatus.CANCELLED);
            step.tx().updateVisit(record(step, cancelled));
            Change change = Change.of(step.advance(), new JournalDraft(
                    DefaultSchedulingService.function(visit.purpose()), Visibility.CUSTOMER_VISIBLE, null,
                    new RequestEvent.VisitCancelled(visit.id(), reason), "Visit " + visit.id() + " of " + visit.start()
                    + " cancelled: " + reason))
                    .notifyCustomer(MessageTopic.WORKS_CANCELLED, Map.of("visitStart", visit.start().toString(),
                            "note", reason));
            for (SpecialistId technician : visit.technicians()) {
                change = change.notify(MessageTopic.WORKS_CANCELLED, technician.value(), Map.of(
                        "visitStart", visit.start().toString(), "note", reason));
            }
            return change;
        });
    }

    List<Visit> visits(Actor actor, RequestId request) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        return commands.read(tx -> {
            commands.load(tx, actor, request);
            return tx.findVisits(actor.tenant(), request).stream().map(VisitRecord::visit).toList();
        });
    }

    List<Visit> technicianVisits(Actor actor, SpecialistId technician, Instant from, Instant until) {
        commands.policy().require(actor, Permission.READ_STAFF_DIRECTORY);
        checkSearch(technician, from, until, null);
        return commands.read(tx -> tx.findTechnicianVisits(actor.tenant(), technician, from, until).stream()
                .map(VisitRecord::visit).toList());
    }

    /**
     * The free windows of a length for a technician, on the quarter-hour grid: within their working hours,
     * outside their absences, and clear of their visits with the travel buffer on both sides.
     */
    List<TimeWindow> freeWindows(Actor actor, SpecialistId technician, Instant from, Instant until, Duration length) {
        commands.policy().require(actor, Permission.READ_STAFF_DIRECTORY);
        checkSearch(technician, from, until, length);
        return commands.read(tx -> free(tx, actor.tenant(), List.of(technician), from, until, length, MAX_WINDOWS));
    }

    /** One technician's working hours, absences and visits, read once for a search. */
    private record Availability(Optional<TechnicianSchedule> schedule, Optional<BusinessCalendar> calendar,
                                List<VisitRecord> booked) {
        boolean free(Instant start, Instant end, Duration travel) {
            Instant heldUntil = end.plus(travel);
            return calendar.map(c -> c.workingTimeBetween(start, end).equals(Duration.between(start, end)))
                    .orElse(true)
                    && schedule.flatMap(s -> s.absenceDuring(start, end)).isEmpty()
                    && booked.stream().noneMatch(v -> v.visit().start().isBefore(heldUntil)
                    && start.isBefore(v.heldUntil()));
        }
    }

    /** The windows on the quarter-hour grid in which every technician is free, earliest first. */
    private List<TimeWindow> free(StorageTransaction tx, dev.supportkit.api.TenantId tenant,
                                  List<SpecialistId> technicians, Instant from, Instant until, Duration length,
                                  int max) {
        List<Availability> availability = new ArrayList<>();
        for (SpecialistId technician : technicians) {
            Optional<TechnicianSchedule> schedule = tx.findDirectoryEntry(tenant, TechnicianSchedule.class,
                    technician.value());
            availability.add(new Availability(schedule, schedule.flatMap(s -> calendars.get(s.calendar())),
                    tx.findTechnicianVisits(tenant, technician, from.minus(travelBuffer).minus(length),
                            until.plus(travelBuffer))));
        }
        List<TimeWindow> free = new ArrayList<>();
        for (Instant next = ceilToGrid(from); !next.plus(length).isAfter(until) && free.size() < max;
             next = next.plus(VisitBooking.GRANULARITY)) {
            Instant start = next;
            Instant end = start.plus(length);
            if (availability.stream().allMatch(a -> a.free(start, end, travelBuffer))) {
                free.add(new TimeWindow(start, end));
            }
        }
        return free;
    }

    Request offer(Actor actor, RequestRef ref, VisitOfferQuery query) {
        return commands.execute(actor, ref, Permission.SCHEDULE_VISIT, RequestAction.OFFER_VISIT, true, step -> {
            FieldErrors errors = step.errors();
            if (!errors.required("offer", query)) {
                return null;
            }
            checkSite(step, query.site(), "offer.site");
            errors.required("offer.purpose", query.purpose());
            if (query.technicians().isEmpty() || query.technicians().size() > MAX_TECHNICIANS) {
                errors.add("offer.technicians", "size", "1 to " + MAX_TECHNICIANS + " technicians");
            }
            if (query.maxSlots() < 1 || query.maxSlots() > MAX_OFFERED) {
                errors.add("offer.maxSlots", "range", "1 to " + MAX_OFFERED + " (was " + query.maxSlots() + ")");
            }
            if (errors.required("offer.length", query.length()) && (query.length().isNegative()
                    || query.length().isZero() || query.length().compareTo(MAX_LENGTH) > 0
                    || query.length().toSeconds() % VisitBooking.GRANULARITY.toSeconds() != 0)) {
                errors.add("offer.length", "granularity", "a positive multiple of 15 minutes, at most 24 hours");
            }
            if (errors.required("offer.from", query.from()) && errors.required("offer.until", query.until())
                    && (!query.until().isAfter(query.from())
                    || Duration.between(query.from(), query.until()).compareTo(MAX_SEARCH) > 0)) {
                errors.add("offer.until", "range", "after 'from' and at most " + MAX_SEARCH.toDays() + " days later");
            }
            if (!errors.isEmpty()) {
                return null;
            }
            List<SpecialistId> technicians = List.copyOf(query.technicians());
            Instant from = query.from().isBefore(step.now()) ? step.now() : query.from();
            List<TimeWindow> slots = free(step.tx(), actor.tenant(), technicians, from, query.until(), query.length(),
                    query.maxSlots());
            if (slots.isEmpty()) {
                errors.add("offer.technicians", "free", "the technicians have no common free window of "
                        + query.length() + " between " + from + " and " + query.until());
                return null;
            }
            String id = UUID.randomUUID().toString();
            Instant expires = step.now().plus(offerValidity);
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < slots.size(); i++) {
                list.append(i + 1).append(") ").append(slots.get(i).start()).append(" – ").append(slots.get(i).end())
                        .append('\n');
            }
            return Change.of(step.advance(), new JournalDraft(DefaultSchedulingService.function(query.purpose()),
                    Visibility.CUSTOMER_VISIBLE, null, new RequestEvent.VisitOffered(id, query.site(), query.purpose(),
                    technicians, slots, expires), "Visit windows offered (" + slots.size() + "), to confirm by "
                    + expires)).notifyCustomer(MessageTopic.VISIT_OFFERED, Map.of("slots", list.toString().strip(),
                    "expires", expires.toString()));
        });
    }

    Request confirm(Actor actor, RequestRef ref, String offerId, TimeWindow window) {
        return retry.run(() -> commands.execute(actor, ref, Permission.CONFIRM_VISIT, RequestAction.CONFIRM_VISIT,
                false, step -> {
                    FieldErrors errors = step.errors();
                    VisitOffer offer = offers(step.tx(), step.current()).stream().filter(o -> o.id().equals(offerId))
                            .findFirst().orElseThrow(() -> new NotFoundException("visit offer", offerId));
                    if (offer.confirmed()) {
                        errors.add("offer", "open", "a window of offer '" + offerId + "' was confirmed already");
                    } else if (!step.now().isBefore(offer.expiresAt())) {
                        errors.add("offer", "expired", "offer '" + offerId + "' expired at " + offer.expiresAt());
                    } else if (window == null || !offer.slots().contains(window)) {
                        errors.add("offer.window", "offered", "confirm one of the windows offered: " + offer.slots());
                    }
                    if (!errors.isEmpty()) {
                        return null;
                    }
                    return booked(step, new VisitBooking(offer.site(), window.start(), window.end(), offer.purpose(),
                            new java.util.LinkedHashSet<>(offer.technicians()), "confirmed by the customer"), offer.id());
                }));
    }

    List<VisitOffer> offers(Actor actor, RequestId request) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        return commands.read(tx -> offers(tx, commands.load(tx, actor, request)));
    }

    /** The request's offers, from its journal, each marked confirmed once a visit was booked from it. */
    private List<VisitOffer> offers(StorageTransaction tx, Request request) {
        List<RequestEvent> events = tx.findJournal(request.tenant(), request.id()).stream()
                .filter(r -> r.eventType().equals(OFFERED) || r.eventType().equals(BOOKED))
                .map(r -> codec.readEvent(r.eventType(), r.payload())).toList();
        java.util.Set<String> confirmed = new java.util.HashSet<>();
        events.stream().filter(RequestEvent.VisitBooked.class::isInstance).map(RequestEvent.VisitBooked.class::cast)
                .filter(b -> b.offer() != null).forEach(b -> confirmed.add(b.offer()));
        return events.stream().filter(RequestEvent.VisitOffered.class::isInstance)
                .map(RequestEvent.VisitOffered.class::cast)
                .map(o -> new VisitOffer(o.offer(), o.site(), o.purpose(), o.technicians(),
                        Duration.between(o.slots().get(0).start(), o.slots().get(0).end()), o.slots(), o.expiresAt(),
                        confirmed.contains(o.offer()))).toList();
    }

    private static Instant ceilToGrid(Instant t) {
        long step = VisitBooking.GRANULARITY.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond() + step - 1, step) * step);
    }

    private static void checkSearch(SpecialistId technician, Instant from, Instant until, Duration length) {
        FieldErrors input = new FieldErrors();
        input.required("technician", technician);
        if (input.required("from", from) && input.required("until", until)
                && (!until.isAfter(from) || Duration.between(from, until).compareTo(MAX_SEARCH) > 0)) {
            input.add("until", "range", "must be after 'from' and at most " + MAX_SEARCH.toDays() + " days later");
        }
        if (length != null && (length.isNegative() || length.isZero() || length.compareTo(MAX_LENGTH) > 0
                || length.toSeconds() % VisitBooking.GRANULARITY.toSeconds() != 0)) {
            input.add("length", "granularity", "must be a positive multiple of 15 minutes, at most 24 hours");
        }
        input.throwIfAny();
    }

    private VisitRecord record(Step step, Visit visit) {
        return new VisitRecord(step.current().tenant(), visit, visit.end().plus(travelBuffer));
    }

    private static Visit bookedVisit(Step step, String visitId) {
        Optional<VisitRecord> found = visitId == null ? Optional.empty()
                : step.tx().findVisit(step.current().tenant(), visitId)
                .filter(v -> v.visit().request().equals(step.current().id()));
        if (found.isEmpty()) {
            throw new NotFoundException("visit", visitId);
        }
        if (found.get().visit().status() != VisitStatus.BOOKED) {
            step.errors().add("visit", "booked", "visit '" + visitId + "' is " + found.get().visit().status());
            step.errors().throwIfAny();
        }
        return found.get().visit();
    }

    private static void checkSite(Step step, dev.supportkit.api.directory.SiteId id, String field) {
        if (step.errors().required(field, id)) {
            Optional<Site> site = step.tx().findDirectoryEntry(step.actor().tenant(), Site.class, id.value());
            if (site.isEmpty() || !site.get().organization().equals(step.current().organization())) {
                step.errors().add(field, "belongs-to-organization", "'" + id
                        + "' is not a site of the request's organization");
            }
        }
    }

    private static void checkWindow(Step step, Instant start, Instant end) {
        FieldErrors errors = step.errors();
        if (errors.required("visit.start", start) && errors.inRange("visit.start", start)) {
            if (start.isBefore(step.now())) {
                errors.add("visit.start", "not-in-past", "must not be in the past (was " + start + ")");
            } else if (!onGrid(start)) {
                errors.add("visit.start", "granularity", "must be on a quarter hour (was " + start + ")");
            }
        }
        if (errors.required("visit.end", end) && errors.inRange("visit.end", end) && start != null) {
            if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
                errors.add("visit.end", "range", "must be after the start (" + start + ") and at most 24 hours later");
            } else if (!onGrid(end)) {
                errors.add("visit.end", "granularity", "must be on a quarter hour (was " + end + ")");
            }
        }
    }

    private static boolean onGrid(Instant t) {
        return t.getNano() == 0 && t.getEpochSecond() % VisitBooking.GRANULARITY.toSeconds() == 0;
    }

    /**
     * Each technician must be an active specialist, within their working hours and not away for the window,
     * and not held by another visit for it or its travel buffer.
     */
    private void checkTechnicians(Step step, List<SpecialistId> technicians, Instant start, Instant end,
                                  String movingVisit) {
        StorageTransaction tx = step.tx();
        FieldErrors errors = step.errors();
        Map<SpecialistId, String> problems = new HashMap<>();
        for (SpecialistId technician : technicians) {
            String id = technician.value();
            if (tx.findDirectoryEntry(step.actor().tenant(), Specialist.class, id).isEmpty()) {
                errors.add("visit.technicians", "exists", "no specialist '" + id + "'");
                continue;
            }
            if (!ActiveEntries.requireActive(tx, step.actor().tenant(), DirectoryKind.SPECIALIST, id,
                    "visit.technicians", errors)) {
                continue;
            }
            Optional<TechnicianSchedule> schedule = tx.findDirectoryEntry(step.actor().tenant(),
                    TechnicianSchedule.class, id);
            if (schedule.isPresent()) {
                Optional<BusinessCalendar> calendar = calendars.get(schedule.get().calendar());
                if (calendar.isPresent() && !calendar.get().workingTimeBetween(start, end)
                        .equals(Duration.between(start, end))) {
                    errors.add("visit.technicians", "working-hours", "'" + id + "' does not work all of " + start
                            + " – " + end + " (calendar " + schedule.get().calendar() + ")");
                    continue;
                }
                Optional<TechnicianSchedule.Absence> away = schedule.get().absenceDuring(start, end);
                if (away.isPresent()) {
                    errors.add("visit.technicians", "absent", "'" + id + "' is away " + away.get().from() + " – "
                            + away.get().until() + (away.get().reason() == null ? "" : " (" + away.get().reason() + ")"));
                    continue;
                }
            }
            tx.findTechnicianVisits(step.actor().tenant(), technician, start, end.plus(travelBuffer)).stream()
                    .filter(v -> !v.visit().id().equals(movingVisit)).findFirst()
                    .ifPresent(v -> problems.put(technician, "'" + id + "' is booked for visit '" + v.visit().id()
                            + "' " + v.visit().start() + " – " + v.visit().end() + " (with travel until "
                            + v.heldUntil() + ")"));
        }
        problems.values().stream().sorted().forEach(p -> errors.add("visit.technicians", "free", p));
    }
}
