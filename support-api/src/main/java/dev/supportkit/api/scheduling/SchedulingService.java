package dev.supportkit.api.scheduling;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;

/**
 * Scheduling: agreed dates of works and visits (C/01.6, C/02.6), deadlines per executor (D/01.7).
 */
public interface SchedulingService {
    /**
     * Schedules a visit to the customer's site. The entry is customer-visible, so the customer is
     * told the agreed time.
     *
     * @param actor a second-line engineer or a group lead
     * @param ref   the request as last read; it must be at second line
     * @param plan  the visit
     * @return the updated request
     */
    Request scheduleVisit(Actor actor, RequestRef ref, VisitPlan plan);

    /**
     * Sets an executor's deadline on a request (D/01.7). The entry is internal. It does not assign the
     * request (use {@link dev.supportkit.api.work.WorkService#assign}). If the deadline passes while the
     * request is still open (in work at any line, or waiting for the customer), the engine journals it as
     * missed (as the
     * {@link dev.supportkit.api.Role#SYSTEM} actor, which raises the request's version) and records a
     * notification to the executor. For tasks executors mark done, use a work plan
     * ({@link dev.supportkit.api.work.WorkService#planWork}).
     *
     * @param actor    a group lead
     * @param ref      the request as last read; it must be in work at second line ({@code AT_SECOND_LINE}; a
     *                 request waiting for the customer is refused with an
     *                 {@link dev.supportkit.api.error.InvalidTransitionException})
     * @param deadline who, by when, what
     * @return the updated request
     */
    Request setExecutorDeadline(Actor actor, RequestRef ref, ExecutorDeadline deadline);

    /**
     * Saves a technician's working hours (a business calendar) and absences; visits are booked only within
     * them. A specialist without a schedule can be booked at any time.
     *
     * @param actor    an administrator
     * @param schedule the schedule; its technician must be a specialist and its calendar a known one
     * @return the stored schedule
     * @throws dev.supportkit.api.error.ValidationException naming {@code schedule.technician} ({@code exists}),
     *         {@code schedule.calendar} ({@code exists}) or {@code schedule.absences[i].until} ({@code after-start})
     */
    TechnicianSchedule saveTechnicianSchedule(Actor actor, TechnicianSchedule schedule);

    /**
     * Books a visit with its technicians (C/01.6 installation, C/02.6 configuration, C/03.6 repair). Each
     * technician must work the whole window, not be away, and not be held by another visit for the window
     * or the travel buffer after it ({@code supportkit.work.visits.travel-buffer-minutes}). The store makes a
     * double booking impossible even when several engines book at once: of two racing bookings of one
     * technician exactly one stands, the other is refused as if it had come second. The customer is told
     * ({@code works.scheduled}), and each technician ({@code visit.assigned}). Journalled customer-visible.
     *
     * @param actor   a second-line engineer or group lead of the request's group
     * @param ref     the request and the version the actor read; it must be in work at second line
     * @param booking where, when, why, who
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code visit.site}
     *         ({@code belongs-to-organization}), {@code visit.start} ({@code not-in-past}, {@code granularity}),
     *         {@code visit.end} ({@code range}, {@code granularity}) or {@code visit.technicians} ({@code size},
     *         {@code exists}, {@code active}, {@code working-hours}, {@code absent}, {@code free})
     */
    Request bookVisit(Actor actor, RequestRef ref, VisitBooking booking);

    /**
     * Moves a booked visit to another window, with the same checks as booking; the customer is told of the
     * change ({@code works.rescheduled}) and the technicians again ({@code visit.assigned}).
     *
     * @param actor  a second-line engineer or group lead of the request's group
     * @param ref    the request and the version the actor read
     * @param visit  the visit's id
     * @param start  the new start
     * @param end    the new end
     * @param reason why (required, at most 1,000 characters)
     * @return the new snapshot
     * @throws dev.supportkit.api.error.NotFoundException when the request has no such visit
     */
    Request rescheduleVisit(Actor actor, RequestRef ref, String visit, java.time.Instant start, java.time.Instant end,
                            String reason);

    /**
     * Cancels a booked visit: its technicians are free again; the customer and the technicians are told
     * ({@code works.cancelled}).
     *
     * @param actor  a second-line engineer or group lead of the request's group
     * @param ref    the request and the version the actor read
     * @param visit  the visit's id
     * @param reason why (required)
     * @return the new snapshot
     */
    Request cancelVisit(Actor actor, RequestRef ref, String visit, String reason);

    /**
     * @param actor   anyone who may read the request
     * @param request the request
     * @return its booked and cancelled visits, by start
     */
    java.util.List<Visit> visits(Actor actor, dev.supportkit.api.request.RequestId request);

    /**
     * @param actor      staff, an auditor or an administrator
     * @param technician the technician
     * @param from       the start of the period
     * @param until      its end (at most 31 days later)
     * @return the technician's booked visits that hold them in the period
     */
    java.util.List<Visit> technicianVisits(Actor actor, dev.supportkit.api.directory.SpecialistId technician,
                                           java.time.Instant from, java.time.Instant until);

    /**
     * Offers the windows of a length, on the quarter-hour grid, in which a technician could be booked: within
     * their working hours, outside their absences, clear of their visits and the travel buffer (at most 50).
     *
     * @param actor      staff, an auditor or an administrator
     * @param technician the technician
     * @param from       the start of the search
     * @param until      its end (at most 31 days later)
     * @param length     the visit's length (a multiple of 15 minutes)
     * @return the free windows, earliest first
     */
    java.util.List<TimeWindow> freeWindows(Actor actor, dev.supportkit.api.directory.SpecialistId technician,
                                           java.time.Instant from, java.time.Instant until, java.time.Duration length);

    /**
     * Proposes works to the departments that do them (C/01.6): each department named is told
     * ({@code works.proposed}, to the contact points saved under its id) and one of its people agrees or proposes
     * other dates. Journalled internal under C/01.6 (installation, commissioning), C/02.6 (configuration) or
     * C/03.6 (repair visit). The order is on the returned snapshot ({@code works()}).
     *
     * @param actor    a second-line engineer or group lead of the request's group
     * @param ref      the request and the version the actor read; in work at second line
     * @param proposal what, where, when, which departments
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code works.site}, {@code works.start}
     *         ({@code not-in-past}), {@code works.end} ({@code after-start}) or {@code works.departments}
     *         ({@code size}, {@code exists})
     */
    Request proposeWorks(Actor actor, RequestRef ref, WorksProposal proposal);

    /**
     * A person of a department agrees, for it, to the proposed dates. When the last department named agrees,
     * the works are {@link WorksStatus#AGREED} and the customer is told the dates ({@code works.scheduled};
     * that entry is customer-visible).
     *
     * @param actor      a person of the department (its {@code people})
     * @param ref        the request and the version the actor read
     * @param order      the works order's id
     * @param department the department agreeing
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code works.department} (rules
     *         {@code named}, {@code agreed-once}) or {@code works} ({@code proposed})
     * @throws dev.supportkit.api.error.AccessDeniedException when the actor is not a person of the department
     */
    Request agreeWorks(Actor actor, RequestRef ref, String order, dev.supportkit.api.directory.DepartmentId department);

    /**
     * A person of a department proposes other dates instead of agreeing: the order moves to them, the proposing
     * department counts as agreed, and every other department must agree again (they are told).
     *
     * @param actor      a person of the department
     * @param ref        the request and the version the actor read
     * @param order      the works order's id
     * @param department the department proposing
     * @param start      the dates it proposes: start
     * @param end        and end
     * @param reason     why (required)
     * @return the new snapshot
     */
    Request proposeOtherDates(Actor actor, RequestRef ref, String order,
                              dev.supportkit.api.directory.DepartmentId department, java.time.Instant start,
                              java.time.Instant end, String reason);

    /**
     * Moves agreed works; the customer and every department are told ({@code works.rescheduled}).
     *
     * @param actor  a second-line engineer or group lead of the request's group
     * @param ref    the request and the version the actor read
     * @param order  the works order's id
     * @param start  the new start
     * @param end    the new end
     * @param reason why (required)
     * @return the new snapshot
     */
    Request rescheduleWorks(Actor actor, RequestRef ref, String order, java.time.Instant start, java.time.Instant end,
                            String reason);

    /**
     * Cancels proposed or agreed works; the departments are told, and the customer when they knew the dates
     * ({@code works.cancelled}).
     *
     * @param actor  a second-line engineer or group lead of the request's group
     * @param ref    the request and the version the actor read
     * @param order  the works order's id
     * @param reason why (required)
     * @return the new snapshot
     */
    Request cancelWorks(Actor actor, RequestRef ref, String order, String reason);

    /**
     * Records agreed works as done, with what was done and the checks performed (customer-visible).
     *
     * @param actor   a second-line engineer or group lead of the request's group
     * @param ref     the request and the version the actor read
     * @param order   the works order's id
     * @param outcome what was done and checked
     * @return the new snapshot
     */
    Request completeWorks(Actor actor, RequestRef ref, String order, WorksOutcome outcome);

    /**
     * The customer's representative signs done works off, where the order asks for it.
     *
     * @param actor   a representative of the request's organisation
     * @param ref     the request and the version the actor read
     * @param order   the works order's id
     * @param comment their comment, possibly null
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code works} (rules {@code done},
     *         {@code sign-off-required})
     */
    Request signOffWorks(Actor actor, RequestRef ref, String order, String comment);

    /**
     * Offers the customer windows for a visit in which every technician named is free (working hours,
     * absences, other visits, travel buffer), on the quarter-hour grid, earliest first; the customer is told
     * them ({@code visit.offered}) and confirms one with {@link #confirmVisit} before the offer expires
     * ({@code supportkit.work.visits.offer-minutes}, a day by default). Journalled customer-visible.
     *
     * @param actor a second-line engineer or group lead of the request's group
     * @param ref   the request and the version the actor read; in work at second line
     * @param query where, why, who, how long, between when
     * @return the new snapshot; the offer is in {@link #visitOffers}
     * @throws dev.supportkit.api.error.ValidationException naming {@code offer.technicians} (rules {@code size},
     *         {@code free} when there is no common window), {@code offer.length}, {@code offer.until},
     *         {@code offer.maxSlots} or {@code offer.site}
     */
    Request offerVisit(Actor actor, RequestRef ref, VisitOfferQuery query);

    /**
     * The customer's representative confirms one offered window: the visit is booked in it, with the same
     * checks and guarantee as {@link #bookVisit} (a technician taken since the offer is refused with
     * {@code free}).
     *
     * @param actor  a representative of the request's organisation
     * @param ref    the request and the version the actor read
     * @param offer  the offer's id
     * @param window one of the windows offered
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code offer} (rules {@code expired},
     *         {@code open}) or {@code offer.window} ({@code offered})
     * @throws dev.supportkit.api.error.NotFoundException when the request has no such offer
     */
    Request confirmVisit(Actor actor, RequestRef ref, String offer, TimeWindow window);

    /**
     * @param actor   anyone who may read the request
     * @param request the request
     * @return its offers of visit windows, oldest first, each marked when confirmed
     */
    java.util.List<VisitOffer> visitOffers(Actor actor, dev.supportkit.api.request.RequestId request);

    /**
     * Records a training of the customer's staff given on a request (C/02.6, customer-visible): topic,
     * attendees, when, how long, the configuration competence handed over and the materials. Files go on the
     * entry with {@link dev.supportkit.api.work.WorkService#attach}. Listed per organisation and representative.
     *
     * @param actor   a second-line engineer or group lead of the request's group (the trainer)
     * @param ref     the request and the version the actor read; in work at second line
     * @param session the training
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code training.topic},
     *         {@code training.attendees} ({@code size}, {@code of-organization}), {@code training.heldAt}
     *         ({@code not-in-future}), {@code training.duration} ({@code range}), {@code training.competence} or
     *         {@code training.materials}
     */
    Request recordTraining(Actor actor, RequestRef ref, TrainingSession session);

    /**
     * @param actor        anyone who may read the organisation's directory entries (a customer: their own)
     * @param organization the organisation
     * @return its trainings, earliest first
     */
    java.util.List<TrainingRecord> trainings(Actor actor, dev.supportkit.api.directory.OrganizationId organization);

    /**
     * @param actor          anyone who may read the representative's organisation (a customer: their own)
     * @param representative the representative
     * @return the trainings they attended, earliest first
     */
    java.util.List<TrainingRecord> trainingsOf(Actor actor, dev.supportkit.api.directory.RepresentativeId representative);
}
