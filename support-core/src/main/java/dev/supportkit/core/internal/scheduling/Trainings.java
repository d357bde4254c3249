package dev.supportkit.core.internal.scheduling;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.scheduling.TrainingRecord;
import dev.supportkit.api.scheduling.TrainingSession;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.security.Permission;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Trainings of the customer's staff (C/02.6): journalled on the request they were given on and kept as the
 * organisation's directory entries, so they are listed per organisation and per representative.
 */
final class Trainings {
    private static final Comparator<TrainingRecord> EARLIEST = Comparator
            .comparing((TrainingRecord t) -> t.session().heldAt()).thenComparing(TrainingRecord::id);

    private final RequestCommands commands;

    Trainings(RequestCommands commands) {
        this.commands = commands;
    }

    Request record(Actor actor, RequestRef ref, TrainingSession session) {
        return commands.execute(actor, ref, Permission.RECORD_TRAINING, RequestAction.RECORD_TRAINING, true, step -> {
            FieldErrors errors = step.errors();
            if (!errors.required("training", session)) {
                return null;
            }
            errors.requiredText("training.topic", session.topic(), 200);
            errors.requiredText("training.competence", session.competence(), 2_000);
            if (session.attendees().isEmpty() || session.attendees().size() > 100) {
                errors.add("training.attendees", "size", "1 to 100 attendees (was " + session.attendees().size() + ")");
            }
            for (RepresentativeId attendee : session.attendees()) {
                Optional<Representative> found = step.tx().findDirectoryEntry(actor.tenant(), Representative.class,
                        attendee.value());
                if (found.isEmpty() || !found.get().organization().equals(step.current().organization())) {
                    errors.add("training.attendees", "of-organization", "'" + attendee + "' is not a representative"
                            + " of organisation '" + step.current().organization() + "'");
                }
            }
            if (errors.required("training.heldAt", session.heldAt()) && errors.inRange("training.heldAt",
                    session.heldAt())) {
                errors.notInFuture("training.heldAt", session.heldAt(), step.now());
            }
            if (errors.required("training.duration", session.duration()) && (session.duration().isNegative()
                    || session.duration().isZero() || session.duration().compareTo(Duration.ofHours(24)) > 0)) {
                errors.add("training.duration", "range", "more than zero and at most 24 hours");
            }
            if (session.materials().size() > 50) {
                errors.add("training.materials", "max-size", "at most 50 materials");
            }
            for (int i = 0; i < session.materials().size(); i++) {
                errors.requiredText("training.materials[" + i + "]", session.materials().get(i), 500);
            }
            if (!errors.isEmpty()) {
                return null;
            }
            TrainingRecord training = new TrainingRecord(UUID.randomUUID().toString(), step.current().organization(),
                    step.current().id(), actor.id(), session);
            step.tx().saveDirectoryEntry(actor.tenant(), training);
            return Change.of(step.advance(), new JournalDraft(LaborFunction.C_02_6, Visibility.CUSTOMER_VISIBLE, null,
                    new RequestEvent.TrainingGiven(training.id(), session.topic(), session.attendees(),
                            session.heldAt(), session.duration(), session.competence()),
                    "Training \"" + session.topic() + "\" for " + session.attendees().size() + " of the customer's"
                            + " staff, " + session.duration().toMinutes() + " min: " + session.competence()));
        });
    }

    List<TrainingRecord> of(Actor actor, OrganizationId organization) {
        commands.policy().require(actor, Permission.READ_CUSTOMER_DIRECTORY);
        if (!commands.policy().canSeeOrganization(actor, organization)) {
            return List.of();
        }
        return commands.read(tx -> tx.listDirectoryEntries(actor.tenant(), TrainingRecord.class,
                Optional.of(organization))).stream().sorted(EARLIEST).toList();
    }

    List<TrainingRecord> attendedBy(Actor actor, RepresentativeId representative) {
        commands.policy().require(actor, Permission.READ_CUSTOMER_DIRECTORY);
        Optional<Representative> found = commands.read(tx -> tx.findDirectoryEntry(actor.tenant(),
                Representative.class, representative.value()));
        if (found.isEmpty()) {
            return List.of();
        }
        return of(actor, found.get().organization()).stream()
                .filter(t -> t.session().attendees().contains(representative)).toList();
    }
}
