package dev.supportkit.crm.hubspot;

import dev.supportkit.crm.common.testing.CrmTestKit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.crm.CrmParty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The CRM contract kit against a HubSpot account on WireMock, through a real engine. */
class HubSpotContractTest extends dev.supportkit.crm.common.testing.WireMockCrmContract {
    static final String TOKEN = "pat-eu1-11111111-2222-3333-4444-555555555555";
    static final String STAGES = "REGISTERED=new;IN_PROGRESS_FIRST_LINE=first;AT_INTAKE_LEAD=lead;"
            + "AT_SECOND_LINE=second;WAITING_FOR_CUSTOMER=waiting;RESOLVED=resolved;SIGNED_OFF=signed;CLOSED=closed";

    private static HubSpotFake fake;

    @BeforeAll
    static void start() {
        fake = new HubSpotFake(TOKEN);
    }

    @AfterAll
    static void stop() {
        fake.shutdown();
    }

    @BeforeEach
    void emptyAccount() {
        fake.reset();
    }

    @Override
    protected CrmAdapterFactory factory() {
        return new HubSpotCrmFactory();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("token", TOKEN, "base-url", fake.baseUrl(), "pipeline", "support", "stages", STAGES);
    }

    @Override
    protected CrmView view(TenantId tenant, String request) {
        List<ObjectNode> tickets = fake.all("tickets").stream().filter(t -> (tenant.value() + ":" + request)
                .equals(t.path("properties").path("supportkit_request_id").asText())).toList();
        if (tickets.isEmpty()) {
            return new CrmView(0, null, List.of(), Set.of(), Set.of());
        }
        ObjectNode ticket = tickets.get(0);
        List<String> notes = new ArrayList<>();
        for (JsonNode noteId : ticket.path("associations").path("notes")) {
            notes.add(fake.objects.get("notes").get(noteId.asText()).path("properties").path("hs_note_body").asText());
        }
        return new CrmView(tickets.size(), ticket.path("properties").path("hs_pipeline_stage").asText(), notes,
                ids(ticket.path("associations").path("contacts")), ids(ticket.path("associations").path("companies")));
    }

    private static Set<String> ids(JsonNode array) {
        Set<String> ids = new HashSet<>();
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Override
    protected String stageOf(RequestStatus status) {
        return CrmTestKit.stageOf(STAGES, status);
    }

    @Override
    protected void rateLimitEveryThirdCall() {
        fake.rateLimitEveryThirdCall();
    }

    @Override
    protected CrmParty knownCaller(String contactName, String companyName, String taxNumber) {
        // a few other contacts first, so the directory import pages
        for (int i = 0; i < 3; i++) {
            fake.add("contacts", Map.of("firstname", "Другой", "lastname", "Контакт " + i, "email",
                    "other" + i + "@example.com"));
        }
        String company = fake.add("companies", Map.of("name", companyName, "inn", taxNumber));
        String[] names = contactName.split(" ", 2);
        String contact = fake.add("contacts", Map.of("firstname", names[0], "lastname", names[1], "phone",
                KNOWN_PHONE_AS_STORED));
        fake.associate("contacts", contact, "companies", company);
        return CrmParty.builder().crmContactId(contact).crmCompanyId(company).companyName(companyName)
                .taxNumber(taxNumber).contactName(contactName).phone(KNOWN_PHONE_AS_STORED).build();
    }

    @Override
    protected Optional<Map<String, String>> restartableStorage(Path directory) {
        return Optional.of(CrmTestKit.h2File(directory));
    }

    @Override
    protected dev.supportkit.crm.common.testing.WireMockCrm fake() {
        return fake;
    }
}
