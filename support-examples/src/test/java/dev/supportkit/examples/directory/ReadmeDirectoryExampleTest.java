package dev.supportkit.examples.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.DirectoryService;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportContract;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.SupportEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's directory example, as written there, fills the directory so that the first contact registers,
 * and its actors act with the directory's ids.
 */
class ReadmeDirectoryExampleTest {
    private static final String HEADING = "### Before the first contact: fill the directory";
    private static final String BEGIN = "// README example begins";
    private static final String END = "// README example ends";

    @Test
    @DisplayName("the README shows exactly the directory example this test runs")
    void readmeShowsThisExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf(HEADING));
        int open = section.indexOf("```java\n") + "```java\n".length();
        String shown = section.substring(open, section.indexOf("```\n", open));

        String source = Files.readString(Path.of("src", "test", "java", "dev", "supportkit", "examples", "directory",
                "ReadmeDirectoryExampleTest.java"));
        int begin = source.indexOf("        " + BEGIN + "\n") + 8 + BEGIN.length();
        String body = source.substring(begin, source.indexOf("        " + END + "\n", begin));
        String run = body.lines().skip(1).map(line -> line.length() >= 12 ? line.substring(12) : line.strip())
                .collect(Collectors.joining("\n")).stripTrailing() + "\n";
        assertEquals(run, shown, "the README's example differs from the one this test runs");
    }

    @Test
    @DisplayName("after the example, a contact from the representative registers and the specialist takes it by id")
    void firstContactAfterTheExample() {
        try (SupportEngine engine = SupportEngine.builder().environment(java.util.Map.of())
                .set("supportkit.sla.policies.standard.calendar", "24x7")
                .set("supportkit.sla.policies.standard.normal.resolution", "16h")
                .build()) {
            ContactDraft contact = ContactDraft.builder().organization(OrganizationId.of("romashka"))
                    .representative(RepresentativeId.of("irina")).system(SystemId.of("romashka-pbx"))
                    .channel(Channel.PHONE).subject("No incoming calls").text("Callers hear a busy tone").build();
            Actor operator = Actor.staff("anna", "Anna Smirnova", Role.FIRST_LINE_OPERATOR, TenantId.of("my-service"));
            assertThrows(ValidationException.class, () -> engine.intake().registerContact(operator, contact),
                    "a contact from an unknown organisation");

            Actors actors = example(engine);

            Request request = engine.intake().registerContact(actors.anna(), contact);
            request = engine.intake().takeIntoWork(actors.anna(), request.ref());
            assertEquals(Optional.of(SpecialistId.of("anna")), request.assignee());
            assertEquals(RepresentativeId.of("irina"), request.representative());
            assertEquals(request.id(), engine.quality().request(actors.irina(), request.id()).id(),
                    "the representative sees her organisation's request");
            Actor stranger = Actor.customer("oleg", "Oleg", TenantId.of("my-service"), OrganizationId.of("other"));
            Request registered = request;
            assertThrows(NotFoundException.class, () -> engine.quality().request(stranger, registered.id()));
            assertTrue(engine.directory().contract(actors.anna(), OrganizationId.of("romashka")).isPresent());
        }
    }

    /** The actors the example ends with. */
    private record Actors(Actor irina, Actor anna) {
    }

    private static Actors example(SupportEngine engine) {
        // README example begins
            TenantId tenant = TenantId.of("my-service");
            Actor admin = Actor.staff("admin", "Service administrator", Role.ADMINISTRATOR, tenant);
            DirectoryService directory = engine.directory();

            // The customer: the organisation, who may contact support, where its systems stand, what they are.
            OrganizationId romashka = OrganizationId.of("romashka");
            directory.saveOrganization(admin, new Organization(romashka, "Romashka LLC", "7701234567"));
            directory.saveRepresentative(admin, new Representative(RepresentativeId.of("irina"), romashka,
                    "Irina Petrova", "irina.petrova@romashka.example", "+74951234567", false));
            SiteId office = SiteId.of("romashka-office");
            directory.saveSite(admin, new Site(office, romashka, "Head office", "Moscow, Tverskaya st. 1"));
            directory.saveSystem(admin, new SupportedSystem(SystemId.of("romashka-pbx"), romashka, "Office PBX",
                    "Nordtel", "NT-PBX 300", true, List.of(new SystemComponent(ComponentId.of("pbx-psu"),
                            ComponentKind.HARDWARE, "NT-PSU 300W", "PSU-2291", office))));
            directory.saveContract(admin, new SupportContract(romashka, "SUP-2026/17", "standard", null));

            // Your staff: a second-line group and the specialists (skills: the system models they know best).
            GroupId telephony = GroupId.of("telephony");
            directory.saveGroup(admin, new SupportGroup(telephony, "Telephony, second line", SupportLine.SECOND_LINE));
            directory.saveSpecialist(admin, new Specialist(SpecialistId.of("anna"), "Anna Smirnova",
                    Role.FIRST_LINE_OPERATOR, null));
            directory.saveSpecialist(admin, new Specialist(SpecialistId.of("viktor"), "Viktor Orlov",
                    Role.SECOND_LINE_ENGINEER, telephony, Set.of("NT-PBX 300")));

            // The people act with the same ids.
            Actor irina = Actor.customer("irina", "Irina Petrova", tenant, romashka);
            Actor anna = Actor.staff("anna", "Anna Smirnova", Role.FIRST_LINE_OPERATOR, tenant);
        // README example ends
        return new Actors(irina, anna);
    }
}
