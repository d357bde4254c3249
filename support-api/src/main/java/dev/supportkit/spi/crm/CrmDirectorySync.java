package dev.supportkit.spi.crm;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.DirectoryService;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports a CRM's companies and contacts into SupportKit's directory through the public
 * {@link DirectoryService} (so the directory's rules and audit apply), on demand. An imported organisation's id
 * is {@code crm-<adapter>-co-<CRM company id>} and a representative's {@code crm-<adapter>-ct-<CRM contact id>},
 * so importing again updates the same entries instead of adding new ones.
 *
 * <pre>{@code
 * CrmAdapter hubspot = engine.crmAdapter("hubspot").orElseThrow();
 * CrmDirectorySync.Result result = CrmDirectorySync.sync(hubspot, "hubspot", engine.directory(), admin);
 * // at intake: recognise a caller and register the request for the imported representative
 * Optional<RepresentativeId> rep = hubspot.findCaller(tenant, "+7 495 123-45-67")
 *         .flatMap(party -> CrmDirectorySync.importParty(engine.directory(), admin, "hubspot", party));
 * }</pre>
 */
public final class CrmDirectorySync {
    /** The most pages one sync reads, a guard against a CRM whose cursor never ends. */
    public static final int MAX_PAGES = 10_000;

    private CrmDirectorySync() {
    }

    /**
     * What a sync did.
     *
     * @param organizations organisations created or updated
     * @param representatives representatives created or updated
     * @param skipped contacts without a company, a name or a phone number or e-mail address
     */
    public record Result(int organizations, int representatives, int skipped) {
    }

    /**
     * Reads every page of the CRM's directory and saves its companies and contacts.
     *
     * @param adapter   the CRM adapter
     * @param adapterId the adapter's provider id, part of the imported ids
     * @param directory the directory to save into
     * @param actor     who imports (an administrator)
     * @return what was imported
     */
    public static Result sync(CrmAdapter adapter, String adapterId, DirectoryService directory, Actor actor) {
        Objects.requireNonNull(adapter, "adapter");
        int organizations = 0;
        int representatives = 0;
        int skipped = 0;
        java.util.Set<String> companiesSaved = new java.util.HashSet<>();
        Optional<String> cursor = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            CrmDirectoryPage current = adapter.directoryPage(actor.tenant(), cursor);
            for (CrmParty party : current.parties()) {
                if (party.crmCompanyId().isPresent() && companiesSaved.add(party.crmCompanyId().get())) {
                    saveOrganization(directory, actor, adapterId, party);
                    organizations++;
                }
                if (party.crmContactId().isPresent()) {
                    if (saveRepresentative(directory, actor, adapterId, party).isPresent()) {
                        representatives++;
                    } else {
                        skipped++;
                    }
                }
            }
            cursor = current.next();
            if (cursor.isEmpty()) {
                break;
            }
        }
        return new Result(organizations, representatives, skipped);
    }

    /**
     * Saves one CRM party (as {@link CrmAdapter#findCaller} returns it): its company as an organisation and its
     * contact as a representative of it.
     *
     * @param directory the directory
     * @param actor     who imports
     * @param adapterId the adapter's provider id
     * @param party     the party, with its CRM ids
     * @return the representative's id, when the party has a contact with a company, a name and a contact point
     */
    public static Optional<RepresentativeId> importParty(DirectoryService directory, Actor actor, String adapterId,
                                                         CrmParty party) {
        if (party.crmCompanyId().isEmpty()) {
            return Optional.empty();
        }
        saveOrganization(directory, actor, adapterId, party);
        return saveRepresentative(directory, actor, adapterId, party);
    }

    /**
     * Saves one CRM party's contact as a representative of an organisation the directory already has (e.g. the one
     * with the company's INN), leaving that organisation as it is.
     *
     * @param directory    the directory
     * @param actor        who imports
     * @param adapterId    the adapter's provider id
     * @param party        the party, with its CRM ids
     * @param organization the directory's organisation the contact represents
     * @return the representative's id, when the party has a contact with a name and a contact point
     */
    public static Optional<RepresentativeId> importContact(DirectoryService directory, Actor actor, String adapterId,
                                                           CrmParty party, OrganizationId organization) {
        Objects.requireNonNull(organization, "organization");
        if (party.crmContactId().isEmpty() || party.contactName().isEmpty()
                || party.phone().isEmpty() && party.email().isEmpty()) {
            return Optional.empty();
        }
        RepresentativeId id = representativeId(adapterId, party.crmContactId().get());
        directory.saveRepresentative(actor, Representative.builder().id(id).organization(organization)
                .fullName(party.contactName().get()).email(party.email().orElse(null))
                .phone(party.phone().map(CrmDirectorySync::normalizePhone).orElse(null)).build());
        return Optional.of(id);
    }

    /**
     * @param adapterId    the adapter's provider id
     * @param crmCompanyId the company's CRM id
     * @return the id an imported company gets
     */
    public static OrganizationId organizationId(String adapterId, String crmCompanyId) {
        return OrganizationId.of("crm-" + adapterId + "-co-" + crmCompanyId);
    }

    /**
     * @param adapterId    the adapter's provider id
     * @param crmContactId the contact's CRM id
     * @return the id an imported contact gets
     */
    public static RepresentativeId representativeId(String adapterId, String crmContactId) {
        return RepresentativeId.of("crm-" + adapterId + "-ct-" + crmContactId);
    }

    /**
     * A phone number as the directory accepts it: a leading {@code +} and the digits, other characters dropped.
     *
     * @param phone the number as a CRM holds it, e.g. {@code +7 (495) 123-45-67}
     * @return the number, e.g. {@code +74951234567}
     */
    public static String normalizePhone(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return phone.strip().startsWith("+") ? "+" + digits : digits;
    }

    private static void saveOrganization(DirectoryService directory, Actor actor, String adapterId, CrmParty party) {
        String crmId = party.crmCompanyId().orElseThrow();
        directory.saveOrganization(actor, new Organization(organizationId(adapterId, crmId),
                party.companyName().orElse("CRM company " + crmId), party.taxNumber().orElse(null)));
    }

    private static Optional<RepresentativeId> saveRepresentative(DirectoryService directory, Actor actor,
                                                                 String adapterId, CrmParty party) {
        if (party.crmCompanyId().isEmpty()) {
            return Optional.empty();
        }
        return importContact(directory, actor, adapterId, party, organizationId(adapterId,
                party.crmCompanyId().get()));
    }
}
