package dev.supportkit.core.internal.intake;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.intake.ImportResult;
import dev.supportkit.api.intake.ImportedRequest;
import dev.supportkit.api.intake.IntakeService;
import dev.supportkit.api.intake.MassIncident;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.ContactId;
import dev.supportkit.api.request.IncidentId;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.CompactIds;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.LineFunctions;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.RequestLifecycle;
import dev.supportkit.core.internal.security.Permission;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Intake of customer contacts (A/01.3): registration (in {@link RequestRegistration}: validation of the contact
 * with its questionnaire answers, attaching to the customer's open request about the same system, emergency
 * rules, mass-incident detection); questionnaires and mass incidents.
 *
 * <p>Journal codes: registration, attached contacts, {@code EmergencyFlagged} and {@code LinkedToIncident} are
 * A/01.3 (handling contacts, detecting emergencies); {@code ResolvedWithIncident} is B/02.6 (the lead controlling
 * the execution of the incident's requests).
 */
public final class DefaultIntakeService implements IntakeService {
    /** Longest incident resolution. */
    static final int RESOLUTION_MAX = 4000;
    /** The statuses a mass incident's resolution leaves alone. */
    private static final Set<RequestStatus> DONE = EnumSet.of(RequestStatus.RESOLVED, RequestStatus.SIGNED_OFF,
            RequestStatus.CLOSED);

    private final RequestCommands commands;
    private final RequestRegistration registration;
    private final RequestImporter importer;
    private final QuestionnaireCatalog questionnaires;
    private final MassIncidents incidents;

    /**
     * @param commands       the request command pipeline
     * @param registration   registers contacts as requests
     * @param importer       the bulk importer
     * @param questionnaires the questionnaire catalogue
     * @param incidents      mass incidents and their detection
     */
    @Inject
    public DefaultIntakeService(RequestCommands commands, RequestRegistration registration, RequestImporter importer,
                                QuestionnaireCatalog questionnaires, MassIncidents incidents) {
        this.commands = commands;
        this.registration = registration;
        this.importer = importer;
        this.questionnaires = questionnaires;
        this.incidents = incidents;
    }

    @Override
    public ImportResult importRequests(Actor actor, String source, List<ImportedRequest> requests) {
        return importer.importRequests(actor, source, requests);
    }

    @Override
    public Request registerContact(Actor actor, ContactDraft draft) {
        return registration.register(actor, draft);
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
                    step.errors().requiredText("clarification.answer", answer, RequestRegistration.TEXT_MAX);
                    if (!step.errors().isEmpty()) {
                        return null;
                    }
                    Request current = step.current();
                    RepresentativeId from = actor.role() == Role.CUSTOMER_REPRESENTATIVE
                            ? RepresentativeId.of(actor.id()) : current.representative();
                    ContactId contactId = ContactId.of(CompactIds.next(step.now()));
                    Contact contact = new Contact(contactId, current.id(), channel, from, answer, step.now(), actor.id());
                    JournalDraft entry = new JournalDraft(LineFunctions.dialogue(current.line()),
                            Visibility.CUSTOMER_VISIBLE, channel,
                            new RequestEvent.ClarificationProvided(contactId, channel, answer),
                            "Customer clarified by " + RequestRegistration.channelName(channel) + "; request back with "
                                    + current.line().name().toLowerCase().replace('_', ' '));
                    return Change.of(step.advance(), entry).withContact(contact);
                });
    }

    @Override
    public List<Contact> contacts(Actor actor, RequestId request) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        return commands.read(tx -> tx.findContacts(commands.load(tx, actor, request).tenant(), request));
    }

    @Override
    public Questionnaire defineQuestionnaire(Actor actor, Questionnaire questionnaire) {
        commands.policy().require(actor, Permission.DEFINE_QUESTIONNAIRE);
        if (questionnaire == null) {
            new FieldErrors().add("questionnaire", "required", "is required").throwIfAny();
        }
        try {
            return commands.write(tx -> questionnaires.define(tx, actor.tenant(), questionnaire));
        } catch (ConcurrencyConflictException e) {
            // another node stored the same version meanwhile: the retry accepts it only with the same content
            return commands.write(tx -> questionnaires.define(tx, actor.tenant(), questionnaire));
        } finally {
            questionnaires.forget(actor.tenant());
        }
    }

    @Override
    public Questionnaire questionnaire(Actor actor, QuestionnaireId id, int version) {
        commands.policy().require(actor, Permission.READ_QUESTIONNAIRES);
        return commands.read(tx -> questionnaires.version(tx, actor.tenant(), id, version))
                .orElseThrow(() -> new NotFoundException("questionnaire", id + " v" + version));
    }

    @Override
    public List<Questionnaire> questionnaires(Actor actor) {
        commands.policy().require(actor, Permission.READ_QUESTIONNAIRES);
        return commands.read(tx -> questionnaires.all(tx, actor.tenant()));
    }

    @Override
    public Optional<Questionnaire> questionnaireFor(Actor actor, Optional<SystemId> system, Optional<String> category) {
        commands.policy().require(actor, Permission.READ_QUESTIONNAIRES);
        Optional<SystemId> systemId = system == null ? Optional.empty() : system;
        Optional<String> categoryName = category == null ? Optional.empty() : category.filter(c -> !c.isBlank());
        return commands.read(tx -> {
            Optional<String> model = Optional.empty();
            if (systemId.isPresent()) {
                SupportedSystem found = tx.findDirectoryEntry(actor.tenant(), SupportedSystem.class,
                                systemId.get().value())
                        .filter(s -> commands.policy().canSeeOrganization(actor, s.organization()))
                        .orElseThrow(() -> new NotFoundException("system", systemId.get()));
                model = Optional.ofNullable(found.model());
            }
            return questionnaires.bestFor(tx, actor.tenant(), model, categoryName);
        });
    }

    @Override
    public List<MassIncident> massIncidents(Actor actor, boolean openOnly) {
        commands.policy().require(actor, Permission.READ_INCIDENTS);
        return commands.read(tx -> incidents.list(tx, actor.tenant(), openOnly));
    }

    @Override
    public MassIncident massIncident(Actor actor, IncidentId id) {
        commands.policy().require(actor, Permission.READ_INCIDENTS);
        if (id == null) {
            new FieldErrors().add("incident", "required", "is required").throwIfAny();
        }
        return commands.read(tx -> incidents.find(tx, actor.tenant(), id))
                .orElseThrow(() -> new NotFoundException("mass incident", id));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each linked request that is still registered, worked on or waiting for the customer is resolved in its
     * own journal ({@code ResolvedWithIncident}, B/02.6, visible to the customer) with a resolution report whose
     * summary is the incident's resolution and whose cause is the incident's title; its deadlines are met as on
     * a normal resolve and its customer gets the {@code request.resolved} message. Requests already resolved,
     * signed off or closed are left as they are. Everything happens in one transaction: a concurrent change of
     * one of the requests fails the whole call with a {@link ConcurrencyConflictException}.
     */
    @Override
    public MassIncident resolveMassIncident(Actor actor, IncidentId id, int version, String resolution) {
        commands.policy().require(actor, Permission.RESOLVE_INCIDENT);
        FieldErrors input = new FieldErrors();
        input.required("incident", id);
        input.requiredText("incident.resolution", resolution, RESOLUTION_MAX);
        input.throwIfAny();
        String summary = resolution.strip();
        return commands.write(tx -> {
            Instant now = commands.now();
            MassIncident incident = incidents.find(tx, actor.tenant(), id)
                    .orElseThrow(() -> new NotFoundException("mass incident", id));
            if (incident.version() != version) {
                throw new ConcurrencyConflictException("mass incident", id, version, incident.version());
            }
            if (!incident.open()) {
                throw new InvalidTransitionException("RESOLVED", "resolve the mass incident");
            }
            ResolutionReport report = ResolutionReport.of(summary, incident.title());
            for (RequestId requestId : incident.requests()) {
                Optional<Request> found = tx.findRequest(actor.tenant(), requestId);
                if (found.isEmpty() || DONE.contains(found.get().status())) {
                    continue;
                }
                Request current = found.get();
                Request.Builder next = current.toBuilder()
                        .status(RequestLifecycle.next(current, RequestAction.RESOLVE_WITH_INCIDENT))
                        .resolution(report);
                JournalDraft entry = new JournalDraft(LaborFunction.B_02_6, Visibility.CUSTOMER_VISIBLE, null,
                        new RequestEvent.ResolvedWithIncident(id, summary),
                        "Resolved together with mass incident " + id + " (" + incident.title() + "): " + summary);
                commands.commit(tx, actor, current, RequestAction.RESOLVE_WITH_INCIDENT, Change.of(next, entry)
                        .notifyCustomer(MessageTopic.REQUEST_RESOLVED,
                                Map.of("summary", summary, "cause", incident.title())), now);
            }
            MassIncident resolved = new MassIncident(incident.id(), incident.scope(), incident.scopeValue(),
                    incident.title(), false, incident.detectedAt(), incident.requests(), Optional.of(summary),
                    Optional.of(now), incident.version() + 1);
            incidents.write(tx, actor.tenant(), resolved, now);
            return resolved;
        });
    }
}
