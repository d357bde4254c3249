package dev.supportkit.core.internal.directory;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.Department;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.DirectoryPage;
import dev.supportkit.api.directory.DirectoryQuery;
import dev.supportkit.api.directory.DirectoryService;
import dev.supportkit.api.directory.DirectoryStatus;
import dev.supportkit.api.directory.IdentifiedEntry;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.QuietHours;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SupportContract;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.request.Channel;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.NotificationSettings;
import dev.supportkit.core.internal.notify.NotificationChannels;
import dev.supportkit.core.internal.request.ActiveEntries;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.security.AccessPolicy;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.core.internal.sla.SlaClock;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** The directory of customers and staff. Every save validates all fields at once. */
public final class DefaultDirectoryService implements DirectoryService {
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]{4,19}$");
    private static final Set<String> SUPPORTED_LANGUAGES = Set.of("ru", "en");
    private static final int MAX_SKILLS = 50;
    private static final int MAX_SKILL_LENGTH = 100;
    /** Most components of one supported system. */
    static final int MAX_COMPONENTS = 1000;
    /** Most contact points in one recipient's delivery preferences. */
    static final int MAX_CONTACT_POINTS = 20;

    private final UnitOfWork work;
    private final AccessPolicy policy;
    private final SlaClock sla;
    private final NotificationChannels channels;
    private final boolean customerWebhooksPublicOnly;

    /**
     * @param work     the unit of work
     * @param policy   the access policy
     * @param sla      the configured SLA policies and calendars, to check contracts against
     * @param channels the started notification channels, to check contact points against
     * @param settings the engine's settings: which webhook URLs customers may set
     */
    @Inject
    public DefaultDirectoryService(UnitOfWork work, AccessPolicy policy, SlaClock sla,
                                   NotificationChannels channels, EngineSettings settings) {
        this.work = work;
        this.policy = policy;
        this.sla = sla;
        this.channels = channels;
        this.customerWebhooksPublicOnly = settings.notifications().customerWebhooks()
                == NotificationSettings.WebhookTargets.PUBLIC;
    }

    @Override
    public SupportContract saveContract(Actor actor, SupportContract contract) {
        return save(actor, "contract", contract, (tx, errors) -> {
            requireOrganization(tx, actor, errors, "contract.organization", contract.organization());
            errors.requiredText("contract.number", contract.number(), 64);
            if (errors.required("contract.slaPolicy", contract.slaPolicy())
                    && !sla.settings().policies().containsKey(contract.slaPolicy())) {
                errors.add("contract.slaPolicy", "configured", "no SLA policy '" + contract.slaPolicy()
                        + "' is configured (configured: " + String.join(", ", sla.settings().policies().keySet()) + ")");
            }
            if (contract.calendar() != null && sla.calendars().get(contract.calendar()).isEmpty()) {
                errors.add("contract.calendar", "known", "no business calendar '" + contract.calendar()
                        + "' (known: " + String.join(", ", new java.util.TreeSet<>(sla.calendars().ids())) + ")");
            }
        });
    }

    @Override
    public Optional<SupportContract> contract(Actor actor, OrganizationId organization) {
        policy.require(actor, Permission.READ_CUSTOMER_DIRECTORY);
        if (!policy.canSeeOrganization(actor, organization)) {
            return Optional.empty();
        }
        return work.read(tx -> tx.findDirectoryEntry(actor.tenant(), SupportContract.class, organization.value()));
    }

    @Override
    public Organization saveOrganization(Actor actor, Organization organization) {
        return save(actor, "organization", organization, (tx, errors) -> {
            errors.requiredText("organization.name", organization.name(), 200);
            errors.maxLength("organization.taxNumber", organization.taxNumber(), 32);
        });
    }

    @Override
    public Representative saveRepresentative(Actor actor, Representative rep) {
        return save(actor, "representative", rep, (tx, errors) -> {
            requireOrganization(tx, actor, errors, "representative.organization", rep.organization());
            errors.requiredText("representative.fullName", rep.fullName(), 200);
            if (isBlank(rep.email()) && isBlank(rep.phone())) {
                errors.add("representative.email", "contact-point", "an e-mail address or a phone number is required");
            }
            if (!isBlank(rep.email()) && !ContactPoints.isEmail(rep.email())) {
                errors.add("representative.email", "format", "must be an e-mail address like name@example.com, at most "
                        + ContactPoints.MAX_EMAIL + " characters");
            }
            if (!isBlank(rep.phone()) && !PHONE.matcher(rep.phone()).matches()) {
                errors.add("representative.phone", "format", "must be a phone number like +74951234567");
            }
        });
    }

    @Override
    public Site saveSite(Actor actor, Site site) {
        return save(actor, "site", site, (tx, errors) -> {
            requireOrganization(tx, actor, errors, "site.organization", site.organization());
            errors.requiredText("site.name", site.name(), 200);
            errors.requiredText("site.address", site.address(), 500);
        });
    }

    @Override
    public SupportedSystem saveSystem(Actor actor, SupportedSystem system) {
        return save(actor, "system", system, (tx, errors) -> {
            boolean owner = requireOrganization(tx, actor, errors, "system.organization", system.organization());
            errors.requiredText("system.name", system.name(), 200);
            errors.requiredText("system.vendor", system.vendor(), 200);
            errors.requiredText("system.model", system.model(), 200);
            Set<Object> seen = new HashSet<>();
            int components = errors.maxSize("system.components", system.components(), MAX_COMPONENTS)
                    ? system.components().size() : 0;
            // a component id is unique in the tenant: no other system may list it
            Map<ComponentId, SystemId> elsewhere = new HashMap<>();
            if (components > 0) {
                for (SupportedSystem other : tx.listDirectoryEntries(actor.tenant(), SupportedSystem.class,
                        Optional.empty())) {
                    if (!other.id().equals(system.id())) {
                        other.components().forEach(c -> elsewhere.put(c.id(), other.id()));
                    }
                }
            }
            for (int i = 0; i < components; i++) {
                SystemComponent c = system.components().get(i);
                String field = "system.components[" + i + "]";
                boolean id = errors.required(field + ".id", c.id())
                        && errors.characters(field + ".id", c.id().value(), true);
                if (id && !seen.add(c.id())) {
                    errors.add(field + ".id", "unique", "component '" + c.id() + "' is listed twice");
                } else if (id && elsewhere.containsKey(c.id())) {
                    errors.add(field + ".id", "unique", "component '" + c.id() + "' belongs to system '"
                            + elsewhere.get(c.id()) + "'; a component id is unique in the tenant");
                }
                errors.required(field + ".kind", c.kind());
                errors.requiredText(field + ".model", c.model(), 200);
                errors.maxLength(field + ".serialNumber", c.serialNumber(), 100);
                if (errors.required(field + ".site", c.site()) && owner) {
                    Optional<Site> site = tx.findDirectoryEntry(actor.tenant(), Site.class, c.site().value());
                    if (site.isEmpty() || !site.get().organization().equals(system.organization())) {
                        errors.add(field + ".site", "belongs-to-organization",
                                "'" + c.site() + "' is not a site of organization '" + system.organization() + "'");
                    }
                }
            }
        });
    }

    @Override
    public SupportGroup saveGroup(Actor actor, SupportGroup group) {
        return save(actor, "group", group, (tx, errors) -> {
            errors.requiredText("group.name", group.name(), 200);
            errors.required("group.line", group.line());
        });
    }

    @Override
    public Specialist saveSpecialist(Actor actor, Specialist specialist) {
        return save(actor, "specialist", specialist, (tx, errors) -> {
            errors.requiredText("specialist.fullName", specialist.fullName(), 200);
            if (errors.required("specialist.role", specialist.role()) && !specialist.role().isStaff()) {
                errors.add("specialist.role", "staff-role", "must be one of the four staff roles (was "
                        + specialist.role() + ")");
            }
            if (specialist.group() != null && tx.findDirectoryEntry(actor.tenant(), SupportGroup.class,
                    specialist.group().value()).isEmpty()) {
                errors.add("specialist.group", "exists", "no group '" + specialist.group() + "'");
            }
            if (specialist.skills().size() > MAX_SKILLS) {
                errors.add("specialist.skills", "max-size", "at most " + MAX_SKILLS + " skills (was "
                        + specialist.skills().size() + ")");
            }
            int i = 0;
            for (String skill : specialist.skills()) {
                errors.requiredText("specialist.skills[" + i + "]", skill, MAX_SKILL_LENGTH);
                i++;
            }
        });
    }

    @Override
    public DeliveryPreferences savePreferences(Actor actor, DeliveryPreferences preferences) {
        policy.require(actor, Permission.SAVE_PREFERENCES);
        if (preferences == null) {
            new FieldErrors().add("preferences", "required", "is required").throwIfAny();
        }
        requireSelf(actor, preferences.recipient());
        return work.write(tx -> {
            FieldErrors errors = new FieldErrors();
            errors.requiredText("preferences.recipient", preferences.recipient(), 64);
            if (preferences.contactPoints().isEmpty()) {
                errors.add("preferences.contactPoints", "required", "at least one contact point is required");
            }
            int points = errors.maxSize("preferences.contactPoints", preferences.contactPoints(), MAX_CONTACT_POINTS)
                    ? preferences.contactPoints().size() : 0;
            for (int i = 0; i < points; i++) {
                ContactPoint point = preferences.contactPoints().get(i);
                String field = "preferences.contactPoints[" + i + "]";
                int before = errors.size();
                ContactPoints.validate(errors, field, point, channels::delivers);
                if (errors.size() == before && customerWebhooksPublicOnly && point.channel() == Channel.WEBHOOK
                        && actor.role() == Role.CUSTOMER_REPRESENTATIVE) {
                    WebhookAddressPolicy.problem(point.address()).ifPresent(rule ->
                            errors.add(field + ".address", "public-address", rule));
                }
            }
            QuietHours quiet = preferences.quietHours();
            if (quiet != null) {
                errors.required("preferences.quietHours.from", quiet.from());
                errors.required("preferences.quietHours.to", quiet.to());
                errors.required("preferences.quietHours.zone", quiet.zone());
                if (quiet.from() != null && quiet.from().equals(quiet.to())) {
                    errors.add("preferences.quietHours.to", "not-equal-to-from", "must differ from 'from'");
                }
            }
            if (errors.required("preferences.locale", preferences.locale())
                    && !SUPPORTED_LANGUAGES.contains(preferences.locale().getLanguage())) {
                errors.add("preferences.locale", "supported-language", "must be Russian (ru) or English (en), was '"
                        + preferences.locale() + "'");
            }
            errors.throwIfAny();
            tx.saveDirectoryEntry(actor.tenant(), preferences);
            return preferences;
        });
    }

    @Override
    public Optional<DeliveryPreferences> preferences(Actor actor, String recipient) {
        policy.require(actor, Permission.READ_PREFERENCES);
        requireSelf(actor, recipient);
        return work.read(tx -> tx.findDirectoryEntry(actor.tenant(), DeliveryPreferences.class, recipient));
    }

    /** A customer representative manages only their own preferences. */
    private static void requireSelf(Actor actor, String recipient) {
        if (actor.role() == Role.CUSTOMER_REPRESENTATIVE && !actor.id().equals(recipient)) {
            throw new AccessDeniedException("A customer representative may manage only their own delivery preferences"
                    + " (actor '" + actor.id() + "')");
        }
    }

    @Override
    public Organization organization(Actor actor, OrganizationId id) {
        policy.require(actor, Permission.READ_CUSTOMER_DIRECTORY);
        if (!policy.canSeeOrganization(actor, id)) {
            throw new NotFoundException("organization", id);
        }
        return work.read(tx -> tx.findDirectoryEntry(actor.tenant(), Organization.class, id.value()))
                .orElseThrow(() -> new NotFoundException("organization", id));
    }

    @Override
    public List<Representative> representatives(Actor actor, OrganizationId organization) {
        return ofOrganization(actor, Representative.class, organization);
    }

    @Override
    public List<SupportedSystem> systems(Actor actor, OrganizationId organization) {
        return ofOrganization(actor, SupportedSystem.class, organization);
    }

    @Override
    public List<Site> sites(Actor actor, OrganizationId organization) {
        return ofOrganization(actor, Site.class, organization);
    }

    @Override
    public List<Specialist> specialists(Actor actor) {
        return staffEntries(actor, Specialist.class);
    }

    @Override
    public List<SupportGroup> groups(Actor actor) {
        return staffEntries(actor, SupportGroup.class);
    }

    @Override
    public Department saveDepartment(Actor actor, Department department) {
        return save(actor, "department", department, (tx, errors) -> {
            errors.requiredText("department.name", department.name(), 200);
            errors.requiredText("department.kind", department.kind(), 64);
            if (department.people().isEmpty()) {
                errors.add("department.people", "required", "name at least one person who agrees for it");
            }
            for (SpecialistId person : department.people()) {
                if (tx.findDirectoryEntry(actor.tenant(), Specialist.class, person.value()).isEmpty()) {
                    errors.add("department.people", "exists", "no specialist '" + person + "'");
                }
            }
        });
    }

    @Override
    public List<Department> departments(Actor actor) {
        return staffEntries(actor, Department.class);
    }

    @Override
    public <T extends DirectoryEntry> DirectoryPage<T> page(Actor actor, DirectoryQuery<T> query) {
        boolean staffDirectory = query.type() == Specialist.class || query.type() == SupportGroup.class;
        policy.require(actor, staffDirectory ? Permission.READ_STAFF_DIRECTORY : Permission.READ_CUSTOMER_DIRECTORY);
        FieldErrors input = new FieldErrors();
        if (query.limit() < 1 || query.limit() > DirectoryQuery.MAX_LIMIT) {
            input.add("query.limit", "range", "must be 1 to " + DirectoryQuery.MAX_LIMIT + " (was " + query.limit()
                    + ")");
        }
        query.after().ifPresent(after -> input.maxLength("query.after", after, 64));
        input.throwIfAny();
        if (query.organization().isPresent() && !policy.canSeeOrganization(actor, query.organization().get())) {
            return new DirectoryPage<>(List.of(), Optional.empty());
        }
        boolean ownOrganizationOnly = query.type() == Organization.class
                && actor.role() == Role.CUSTOMER_REPRESENTATIVE;
        return work.read(tx -> {
            List<T> found = new ArrayList<>();
            Optional<String> after = query.after();
            // one more than the page, to know whether a next page exists; deactivated entries are skipped
            while (found.size() <= query.limit()) {
                int wanted = query.limit() + 1 - found.size();
                List<T> batch = ownOrganizationOnly
                        ? ownOrganization(tx, actor, query, after)
                        : tx.listDirectoryEntries(actor.tenant(), query.type(), query.organization(), after, wanted);
                for (T entry : batch) {
                    boolean skipped = query.activeOnly() && query.kind().isPresent()
                            && ActiveEntries.inactive(tx, actor.tenant(), query.kind().get(), entry.entryId());
                    if (!skipped && found.size() <= query.limit()) {
                        found.add(entry);
                    }
                }
                if (batch.size() < wanted || ownOrganizationOnly) {
                    break;
                }
                after = Optional.of(batch.get(batch.size() - 1).entryId());
            }
            if (found.size() <= query.limit()) {
                return new DirectoryPage<>(found, Optional.empty());
            }
            List<T> page = found.subList(0, query.limit());
            return new DirectoryPage<>(page, Optional.of(page.get(page.size() - 1).entryId()));
        });
    }

    /** A customer's page of organisations: their own one, when it comes after the query's start. */
    private static <T extends DirectoryEntry> List<T> ownOrganization(StorageTransaction tx, Actor actor,
                                                                      DirectoryQuery<T> query, Optional<String> after) {
        String own = actor.organization().orElseThrow().value();
        if (after.isPresent() && own.compareTo(after.get()) <= 0) {
            return List.of();
        }
        return tx.findDirectoryEntry(actor.tenant(), query.type(), own).map(List::of).orElse(List.of());
    }

    private <T extends DirectoryEntry> List<T> ofOrganization(Actor actor, Class<T> type, OrganizationId organization) {
        policy.require(actor, Permission.READ_CUSTOMER_DIRECTORY);
        if (!policy.canSeeOrganization(actor, organization)) {
            return List.of();
        }
        return work.read(tx -> tx.listDirectoryEntries(actor.tenant(), type, Optional.of(organization)));
    }

    /** The staff directory's entries of one type, active or not. */
    private <T extends DirectoryEntry> List<T> staffEntries(Actor actor, Class<T> type) {
        policy.require(actor, Permission.READ_STAFF_DIRECTORY);
        return work.read(tx -> tx.listDirectoryEntries(actor.tenant(), type, Optional.empty()));
    }

    /** Saves an entry that meets its rules; an identified entry's id is required, as a single-line text. */
    private <T extends DirectoryEntry> T save(Actor actor, String kind, T entry,
                                              BiConsumer<StorageTransaction, FieldErrors> rules) {
        policy.require(actor, Permission.MANAGE_DIRECTORY);
        if (entry == null) {
            new FieldErrors().add(kind, "required", "is required").throwIfAny();
        }
        return work.write(tx -> {
            FieldErrors errors = new FieldErrors();
            if (entry instanceof IdentifiedEntry identified && errors.required(kind + ".id", identified.id())) {
                // an id is a single-line text every store keeps as given
                errors.characters(kind + ".id", identified.id().value(), true);
            }
            rules.accept(tx, errors);
            errors.throwIfAny();
            tx.saveDirectoryEntry(actor.tenant(), entry);
            return entry;
        });
    }

    private static boolean requireOrganization(StorageTransaction tx, Actor actor, FieldErrors errors, String field,
                                               OrganizationId organization) {
        if (!errors.required(field, organization)) {
            return false;
        }
        if (tx.findDirectoryEntry(actor.tenant(), Organization.class, organization.value()).isEmpty()) {
            errors.add(field, "exists", "no organization '" + organization + "' in the directory");
            return false;
        }
        return true;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public DirectoryStatus deactivate(Actor actor, DirectoryKind kind, String id, String reason) {
        return changeStatus(actor, kind, id, reason, false);
    }

    @Override
    public DirectoryStatus reactivate(Actor actor, DirectoryKind kind, String id, String reason) {
        return changeStatus(actor, kind, id, reason, true);
    }

    private DirectoryStatus changeStatus(Actor actor, DirectoryKind kind, String id, String reason, boolean active) {
        policy.require(actor, Permission.MANAGE_DIRECTORY);
        FieldErrors input = new FieldErrors();
        input.required("directory.kind", kind);
        input.requiredText("directory.id", id, 64);
        input.requiredText("directory.reason", reason, 1000);
        input.throwIfAny();
        return work.write(tx -> {
            if (tx.findDirectoryEntry(actor.tenant(), kind.type(), id).isEmpty()) {
                new FieldErrors().add("directory.id", "exists", "no " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " '" + id + "' in the directory").throwIfAny();
            }
            DirectoryStatus status = new DirectoryStatus(kind, id, active, reason, work.now(), actor.id());
            tx.saveDirectoryEntry(actor.tenant(), status);
            return status;
        });
    }

    @Override
    public boolean active(Actor actor, DirectoryKind kind, String id) {
        policy.require(actor, Permission.READ_STAFF_DIRECTORY);
        return work.read(tx -> !ActiveEntries.inactive(tx, actor.tenant(), kind, id));
    }
}
