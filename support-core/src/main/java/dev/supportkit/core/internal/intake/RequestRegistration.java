package dev.supportkit.core.internal.intake;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.intake.IncidentScope;
import dev.supportkit.api.intake.MassIncident;
import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.ContactId;
import dev.supportkit.api.request.IntakeDetails;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.QuestionnaireRef;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestSort;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.CompactIds;
import dev.supportkit.core.internal.work.ConflictRetry;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.RequestLifecycle;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.core.internal.request.ActiveEntries;
import dev.supportkit.spi.storage.RequestSelection;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registration of a customer contact as a create command of the request pipeline (A/01.3): the contact is
 * checked against the directory and its questionnaire, then either attached to the customer's open request about
 * the same system (the state machine's attach action) or registered as a new request, which emergency rules may
 * raise and mass-incident detection may link; the pipeline stores it and runs its hooks (deadlines, ...). The
 * whole registration is one unit of work, tried again when it meets a concurrent one.
 */
public final class RequestRegistration {
    /** Longest subject line. */
    static final int SUBJECT_MAX = 200;
    /** Longest contact text. */
    static final int TEXT_MAX = 10_000;
    /** Attempts of one registration when it conflicts with a concurrent one. */
    static final int REGISTER_ATTEMPTS = 25;

    private final RequestCommands commands;
    private final QuestionnaireCatalog questionnaires;
    private final MassIncidents incidents;
    private final EngineSettings settings;
    private final EmergencyRules emergencyRules;
    private final CallerLookup callers;
    /** Retries of conflicting registrations on this node take turns. */
    private final ConflictRetry registrationRetry = new ConflictRetry(REGISTER_ATTEMPTS);

    /**
     * @param commands       the request command pipeline
     * @param questionnaires the questionnaire catalogue
     * @param incidents      mass incidents and their detection
     * @param settings       the engine's settings (intake)
     * @param callers        recognises callers given by phone number or e-mail address
     */
    @Inject
    public RequestRegistration(RequestCommands commands, QuestionnaireCatalog questionnaires, MassIncidents incidents,
                               EngineSettings settings, CallerLookup callers) {
        this.commands = commands;
        this.callers = callers;
        this.questionnaires = questionnaires;
        this.incidents = incidents;
        this.settings = settings;
        this.emergencyRules = new EmergencyRules(settings.intake().emergencyRules());
    }

    /**
     * Registers a contact: attaches it to an open request or registers a new one.
     *
     * @param actor who registers
     * @param draft the contact
     * @return the request the contact now belongs to, as stored
     */
    public Request register(Actor actor, ContactDraft draft) {
        commands.policy().require(actor, Permission.REGISTER_CONTACT);
        if (draft == null) {
            new FieldErrors().add("contact", "required", "is required").throwIfAny();
        }
        if (actor.role() == Role.CUSTOMER_REPRESENTATIVE && draft.organization() != null
                && !actor.organization().orElseThrow().equals(draft.organization())) {
            throw new AccessDeniedException("A customer representative may register contacts only for their own "
                    + "organization (actor '" + actor.id() + "')");
        }
        // Before the unit of work: a caller given by number or address is recognised (the CRM is asked with a
        // bounded wait, never inside a transaction).
        CallerLookup.Outcome caller = callers.resolve(actor, draft);
        // A concurrent registration about the same scope value (every contact of a mass incident writes its
        // document), or a concurrent change of the request the contact is attached to: everything was rolled
        // back, and the next attempt reads afresh; a new request gets a fresh id.
        return commands.create(registrationRetry, (tx, now) -> register(tx, actor, caller.draft(),
                caller.entry(), now));
    }

    /** What the directory says about a contact. */
    private record Directory(boolean known, Optional<SupportedSystem> system) {
    }

    /**
     * A contact that passed every check, with what the checks found: what attaching it or registering a new
     * request from it needs.
     *
     * @param actor         who registers
     * @param draft         the contact as given
     * @param directory     what the directory says about it
     * @param questionnaire the questionnaire its answers were checked against
     * @param answers       the checked answers (merged with the request's for an attached contact)
     * @param contactId     the new contact's id
     * @param receivedAt    when it was received
     * @param now           the registration time
     * @param callerEntry   the internal entry telling how the caller was recognised, when intake looked them up
     */
    private record CheckedContact(Actor actor, ContactDraft draft, Directory directory,
                                  Optional<Questionnaire> questionnaire, Map<String, List<String>> answers,
                                  ContactId contactId, Instant receivedAt, Instant now,
                                  Optional<JournalDraft> callerEntry) {
    }

    private Request register(StorageTransaction tx, Actor actor, ContactDraft draft, Optional<JournalDraft> callerEntry,
                             Instant now) {
        FieldErrors errors = new FieldErrors();
        if (draft.caller() != null && !CallerLookup.isPhoneOrEmail(draft.caller())) {
            errors.add("contact.caller", "phone-or-email", "must be a phone number (5 to 15 digits) or an e-mail "
                    + "address of at most 254 characters");
        }
        if (draft.representative() == null && callerEntry.isPresent()) {
            errors.add("contact.caller", "recognised", callerEntry.get().description() + "; set "
                    + dev.supportkit.core.internal.config.IntakeSettings.UNKNOWN_CALLER_REPRESENTATIVE
                    + " to register such contacts, or name the representative");
        }
        Directory directory = validate(tx, actor, draft, now, errors);
        Optional<Request> target = Optional.empty();
        if (draft.attachTo() != null) {
            target = tx.findRequest(actor.tenant(), draft.attachTo()).filter(r -> commands.policy().canSee(actor, r));
            if (target.isEmpty()) {
                errors.add("contact.attachTo", "exists", "no open request '" + draft.attachTo() + "' was found");
            } else if (!target.get().organization().equals(draft.organization())) {
                errors.add("contact.attachTo", "same-organization",
                        "the request belongs to another customer organization");
                target = Optional.empty();
            }
        } else if (directory.known() && directory.system().isPresent() && !draft.newRequest()
                && settings.intake().attachToOpenRequest()) {
            target = openRequestAbout(tx, actor, draft, now);
        }
        if (target.isEmpty() && draft.attachTo() == null) {
            errors.requiredText("contact.subject", draft.subject(), SUBJECT_MAX); // a new request needs one
        } else {
            errors.maxLength("contact.subject", draft.subject(), SUBJECT_MAX);
        }
        Optional<Questionnaire> questionnaire = Optional.empty();
        Map<String, List<String>> answers = target.map(r -> r.intake().answers()).orElse(Map.of());
        if (directory.known()) {
            questionnaire = questionnaireFor(tx, actor, draft, target, directory, errors);
            if (questionnaire.isPresent()) {
                answers = AnswerCheck.check(questionnaire.get(), draft.answers(), answers, target.isEmpty(),
                        () -> equipment(tx, actor, draft, directory), errors);
            } else if (!draft.answers().isEmpty() && errors.isEmpty()) {
                errors.add("answers", "no-questionnaire", "no questionnaire applies to this contact (name one "
                        + "with contact.questionnaire), so its answers cannot be taken");
            }
        }
        errors.throwIfAny();
        // stored at the microseconds every store keeps, so the contact reads back as it was returned
        Instant receivedAt = draft.receivedAt() == null ? now : draft.receivedAt().truncatedTo(ChronoUnit.MICROS);
        ContactId contactId = ContactId.of(CompactIds.next(now));
        CheckedContact contact = new CheckedContact(actor, draft, directory, questionnaire, answers, contactId,
                receivedAt, now, callerEntry);
        if (target.isPresent()) {
            return attach(tx, contact, target.get());
        }
        return registerNew(tx, contact);
    }

    /** The most recent open request of the organisation about the contact's system. */
    private Optional<Request> openRequestAbout(StorageTransaction tx, Actor actor, ContactDraft draft, Instant now) {
        RequestQuery query = RequestQuery.builder().organization(draft.organization()).system(draft.system())
                .open().sort(RequestSort.NEWEST_FIRST).build();
        return tx.findRequests(actor.tenant(), RequestSelection.of(query, now, query.limit())).stream()
                .filter(r -> commands.policy().canSee(actor, r)).findFirst();
    }

    /**
     * The questionnaire a contact's answers are checked against: for an attached contact the request's own
     * version (when the request has one), else the draft's (latest version), else the most specific one for
     * the system's model and the category.
     */
    private Optional<Questionnaire> questionnaireFor(StorageTransaction tx, Actor actor, ContactDraft draft,
                                                     Optional<Request> target, Directory directory,
                                                     FieldErrors errors) {
        Optional<QuestionnaireRef> taken = target.flatMap(r -> r.intake().questionnaire());
        if (taken.isPresent()) {
            if (draft.questionnaire() != null && !draft.questionnaire().equals(taken.get().id())) {
                errors.add("contact.questionnaire", "same-as-request", "the request was taken with questionnaire '"
                        + taken.get().id() + "'; answers on a further contact belong to that questionnaire");
                return Optional.empty();
            }
            return questionnaires.version(tx, actor.tenant(), taken.get().id(), taken.get().version());
        }
        if (draft.questionnaire() != null) {
            Optional<Questionnaire> named = questionnaires.latest(tx, actor.tenant(), draft.questionnaire());
            if (named.isEmpty()) {
                errors.add("contact.questionnaire", "exists", "no questionnaire '" + draft.questionnaire() + "'");
            }
            return named;
        }
        return questionnaires.bestForContact(tx, actor.tenant(), directory.system().map(SupportedSystem::model),
                Optional.ofNullable(draft.category()));
    }

    /** The components an equipment answer may name: of the contact's system, else of the organisation's. */
    private static AnswerCheck.Allowed equipment(StorageTransaction tx, Actor actor, ContactDraft draft,
                                                 Directory directory) {
        if (directory.system().isPresent()) {
            SupportedSystem system = directory.system().get();
            return new AnswerCheck.Allowed(system.components().stream().map(c -> c.id().value())
                    .collect(Collectors.toSet()), "system '" + system.id() + "'");
        }
        Set<String> ids = new HashSet<>();
        tx.listDirectoryEntries(actor.tenant(), SupportedSystem.class, Optional.of(draft.organization()))
                .forEach(s -> s.components().forEach(c -> ids.add(c.id().value())));
        return new AnswerCheck.Allowed(ids, "a supported system of organization '" + draft.organization() + "'");
    }

    private Request attach(StorageTransaction tx, CheckedContact checked, Request current) {
        Actor actor = checked.actor();
        ContactDraft draft = checked.draft();
        ContactId contactId = checked.contactId();
        Map<String, List<String>> answers = checked.answers();
        RequestStatus next = RequestLifecycle.next(current, RequestAction.ATTACH_CONTACT);
        Contact contact = new Contact(contactId, current.id(), draft.channel(), draft.representative(),
                draft.text(), checked.receivedAt(), actor.id());
        IntakeDetails before = current.intake();
        Optional<QuestionnaireRef> ref = checked.questionnaire().map(Questionnaire::ref).or(before::questionnaire);
        boolean answered = checked.questionnaire().isPresent() && !draft.answers().isEmpty();
        IntakeDetails details = answered ? new IntakeDetails(ref, answers, before.emergency(),
                before.emergencyReasons(), before.incident()) : before;
        List<JournalDraft> entries = new ArrayList<>();
        entries.add(new JournalDraft(LaborFunction.A_01_3, Visibility.CUSTOMER_VISIBLE, draft.channel(),
                new RequestEvent.ContactAttached(contactId, draft.channel(), draft.text()),
                "Further " + channelName(draft.channel()) + " contact attached to the request"
                        + (draft.attachTo() == null ? " (open request about the same system)" : "")
                        + (answered ? "; answers now " + describe(answers) : "")));
        checked.callerEntry().ifPresent(entries::add);
        Request.Builder request = current.toBuilder().status(next);
        List<RequestCommands.Message> messages = new ArrayList<>();
        Optional<SupportedSystem> system = checked.directory().system().or(() -> current.system().flatMap(id ->
                tx.findDirectoryEntry(actor.tenant(), SupportedSystem.class, id.value())));
        Optional<EmergencyRules.Outcome> emergency = emergencyRules.evaluate(draft.subject(), draft.text(),
                details.answers(), system);
        if (emergency.isPresent() && (!before.emergency()
                || emergency.get().priority().compareTo(current.priority()) > 0)) {
            Priority to = max(current.priority(), emergency.get().priority());
            Set<String> reasons = new LinkedHashSet<>(details.emergencyReasons());
            reasons.addAll(emergency.get().reasons());
            details = new IntakeDetails(details.questionnaire(), details.answers(), true, List.copyOf(reasons),
                    details.incident());
            request.priority(to);
            entries.add(emergencyEntry(current.priority(), to, emergency.get().reasons()));
            messages.addAll(leadMessages(tx, actor, MessageTopic.REQUEST_EMERGENCY,
                    Map.of("priority", to.name(), "reasons", String.join("; ", emergency.get().reasons()))));
        }
        request.intake(details);
        return commands.commit(tx, actor, current, RequestAction.ATTACH_CONTACT, new Change(request, entries, messages,
                List.of(contact), List.of()), checked.now());
    }

    private Request registerNew(StorageTransaction tx, CheckedContact checked) {
        Actor actor = checked.actor();
        ContactDraft draft = checked.draft();
        Directory directory = checked.directory();
        Optional<Questionnaire> questionnaire = checked.questionnaire();
        Map<String, List<String>> answers = checked.answers();
        ContactId contactId = checked.contactId();
        Instant now = checked.now();
        RequestId requestId = RequestId.of(CompactIds.next(now));
        String subject = draft.subject().strip();
        Priority requested = draft.priority() == null ? Priority.NORMAL : draft.priority();
        Optional<EmergencyRules.Outcome> emergency = emergencyRules.evaluate(subject, draft.text(), answers,
                directory.system());
        Priority priority = emergency.map(e -> max(requested, e.priority())).orElse(requested);
        IntakeDetails details = new IntakeDetails(questionnaire.map(Questionnaire::ref), answers,
                emergency.isPresent(), emergency.map(EmergencyRules.Outcome::reasons).orElse(List.of()),
                Optional.empty());
        List<JournalDraft> entries = new ArrayList<>();
        entries.add(new JournalDraft(LaborFunction.A_01_3, Visibility.CUSTOMER_VISIBLE, draft.channel(),
                new RequestEvent.Registered(contactId, draft.channel(), requested, subject),
                "Request registered from a " + channelName(draft.channel()) + " contact: " + subject
                        + questionnaire.map(q -> "; questionnaire " + q.ref()
                        + (answers.isEmpty() ? "" : ", answers " + describe(answers))).orElse("")));
        checked.callerEntry().ifPresent(entries::add);
        List<RequestCommands.Message> messages = new ArrayList<>();
        if (emergency.isPresent()) {
            entries.add(emergencyEntry(requested, priority, emergency.get().reasons()));
            messages.addAll(leadMessages(tx, actor, MessageTopic.REQUEST_EMERGENCY,
                    Map.of("priority", priority.name(), "reasons", String.join("; ", emergency.get().reasons()))));
        }
        Optional<MassIncidents.Link> link = incidents.enabled() ? incidents.detect(tx, actor.tenant(), requestId,
                now, scopeValues(tx, checked)) : Optional.empty();
        if (link.isPresent()) {
            MassIncident incident = link.get().incident();
            details = details.withIncident(incident.id());
            entries.add(linkedEntry(incident));
            if (link.get().detected()) {
                messages.addAll(leadMessages(tx, actor, MessageTopic.INCIDENT_DETECTED, Map.of(
                        "incidentId", incident.id().value(), "incidentTitle", incident.title(),
                        "scope", incident.scope().name(), "scopeValue", incident.scopeValue(),
                        "requestCount", Integer.toString(incident.requests().size()))));
            }
        }
        Request.Builder request = Request.builder().id(requestId).tenant(actor.tenant())
                .organization(draft.organization()).representative(draft.representative()).system(draft.system())
                .model(checked.directory().system().map(SupportedSystem::model).orElse(null)).subject(subject).description(draft.text()).channel(draft.channel())
                .priority(priority).category(draft.category()).status(RequestStatus.REGISTERED)
                .line(SupportLine.FIRST_LINE).registeredAt(now).intake(details);
        Contact contact = new Contact(contactId, requestId, draft.channel(), draft.representative(), draft.text(),
                checked.receivedAt(), actor.id());
        Change change = new Change(request, entries, messages, List.of(contact), List.of())
                .notifyCustomer(MessageTopic.REQUEST_REGISTERED);
        Request saved = commands.commit(tx, actor, null, change, now);
        if (link.isPresent()) {
            Actor engine = Actor.system(actor.tenant());
            for (Request other : link.get().others()) {
                commands.commit(tx, engine, other, Change.of(other.toBuilder()
                        .intake(other.intake().withIncident(link.get().incident().id())),
                        linkedEntry(link.get().incident())), now);
            }
        }
        return saved;
    }

    /** The request's values for each incident scope: its system's model, its site, its category. */
    private static Map<IncidentScope, MassIncidents.ScopeValue> scopeValues(StorageTransaction tx,
                                                                          CheckedContact checked) {
        ContactDraft draft = checked.draft();
        Directory directory = checked.directory();
        Map<IncidentScope, MassIncidents.ScopeValue> values = new EnumMap<>(IncidentScope.class);
        directory.system().map(SupportedSystem::model).filter(m -> !m.isBlank()).ifPresent(model ->
                values.put(IncidentScope.SYSTEM_MODEL, new MassIncidents.ScopeValue(IncidentScope.SYSTEM_MODEL,
                        model.strip(), "system model " + model.strip())));
        Optional.ofNullable(draft.category()).filter(c -> !c.isBlank()).ifPresent(category ->
                values.put(IncidentScope.SERVICE, new MassIncidents.ScopeValue(IncidentScope.SERVICE,
                        category.strip(), "service " + category.strip())));
        site(tx, checked).ifPresent(site -> {
            String name = tx.findDirectoryEntry(checked.actor().tenant(), Site.class, site.value()).map(Site::name)
                    .orElse(site.value());
            values.put(IncidentScope.SITE, new MassIncidents.ScopeValue(IncidentScope.SITE, site.value(),
                    "site " + name + " (" + site + ")"));
        });
        return values;
    }

    /** The site of the equipment picked in the answers, else the one site of all the system's components. */
    private static Optional<SiteId> site(StorageTransaction tx, CheckedContact checked) {
        Actor actor = checked.actor();
        ContactDraft draft = checked.draft();
        Directory directory = checked.directory();
        Optional<Questionnaire> questionnaire = checked.questionnaire();
        Map<String, List<String>> answers = checked.answers();
        if (questionnaire.isPresent()) {
            for (Question q : questionnaire.get().questions()) {
                List<String> picked = answers.get(q.key());
                if (q.type() == QuestionType.EQUIPMENT && picked != null && !picked.isEmpty()) {
                    List<SupportedSystem> systems = directory.system().map(List::of).orElseGet(() ->
                            tx.listDirectoryEntries(actor.tenant(), SupportedSystem.class,
                                    Optional.of(draft.organization())));
                    for (SupportedSystem system : systems) {
                        for (SystemComponent component : system.components()) {
                            if (component.id().value().equals(picked.get(0)) && component.site() != null) {
                                return Optional.of(component.site());
                            }
                        }
                    }
                }
            }
        }
        Set<SiteId> sites = directory.system().map(s -> s.components().stream().map(SystemComponent::site)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet())).orElse(Set.of());
        return sites.size() == 1 ? Optional.of(sites.iterator().next()) : Optional.empty();
    }

    private static JournalDraft emergencyEntry(Priority from, Priority to, List<String> reasons) {
        return new JournalDraft(LaborFunction.A_01_3, Visibility.INTERNAL, null,
                new RequestEvent.EmergencyFlagged(from, to, reasons),
                "Flagged an emergency" + (to == from ? " (priority stays " + to + ")"
                        : "; priority raised from " + from + " to " + to) + ": " + String.join("; ", reasons));
    }

    private static JournalDraft linkedEntry(MassIncident incident) {
        return new JournalDraft(LaborFunction.A_01_3, Visibility.INTERNAL, null,
                new RequestEvent.LinkedToIncident(incident.id(), incident.scope().name(), incident.scopeValue()),
                "Linked to mass incident " + incident.id() + " (" + incident.title() + ")");
    }

    /** A message to every intake lead of the tenant (specialists with the role INTAKE_LEAD), by id. */
    private static List<RequestCommands.Message> leadMessages(StorageTransaction tx, Actor actor, MessageTopic topic,
                                                              Map<String, String> extras) {
        return tx.listDirectoryEntries(actor.tenant(), Specialist.class, Optional.empty()).stream()
                .filter(s -> s.role() == Role.INTAKE_LEAD)
                .map(s -> new RequestCommands.Message(topic, s.id().value(), Map.copyOf(extras))).toList();
    }

    private static Priority max(Priority a, Priority b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String describe(Map<String, List<String>> answers) {
        return answers.entrySet().stream().map(e -> e.getKey() + "=" + String.join("|", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static Directory validate(StorageTransaction tx, Actor actor, ContactDraft draft, Instant now,
                                      FieldErrors errors) {
        boolean hasOrganization = errors.required("contact.organization", draft.organization());
        errors.required("contact.representative", draft.representative());
        errors.required("contact.channel", draft.channel());
        errors.requiredText("contact.text", draft.text(), TEXT_MAX);
        errors.notInFuture("contact.receivedAt", draft.receivedAt(), now);
        errors.maxLength("contact.category", draft.category(), 100);
        if (!hasOrganization) {
            return new Directory(false, Optional.empty());
        }
        if (tx.findDirectoryEntry(actor.tenant(), Organization.class, draft.organization().value()).isEmpty()) {
            errors.add("contact.organization", "exists", "no organization '" + draft.organization() + "' in the directory");
            return new Directory(false, Optional.empty());
        }
        ActiveEntries.requireActive(tx, actor.tenant(), DirectoryKind.ORGANIZATION, draft.organization().value(),
                "contact.organization", errors);
        boolean known = true;
        if (draft.representative() != null) {
            Optional<Representative> rep = tx.findDirectoryEntry(actor.tenant(), Representative.class,
                    draft.representative().value());
            if (rep.isEmpty() || !rep.get().organization().equals(draft.organization())) {
                errors.add("contact.representative", "belongs-to-organization",
                        "'" + draft.representative() + "' is not a representative of organization '"
                                + draft.organization() + "'");
            } else {
                ActiveEntries.requireActive(tx, actor.tenant(), DirectoryKind.REPRESENTATIVE,
                        draft.representative().value(), "contact.representative", errors);
            }
        }
        Optional<SupportedSystem> found = Optional.empty();
        if (draft.system() != null) {
            Optional<SupportedSystem> system = tx.findDirectoryEntry(actor.tenant(), SupportedSystem.class,
                    draft.system().value());
            if (system.isEmpty() || !system.get().organization().equals(draft.organization())) {
                errors.add("contact.system", "belongs-to-organization",
                        "'" + draft.system() + "' is not a supported system of organization '"
                                + draft.organization() + "'");
                known = false;
            } else {
                found = system;
                ActiveEntries.requireActive(tx, actor.tenant(), DirectoryKind.SYSTEM, draft.system().value(),
                        "contact.system", errors);
            }
        }
        return new Directory(known, found);
    }

    /**
     * Names a channel in words for journal texts, e.g. "e-mail".
     *
     * @param channel the channel
     * @return its name in words
     */
    static String channelName(Channel channel) {
        return channel.name().toLowerCase().replace('_', ' ');
    }
}
