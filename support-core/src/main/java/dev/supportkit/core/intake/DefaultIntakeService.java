package dev.supportkit.core.intake;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.intake.ImportResult;
import dev.supportkit.api.intake.ImportedRequest;
import dev.supportkit.api.intake.IntakeService;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.ContactId;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.core.journal.JournalDraft;
import dev.supportkit.core.request.FieldErrors;
import dev.supportkit.core.request.LineFunctions;
import dev.supportkit.core.request.RequestAction;
import dev.supportkit.core.request.RequestBuilder;
import dev.supportkit.core.request.RequestCommands;
import dev.supportkit.core.request.RequestCommands.Change;
import dev.supportkit.core.request.RequestLifecycle;
import dev.supportkit.core.security.Permission;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.intake.MassIncident;
import dev.supportkit.api.request.IncidentId;
import dev.supportkit.api.directory.SystemId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Intake of customer contacts (A/01.3). */
public final class DefaultIntakeService implements IntakeService {
    /** Longest subject line. */
    static final int SUBJECT_MAX = 200;
    /** Longest contact text. */
    static final int TEXT_MAX = 10_000;

    private final RequestCommands commands;
    private final RequestImporter importer;

    /**
     * @param commands the unit-of-work runner
     * @param importer the bulk importer
     */
    @Inject
    public DefaultIntakeService(RequestCommands commands, RequestImporter importer) {
        this.commands = commands;
        this.importer = importer;
    }

    @Override
    public ImportResult importRequests(Actor actor, String source, List<ImportedRequest> requests) {
        return importer.importRequests(actor, source, requests);
    }

    @Override
    public Request registerContact(Actor actor, ContactDraft draft) {
        commands.policy().require(actor, Permission.REGISTER_CONTACT);
        if (draft == null) {
            new FieldErrors().add("contact", "required", "is required").throwIfAny();
        }
        if (actor.role() == Role.CUSTOMER_REPRESENTATIVE && draft.organization() != null
                && !actor.organization().orElseThrow().equals(draft.organization())) {
            throw new AccessDeniedException("A customer representative may register contacts only for their own "
                    + "organization (actor '" + actor.id() + "')");
        }
        return commands.read(tx -> {
            Instant now = commands.now();
            FieldErrors errors = validate(tx, actor, draft, now);
            Optional<Request> target = Optional.empty();
            if (draft.attachTo() != null) {
                target = tx.findRequest(actor.tenant(), draft.attachTo()).filter(r -> commands.policy().canSee(actor, r));
                if (target.isEmpty()) {
                    errors.add("contact.attachTo", "exists", "no open request '" + draft.attachTo() + "' was found");
                } else if (!target.get().organization().equals(draft.organization())) {
                    errors.add("contact.attachTo", "same-organization",
                            "the request belongs to another customer organization");
                }
            }
            errors.throwIfAny();
            Instant receivedAt = draft.receivedAt() == null ? now : draft.receivedAt();
            ContactId contactId = ContactId.of(UUID.randomUUID().toString());
            if (target.isPresent()) {
                Request current = target.get();
                RequestStatus next = RequestLifecycle.next(current, RequestAction.ATTACH_CONTACT);
                Contact contact = new Contact(contactId, current.id(), draft.channel(), draft.representative(),
                        draft.text(), receivedAt, actor.id());
                JournalDraft entry = new JournalDraft(LaborFunction.A_01_3, Visibility.CUSTOMER_VISIBLE, draft.channel(),
                        new RequestEvent.ContactAttached(contactId, draft.channel(), draft.text()),
                        "Further " + channelName(draft.channel()) + " contact attached to the request");
                return commands.commit(tx, actor, current,
                        Change.of(RequestBuilder.from(current).status(next), entry).withContact(contact), now);
            }
            RequestId requestId = RequestId.of(UUID.randomUUID().toString());
            Priority priority = draft.priority() == null ? Priority.NORMAL : draft.priority();
            RequestBuilder request = RequestBuilder.create().id(requestId).tenant(actor.tenant())
                    .organization(draft.organization()).representative(draft.representative()).system(draft.system())
                    .subject(draft.subject().strip()).description(draft.text()).channel(draft.channel())
                    .priority(priority).category(draft.category()).status(RequestStatus.REGISTERED)
                    .line(SupportLine.FIRST_LINE)
                    .registeredAt(now);
            Contact contact = new Contact(contactId, requestId, draft.channel(), draft.representative(), draft.text(),
                    receivedAt, actor.id());
            JournalDraft entry = new JournalDraft(LaborFunction.A_01_3, Visibility.CUSTOMER_VISIBLE, draft.channel(),
                    new RequestEvent.Registered(contactId, draft.channel(), priority, draft.subject().strip()),
                    "Request registered from a " + channelName(draft.channel()) + " contact: " + draft.subject().strip());
            request.deadlines(commands.sla().startFor(tx, request.updatedAt(now).journalHead(0, "").build(), now));
            Request saved = commands.commit(tx, actor, null,
                    Change.of(request, entry).withContact(contact).notifyCustomer("request.registered"), now);
            commands.sla().scheduleRunning(tx, saved, now);
            return saved;
        });
    }

    private static FieldErrors validate(StorageTransaction tx, Actor actor, ContactDraft draft, Instant now) {
        FieldErrors errors = new FieldErrors();
        boolean hasOrganization = errors.required("contact.organization", draft.organization());
        errors.required("contact.representative", draft.representative());
        errors.required("contact.channel", draft.channel());
        if (draft.attachTo() == null) {
            errors.requiredText("contact.subject", draft.subject(), SUBJECT_MAX);
        } else {
            errors.maxLength("contact.subject", draft.subject(), SUBJECT_MAX);
        }
        errors.requiredText("contact.text", draft.text(), TEXT_MAX);
        errors.notInFuture("contact.receivedAt", draft.receivedAt(), now);
        errors.maxLength("contact.category", draft.category(), 100);
        if (!hasOrganization) {
            return errors;
        }
        if (tx.findDirectoryEntry(actor.tenant(), Organization.class, draft.organization().value()).isEmpty()) {
            errors.add("contact.organization", "exists", "no organization '" + draft.organization() + "' in the directory");
            return errors;
        }
        if (draft.representative() != null) {
            Optional<Representative> rep = tx.findDirectoryEntry(actor.tenant(), Representative.class,
                    draft.representative().value());
            if (rep.isEmpty() || !rep.get().organization().equals(draft.organization())) {
                errors.add("contact.representative", "belongs-to-organization",
                        "'" + draft.representative() + "' is not a representative of organization '"
                                + draft.organization() + "'");
            }
        }
        if (draft.system() != null) {
            Optional<SupportedSystem> system = tx.findDirectoryEntry(actor.tenant(), SupportedSystem.class,
                    draft.system().value());
            if (system.isEmpty() || !system.get().organization().equals(draft.organization())) {
                errors.add("contact.system", "belongs-to-organization",
                        "'" + draft.system() + "' is not a supported system of organization '"
                                + draft.organization() + "'");
            }
        }
        return errors;
    }

    @Override
    public Request takeIntoWork(Actor actor, RequestRef ref) {
        return commands.execute(actor, ref, Permission.TAKE_INTO_WORK, RequestAction.TAKE_INTO_WORK, true, step -> {
            SpecialistId operator = SpecialistId.of(actor.id());
            return Change.of(step.advance().assignee(operator),
                    new JournalDraft(LaborFunction.A_01_3, Visibility.CUSTOMER_VISIBLE, null,
                            new RequestEvent.TakenIntoWork(operator), "Taken into work by " + actor.displayName()));
        });
    }

    @Override
    public Request provideClarification(Actor actor, RequestRef ref, Channel channel, String answer) {
        return commands.execute(actor, ref, Permission.PROVIDE_CLARIFICATION, RequestAction.PROVIDE_CLARIFICATION,
                false, step -> {
                    step.errors().required("clarification.channel", channel);
                    step.errors().requiredText("clarification.answer", answer, TEXT_MAX);
                    if (!step.errors().isEmpty()) {
                        return null;
                    }
                    Request current = step.current();
                    RepresentativeId from = actor.role() == Role.CUSTOMER_REPRESENTATIVE
                            ? RepresentativeId.of(actor.id()) : current.representative();
                    ContactId contactId = ContactId.of(UUID.randomUUID().toString());
                    Contact contact = new Contact(contactId, current.id(), channel, from, answer, step.now(), actor.id());
                    JournalDraft entry = new JournalDraft(LineFunctions.dialogue(current.line()),
                            Visibility.CUSTOMER_VISIBLE, channel,
                            new RequestEvent.ClarificationProvided(contactId, channel, answer),
                            "Customer clarified by " + channelName(channel) + "; request back with "
                                    + current.line().name().toLowerCase().replace('_', ' '));
                    return Change.of(step.advance(), entry).withContact(contact);
                });
    }

    @Override
    public List<Contact> contacts(Actor actor, RequestId request) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        return commands.read(tx -> tx.findContacts(commands.load(tx, actor, request).tenant(), request));
    }

    private static String channelName(Channel channel) {
        return channel.name().toLowerCase().replace('_', ' ');
    }

    @Override
    public Questionnaire defineQuestionnaire(Actor actor, Questionnaire questionnaire) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Questionnaire questionnaire(Actor actor, QuestionnaireId id, int version) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<Questionnaire> questionnaires(Actor actor) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Optional<Questionnaire> questionnaireFor(Actor actor, Optional<SystemId> system, Optional<String> category) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<MassIncident> massIncidents(Actor actor, boolean openOnly) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public MassIncident massIncident(Actor actor, IncidentId id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public MassIncident resolveMassIncident(Actor actor, IncidentId id, int version, String resolution) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
