package dev.supportkit.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.crm.common.testing.CrmTestKit;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.crm.CrmParty;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The CRM contract kit against an amoCRM account on WireMock, through a real engine, starting from a refresh token. */
class AmoContractTest extends dev.supportkit.crm.common.testing.WireMockCrmContract {
    static final String STAGES = "REGISTERED=101;IN_PROGRESS_FIRST_LINE=102;AT_INTAKE_LEAD=103;AT_SECOND_LINE=104;"
            + "WAITING_FOR_CUSTOMER=105;RESOLVED=106;SIGNED_OFF=107;CLOSED=142";
    static final long REQUEST_FIELD = 700001;
    static final long INN_FIELD = 700002;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AmoFake fake;

    @BeforeAll
    static void start() {
        fake = new AmoFake();
    }

    @AfterAll
    static void stop() {
        fake.shutdown();
    }

    @BeforeEach
    void emptyAccount() {
        fake.reset();
    }

    static Map<String, String> settings(AmoFake fake) {
        return Map.of("base-url", fake.baseUrl(), "client-id", AmoFake.CLIENT_ID, "client-secret",
                AmoFake.CLIENT_SECRET, "redirect-uri", "https://support.example/amocrm", "refresh-token",
                fake.refresh, "pipeline-id", "5001", "stages", STAGES, "request-id-field-id",
                Long.toString(REQUEST_FIELD), "inn-field-id", Long.toString(INN_FIELD));
    }

    @Override
    protected CrmAdapterFactory factory() {
        return new AmoCrmFactory();
    }

    @Override
    protected Map<String, String> settings() {
        return settings(fake);
    }

    @Override
    protected CrmView view(TenantId tenant, String request) {
        String key = tenant.value() + ":" + request;
        List<ObjectNode> leads = fake.all("leads").stream().filter(l -> {
            for (JsonNode field : l.path("custom_fields_values")) {
                if (field.path("field_id").asLong() == REQUEST_FIELD
                        && key.equals(field.path("values").path(0).path("value").asText())) {
                    return true;
                }
            }
            return false;
        }).toList();
        if (leads.isEmpty()) {
            return new CrmView(0, null, List.of(), Set.of(), Set.of());
        }
        ObjectNode lead = leads.get(0);
        long id = lead.get("id").asLong();
        List<String> notes = fake.all("notes").stream().filter(n -> n.path("entity_id").asLong() == id)
                .map(n -> n.path("params").path("text").asText()).toList();
        return new CrmView(leads.size(), lead.path("status_id").asText(), notes,
                ids(lead.path("_embedded").path("contacts")), ids(lead.path("_embedded").path("companies")));
    }

    private static Set<String> ids(JsonNode refs) {
        Set<String> ids = new HashSet<>();
        refs.forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    @Override
    protected String stageOf(RequestStatus status) {
        return CrmTestKit.stageOf(STAGES, status);
    }

    @Override
    protected void rateLimitEveryThirdCall() {
        fake.limitEveryThirdCall();
    }

    @Override
    protected CrmParty knownCaller(String contactName, String companyName, String taxNumber) {
        for (int i = 0; i < 3; i++) {
            ObjectNode other = JSON.createObjectNode().put("name", "Другой контакт " + i);
            other.putArray("custom_fields_values").addObject().put("field_code", "EMAIL").putArray("values")
                    .addObject().put("value", "other" + i + "@example.com");
            fake.add("contacts", other);
        }
        ObjectNode company = JSON.createObjectNode().put("name", companyName);
        company.putArray("custom_fields_values").addObject().put("field_id", INN_FIELD).putArray("values")
                .addObject().put("value", taxNumber);
        String companyId = fake.add("companies", company);
        ObjectNode contact = JSON.createObjectNode().put("name", contactName);
        contact.putArray("custom_fields_values").addObject().put("field_code", "PHONE").putArray("values")
                .addObject().put("value", KNOWN_PHONE_AS_STORED).put("enum_code", "WORK");
        String contactId = fake.add("contacts", contact);
        fake.link(contactId, companyId);
        return CrmParty.builder().crmContactId(contactId).crmCompanyId(companyId).companyName(companyName)
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
