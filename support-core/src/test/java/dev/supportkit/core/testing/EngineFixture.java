package dev.supportkit.core.testing;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.work.Note;
import dev.supportkit.core.SupportEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One tenant with a customer organisation (two representatives, a site, a system with a component),
 * a second organisation, support groups and a specialist for every staff role; and helpers that drive
 * a request into any status through the public API.
 */
public final class EngineFixture implements AutoCloseable {
    /** The fixture's start time. */
    public static final Instant START = Instant.parse("2026-03-12T06:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final SupportEngine engine;
    public final TenantId tenant;
    public final OrganizationId org = OrganizationId.of("org-romashka");
    public final OrganizationId otherOrg = OrganizationId.of("org-vasilek");
    public final RepresentativeId rep = RepresentativeId.of("rep-irina");
    public final RepresentativeId otherOrgRep = RepresentativeId.of("rep-oleg");
    public final SiteId site = SiteId.of("site-hq");
    public final SiteId otherSite = SiteId.of("site-vasilek");
    public final SystemId system = SystemId.of("sys-pbx");
    public final ComponentId psu = ComponentId.of("cmp-psu");
    public final GroupId telephony = GroupId.of("grp-telephony");
    public final GroupId intakeGroup = GroupId.of("grp-intake");

    public final Actor admin;
    public final Actor operator;
    public final Actor intakeLead;
    public final Actor engineer;
    public final Actor groupLead;
    public final Actor auditor;
    public final Actor customer;
    public final Actor otherCustomer;

    /** Builds an engine on in-memory storage for tenant {@code acme}. */
    public EngineFixture() {
        this(TenantId.of("acme"));
    }

    /** @param tenant the tenant to set up */
    public EngineFixture(TenantId tenant) {
        this(tenant, null);
    }

    /**
     * Builds an engine on in-memory storage for tenant {@code acme} with further configuration.
     *
     * @param settings configuration keys and values added to the fixture's own
     */
    public EngineFixture(Map<String, String> settings) {
        this(TenantId.of("acme"), null, settings);
    }

    /**
     * Builds an engine on in-memory storage for tenant {@code acme} with further configuration and builder
     * settings (notification channels, storage).
     *
     * @param settings  configuration keys and values added to the fixture's own
     * @param customize applied to the builder last
     */
    public EngineFixture(Map<String, String> settings, Consumer<SupportEngine.Builder> customize) {
        this(TenantId.of("acme"), null, settings, customize);
    }

    /**
     * @param tenant the tenant
     * @param engine an engine to use (shared storage), or null to build one
     */
    public EngineFixture(TenantId tenant, SupportEngine engine) {
        this(tenant, engine, Map.of());
    }

    /**
     * @param tenant   the tenant
     * @param engine   an engine to use (shared storage), or null to build one
     * @param settings configuration added to the fixture's own when it builds the engine
     */
    public EngineFixture(TenantId tenant, SupportEngine engine, Map<String, String> settings) {
        this(tenant, engine, settings, builder -> { });
    }

    /**
     * @param tenant    the tenant
     * @param engine    an engine to use (shared storage), or null to build one
     * @param settings  configuration added to the fixture's own when it builds the engine
     * @param customize applied to the builder last when the fixture builds the engine
     */
    public EngineFixture(TenantId tenant, SupportEngine engine, Map<String, String> settings,
                         Consumer<SupportEngine.Builder> customize) {
        this.tenant = tenant;
        if (engine != null) {
            this.engine = engine;
        } else {
            SupportEngine.Builder builder = SupportEngine.builder().clock(clock).environment(Map.of())
                    .set("supportkit.jobs.poll-interval-ms", "0")
                    .set("supportkit.sla.policies.standard.calendar", "24x7")
                    .set("supportkit.sla.policies.standard.normal.resolution", "8h");
            settings.forEach(builder::set);
            customize.accept(builder);
            this.engine = builder.build();
        }
        admin = Actor.staff("adm-1", "Admin", Role.ADMINISTRATOR, tenant);
        operator = Actor.staff("spc-anna", "Anna Operator", Role.FIRST_LINE_OPERATOR, tenant);
        intakeLead = Actor.staff("spc-boris", "Boris Lead", Role.INTAKE_LEAD, tenant);
        engineer = Actor.staff("spc-viktor", "Viktor Engineer", Role.SECOND_LINE_ENGINEER, tenant);
        groupLead = Actor.staff("spc-galina", "Galina Group Lead", Role.GROUP_LEAD, tenant);
        auditor = Actor.staff("aud-1", "Auditor", Role.AUDITOR, tenant);
        customer = Actor.customer(rep.value(), "Irina Petrova", tenant, org);
        otherCustomer = Actor.customer(otherOrgRep.value(), "Oleg Sidorov", tenant, otherOrg);
        seedDirectory();
    }

    private void seedDirectory() {
        var dir = engine.directory();
        dir.saveOrganization(admin, new Organization(org, "Romashka LLC", "7701234567"));
        dir.saveOrganization(admin, new Organization(otherOrg, "Vasilek JSC", null));
        dir.saveRepresentative(admin, new Representative(rep, org, "Irina Petrova", "irina@romashka.example", null, false));
        dir.saveRepresentative(admin, new Representative(otherOrgRep, otherOrg, "Oleg Sidorov", null, "+74950000000", false));
        dir.saveSite(admin, new Site(site, org, "Head office", "Moscow, Tverskaya 1"));
        dir.saveSite(admin, new Site(otherSite, otherOrg, "Plant", "Tula, Lenina 5"));
        dir.saveSystem(admin, new SupportedSystem(system, org, "Office PBX", "Nordtel", "NT-PBX 300", true,
                List.of(new SystemComponent(psu, ComponentKind.HARDWARE, "PSU-300", "SN-001", site))));
        dir.saveGroup(admin, new SupportGroup(telephony, "Telephony, second line", SupportLine.SECOND_LINE));
        dir.saveGroup(admin, new SupportGroup(intakeGroup, "Intake", SupportLine.INTAKE_LEAD));
        dir.saveSpecialist(admin, new Specialist(SpecialistId.of("spc-anna"), "Anna Operator",
                Role.FIRST_LINE_OPERATOR, null));
        dir.saveSpecialist(admin, new Specialist(SpecialistId.of("spc-boris"), "Boris Lead", Role.INTAKE_LEAD,
                intakeGroup));
        dir.saveSpecialist(admin, new Specialist(SpecialistId.of("spc-viktor"), "Viktor Engineer",
                Role.SECOND_LINE_ENGINEER, telephony));
        dir.saveSpecialist(admin, new Specialist(SpecialistId.of("spc-galina"), "Galina Group Lead", Role.GROUP_LEAD,
                telephony));
    }

    /** @return a valid phone contact draft builder for the fixture's customer */
    public ContactDraft.Builder draft() {
        return ContactDraft.builder().organization(org).representative(rep).system(system).channel(Channel.PHONE)
                .subject("PBX does not answer").text("Since 9:00 no incoming calls reach the office.");
    }

    /**
     * A freshly registered request: always a new one ({@code newRequest(true)}), even though the customer has
     * open requests about the same system, which a contact would otherwise be attached to.
     *
     * @return the request
     */
    public Request registered() {
        return registered(draft());
    }

    /**
     * A freshly registered request from a draft, always a new one ({@code newRequest(true)}).
     *
     * @param draft the draft
     * @return the request
     */
    public Request registered(ContactDraft.Builder draft) {
        clock.advance(Duration.ofMinutes(1));
        return engine.intake().registerContact(operator, draft.newRequest(true).build());
    }

    /**
     * A freshly registered request with notes added, each a journal entry (and an event).
     *
     * @param notes how many notes to add
     * @return the request as stored after the last note
     */
    public Request registeredWithNotes(int notes) {
        Request request = registered();
        for (int note = 0; note < notes; note++) {
            request = engine.work().addNote(operator, request.ref(), Note.of("Checked line " + note));
        }
        return request;
    }

    /** Runs due work until a pass finds nothing to do (events relayed, messages sent). */
    public void runDueWorkUntilIdle() {
        while (!engine.runDueWork().idle()) {
            // the next pass
        }
    }

    /**
     * @param request a request
     * @return the event ids of its journal entries, in journal order ({@code tenant:request:sequence})
     */
    public List<String> eventIds(Request request) {
        return engine.journal().entries(auditor, request.id()).stream()
                .map(entry -> tenant.value() + ":" + request.id().value() + ":" + entry.sequence()).toList();
    }

    /**
     * Drives a new request into a status along the shortest legal path. For the working statuses and
     * the ones after them, {@code line} chooses where the request is handled.
     *
     * @param status the status wanted
     * @param line   FIRST_LINE, INTAKE_LEAD or SECOND_LINE
     * @return the request in that status
     */
    public Request requestIn(RequestStatus status, SupportLine line) {
        return requestIn(status, line, draft());
    }

    /**
     * Drives a new request registered from a draft into a status, as {@link #requestIn(RequestStatus,
     * SupportLine)} does.
     *
     * @param status the status wanted
     * @param line   FIRST_LINE, INTAKE_LEAD or SECOND_LINE
     * @param draft  the first contact
     * @return the request in that status
     */
    public Request requestIn(RequestStatus status, SupportLine line, ContactDraft.Builder draft) {
        Request r = registered(draft);
        if (status == RequestStatus.REGISTERED) {
            return r;
        }
        r = engine.intake().takeIntoWork(operator, r.ref());
        if (line == SupportLine.INTAKE_LEAD) {
            r = engine.escalation().redirect(operator, r.ref(), RedirectTarget.intakeLead(), "non-typical");
        } else if (line == SupportLine.SECOND_LINE) {
            r = engine.escalation().redirect(operator, r.ref(), RedirectTarget.secondLine(telephony), "hardware");
        }
        Actor worker = workerOf(line);
        switch (status) {
            case IN_PROGRESS_FIRST_LINE, AT_INTAKE_LEAD, AT_SECOND_LINE -> {
                return r;
            }
            case WAITING_FOR_CUSTOMER -> {
                return engine.resolution().requestClarification(worker, r.ref(), "Which extension?");
            }
            default -> { }
        }
        r = engine.resolution().resolve(worker, r.ref(), ResolutionReport.of("Restarted the trunk", "Trunk hung"));
        if (status == RequestStatus.RESOLVED) {
            return r;
        }
        r = engine.resolution().signOff(customer, r.ref(), "Works now");
        if (status == RequestStatus.SIGNED_OFF) {
            return r;
        }
        return engine.quality().close(intakeLead, r.ref(), "done");
    }

    /**
     * @param role a role
     * @return the fixture's actor in that role
     */
    public Actor actor(Role role) {
        return switch (role) {
            case FIRST_LINE_OPERATOR -> operator;
            case INTAKE_LEAD -> intakeLead;
            case SECOND_LINE_ENGINEER -> engineer;
            case GROUP_LEAD -> groupLead;
            case CUSTOMER_REPRESENTATIVE -> customer;
            case AUDITOR -> auditor;
            case ADMINISTRATOR -> admin;
            case SYSTEM -> Actor.system(tenant);
        };
    }

    /**
     * @param line a line
     * @return the fixture's actor who works that line
     */
    public Actor workerOf(SupportLine line) {
        return switch (line) {
            case FIRST_LINE -> operator;
            case INTAKE_LEAD -> intakeLead;
            default -> engineer;
        };
    }

    @Override
    public void close() {
        engine.close();
    }
}
