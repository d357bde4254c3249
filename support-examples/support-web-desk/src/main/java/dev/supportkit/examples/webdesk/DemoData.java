package dev.supportkit.examples.webdesk;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.SupportServices;
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
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Priority;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo data written on the first start (when the directory does not know the demo customer yet): two
 * customer organisations with a representative and a system each, the telephony group and the staff of the
 * demo users file, the PBX questionnaire, three FAQ entries, and two open requests. Everything goes through
 * the public API, as an embedder's own set-up or CRM sync would.
 */
public final class DemoData {
    /** The demo customer. */
    public static final OrganizationId ROMASHKA = OrganizationId.of("romashka");
    /** The other demo customer, whose requests Romashka's people never see. */
    public static final OrganizationId VASILEK = OrganizationId.of("vasilek");
    /** The second-line group. */
    public static final GroupId TELEPHONY = GroupId.of("telephony");
    /** Romashka's PBX. */
    public static final SystemId PBX = SystemId.of("romashka-pbx");
    /** Vasilek's router. */
    public static final SystemId ROUTER = SystemId.of("vasilek-router");

    private DemoData() {
    }

    /**
     * Fills the directory unless the demo customer is already there.
     *
     * @param engine the engine
     * @param tenant the tenant of the users file
     * @return whether anything was written
     */
    public static boolean seedIfEmpty(SupportServices engine, TenantId tenant) {
        Actor admin = Actor.staff("desk-setup", "Web desk set-up", Role.ADMINISTRATOR, tenant);
        try {
            engine.directory().organization(admin, ROMASHKA);
            return false;
        } catch (NotFoundException firstStart) {
            seed(engine, tenant, admin);
            return true;
        }
    }

    private static void seed(SupportServices engine, TenantId tenant, Actor admin) {
        var directory = engine.directory();
        directory.saveOrganization(admin, new Organization(ROMASHKA, "ООО «Ромашка»", "7701234567"));
        directory.saveOrganization(admin, new Organization(VASILEK, "Vasilek Ltd", "7707654321"));
        directory.saveRepresentative(admin, new Representative(RepresentativeId.of("irina"), ROMASHKA,
                "Irina Petrova", "irina.petrova@romashka.example", "+74951234567", true));
        directory.saveRepresentative(admin, new Representative(RepresentativeId.of("oleg"), VASILEK,
                "Oleg Sidorov", "oleg.sidorov@vasilek.example", "+74957654321", true));
        SiteId office = SiteId.of("romashka-office");
        directory.saveSite(admin, new Site(office, ROMASHKA, "Head office", "Moscow, Tverskaya st. 1"));
        SiteId vasilekOffice = SiteId.of("vasilek-office");
        directory.saveSite(admin, new Site(vasilekOffice, VASILEK, "Office", "Kazan, Baumana st. 5"));
        directory.saveSystem(admin, new SupportedSystem(PBX, ROMASHKA, "Office PBX", "Nordtel", "NT-PBX 300", true,
                List.of(new SystemComponent(ComponentId.of("pbx-psu"), ComponentKind.HARDWARE, "NT-PSU 300W",
                        "PSU-2291", office))));
        directory.saveSystem(admin, new SupportedSystem(ROUTER, VASILEK, "Edge router", "Nordtel", "NT-R 10", false,
                List.of(new SystemComponent(ComponentId.of("router-box"), ComponentKind.HARDWARE, "NT-R 10",
                        "R-0042", vasilekOffice))));
        directory.saveGroup(admin, new SupportGroup(TELEPHONY, "Telephony, second line", SupportLine.SECOND_LINE));
        directory.saveSpecialist(admin, new Specialist(SpecialistId.of("anna"), "Anna Smirnova",
                Role.FIRST_LINE_OPERATOR, null));
        directory.saveSpecialist(admin, new Specialist(SpecialistId.of("boris"), "Boris Kuznetsov",
                Role.INTAKE_LEAD, null));
        directory.saveSpecialist(admin, new Specialist(SpecialistId.of("viktor"), "Viktor Orlov",
                Role.SECOND_LINE_ENGINEER, TELEPHONY));
        directory.saveSpecialist(admin, new Specialist(SpecialistId.of("galina"), "Galina Volkova",
                Role.GROUP_LEAD, TELEPHONY));

        engine.intake().defineQuestionnaire(admin, new Questionnaire(QuestionnaireId.of("pbx"), 1,
                "PBX problem", Optional.of("NT-PBX 300"), Optional.empty(), "Irina Petrova", LocalDate.of(2026, 3, 1),
                List.of(Question.choice("scope", "What is affected?", QuestionType.SINGLE_CHOICE, true,
                                List.of("whole office", "some phones", "one phone")),
                        Question.of("since", "Since when?", QuestionType.TEXT, true))));

        Actor boris = Actor.staff("boris", "Boris Kuznetsov", Role.INTAKE_LEAD, tenant);
        var knowledge = engine.knowledge();
        knowledge.saveFaqEntry(boris, FaqId.of("faq-forwarding"), 0, "How do I forward calls to my mobile?",
                "Dial *21*, your mobile number and # from the desk phone; #21# cancels it.", Set.of("NT-PBX 300"));
        knowledge.saveFaqEntry(boris, FaqId.of("faq-restart"), 0, "The PBX does not answer: what first?",
                "Restart it from the front panel and wait two minutes; if the PSU LED blinks red, call us.",
                Set.of("NT-PBX 300"));
        knowledge.saveFaqEntry(boris, FaqId.of("faq-voicemail"), 0, "Как сменить PIN голосовой почты?",
                "Наберите *98, затем 2 и следуйте подсказкам.", Set.of());

        Actor anna = Actor.staff("anna", "Anna Smirnova", Role.FIRST_LINE_OPERATOR, tenant);
        engine.intake().registerContact(anna, ContactDraft.builder().organization(VASILEK)
                .representative(RepresentativeId.of("oleg")).system(ROUTER).channel(Channel.PHONE).priority(Priority.NORMAL)
                .subject("Internet drops every evening").text("The router loses the uplink around 19:00 each day.")
                .build());
        engine.intake().registerContact(anna, ContactDraft.builder().organization(ROMASHKA)
                .representative(RepresentativeId.of("irina")).channel(Channel.EMAIL).priority(Priority.LOW)
                .subject("New employee needs a phone extension").text("Please add extension 214 for Maria Ivanova.")
                .build());
    }
}
