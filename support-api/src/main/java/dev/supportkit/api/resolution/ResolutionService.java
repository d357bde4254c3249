package dev.supportkit.api.resolution;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.ResolutionReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Resolution: diagnosis with the customer, removal of the problem and joint sign-off of the results
 * with the customer's responsible representative (C/02.6, C/03.6), and the failure register: the number of
 * equipment failures and their causes (C/03.6).
 */
public interface ResolutionService {
    /**
     * Asks the customer to clarify; the request waits for the answer.
     *
     * @param actor    a staff member of the line that holds the request
     * @param ref      the request as last read; it must be in a working state
     * @param question what to ask; required, at most 4000 characters
     * @return the request, now {@code WAITING_FOR_CUSTOMER}
     */
    Request requestClarification(Actor actor, RequestRef ref, String question);

    /**
     * Documents that the problem is removed; the customer's representative is asked to sign off.
     *
     * @param actor  a staff member of the line that holds the request
     * @param ref    the request as last read; it must be in a working state
     * @param report what was found and done
     * @return the request, now {@code RESOLVED}
     */
    Request resolve(Actor actor, RequestRef ref, ResolutionReport report);

    /**
     * The customer's representative signs off the documented results (joint sign-off).
     *
     * @param actor   a representative of the request's organisation
     * @param ref     the request as last read; it must be {@code RESOLVED}
     * @param comment optional comment, at most 2000 characters; may be null
     * @return the request, now {@code SIGNED_OFF}
     */
    Request signOff(Actor actor, RequestRef ref, String comment);

    /**
     * The customer's representative objects to the results; the request goes back to the line that
     * resolved it.
     *
     * @param actor     a representative of the request's organisation
     * @param ref       the request as last read; it must be {@code RESOLVED}
     * @param objection what is wrong; required, at most 2000 characters
     * @return the request, back in work
     */
    Request reopen(Actor actor, RequestRef ref, String objection);

    /**
     * Defines the tenant's catalogue of failure causes from YAML text, replacing the current one: the stored
     * catalogue is one version more than the one before (1 for the first). Failures are recorded against the
     * causes of the current version only; failures recorded earlier keep their cause codes.
     *
     * <pre>
     * causes:                       # required: at least one cause
     *   - code: power               # required: 1 to 64 of a-z 0-9 . _ -, unique in the whole catalogue
     *     title: Power supply       # required: one line, at most 200 characters
     *     causes:                   # optional: the causes that refine this one, to any depth
     *       - code: power.psu
     *         title: PSU failure
     *       - code: power.mains
     *         title: Mains outage
     *   - code: firmware
     *     title: Firmware fault
     * </pre>
     * Every problem is reported at once, naming the field: {@code causes[0].causes[1].code} (rules
     * {@code required}, {@code pattern}, {@code unique}), {@code causes[1].title} ({@code required},
     * {@code max-length}, {@code characters}); text that is not YAML, or not of this shape (an unknown key, a
     * list where a mapping belongs), is refused with rule {@code yaml} on field {@code yaml} or on the part
     * concerned.
     *
     * @param admin an administrator
     * @param yaml  the catalogue as YAML text (at most 1,000,000 characters, at most 1,000 causes)
     * @return the stored catalogue
     */
    FailureCauseCatalogue defineFailureCauses(Actor admin, String yaml);

    /**
     * The tenant's current catalogue of failure causes.
     *
     * @param actor staff, an auditor or an administrator
     * @return the catalogue of the highest version; version 0 without causes while none has been defined
     */
    FailureCauseCatalogue failureCauses(Actor actor);

    /**
     * Registers a unit of the installed base, or replaces the one registered for the same system and component.
     * The system must exist in the directory and the component, if given, must be one of its components
     * ({@code unit.system} rule {@code exists}, {@code unit.component} rule {@code component-of-system}); the
     * model is required ({@code unit.model}); a decommissioning must come after the commissioning
     * ({@code unit.decommissionedAt} rule {@code after-commissioning}).
     *
     * @param admin an administrator
     * @param unit  the unit
     * @return the stored unit
     */
    InstalledUnit registerInstalledUnit(Actor admin, InstalledUnit unit);

    /**
     * The tenant's installed base.
     *
     * @param actor staff, an auditor or an administrator
     * @param model only units of this equipment model (exactly as registered), if present
     * @return the units, ordered by system and component (the system as a whole first)
     */
    List<InstalledUnit> installedUnits(Actor actor, Optional<String> model);

    /**
     * Records an equipment failure found on the request in the failure register (C/03.6), journalled as an
     * internal entry ({@code FailureRecorded}); the request's status does not change. Refused with a
     * {@link dev.supportkit.api.error.ValidationException} naming the field: {@code failure.model}
     * ({@code required}), {@code failure.causeCode} ({@code exists}: not a cause of the current catalogue),
     * {@code failure.failedAt} ({@code not-in-future}), {@code failure.restoredAt} ({@code after-failure}:
     * before {@code failedAt}; {@code not-in-future}).
     *
     * @param actor  a second-line engineer or group lead (at second line, of the request's group)
     * @param ref    the request as last read; it must be {@code AT_SECOND_LINE} or {@code RESOLVED}
     * @param report the failure
     * @return the request with the entry added
     */
    Request recordFailure(Actor actor, RequestRef ref, FailureReport report);

    /**
     * Counts the failures of a period per model, component and cause, in the store, and gives each model's mean
     * time between failures over the operating time of its installed units in the period.
     *
     * @param actor an intake lead, group lead, auditor or administrator
     * @param from  the period's start (inclusive)
     * @param until the period's end (exclusive), after {@code from} ({@code until}, rule {@code range})
     * @return the figures
     */
    FailureStatistics failureStatistics(Actor actor, Instant from, Instant until);

    /**
     * Records a check of the customer's equipment, remote or on site, before or instead of a visit (C/03.6,
     * internal): the findings and the values measured.
     *
     * @param actor a second-line engineer or group lead of the request's group
     * @param ref   the request and the version the actor read; in work at second line
     * @param check what was checked, found and measured
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code check.findings} or
     *         {@code check.measurements} ({@code max-size}, {@code required}, {@code max-length})
     */
    Request recordCheck(Actor actor, RequestRef ref, EquipmentCheck check);
}
