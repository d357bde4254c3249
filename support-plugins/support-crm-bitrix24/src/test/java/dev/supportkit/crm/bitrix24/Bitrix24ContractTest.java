package dev.supportkit.crm.bitrix24;

import dev.supportkit.crm.common.testing.CrmTestKit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.crm.CrmParty;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The CRM contract kit against a Bitrix24 portal on WireMock, through a real engine. */
class Bitrix24ContractTest extends dev.supportkit.crm.common.testing.WireMockCrmContract {
    static final String KEY = "k3y0f7hew3bh00k1";
    static final String STAGES = "REGISTERED=C7:NEW;IN_PROGRESS_FIRST_LINE=C7:FIRST;AT_INTAKE_LEAD=C7:LEAD;"
            + "AT_SECOND_LINE=C7:SECOND;WAITING_FOR_CUSTOMER=C7:WAIT;RESOLVED=C7:RESOLVED;SIGNED_OFF=C7:SIGNED;"
            + "CLOSED=C7:WON";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Bitrix24Fake fake;

    @BeforeAll
    static void start() {
        fake = new Bitrix24Fake(KEY);
    }

    @AfterAll
    static void stop() {
        fake.shutdown();
    }

    @BeforeEach
    void emptyPortal() {
        fake.reset();
    }

    @Override
    protected CrmAdapterFactory factory() {
        return new Bitrix24CrmFactory();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("webhook-url", fake.webhook(KEY), "category", "7", "stages", STAGES);
    }

    @Override
    protected CrmView view(TenantId tenant, String request) {
        List<ObjectNode> deals = fake.all("deal").stream().filter(d -> (tenant.value() + ":" + request)
                .equals(d.path("UF_CRM_SUPPORTKIT_ID").asText())).toList();
        if (deals.isEmpty()) {
            return new CrmView(0, null, List.of(), Set.of(), Set.of());
        }
        ObjectNode deal = deals.get(0);
        String id = deal.path("ID").asText();
        List<String> comments = fake.all("comment").stream().filter(c -> id.equals(c.path("ENTITY_ID").asText()))
                .map(c -> c.path("COMMENT").asText()).toList();
        return new CrmView(deals.size(), deal.path("STAGE_ID").asText(), comments,
                deal.hasNonNull("CONTACT_ID") ? Set.of(deal.path("CONTACT_ID").asText()) : Set.of(),
                deal.hasNonNull("COMPANY_ID") ? Set.of(deal.path("COMPANY_ID").asText()) : Set.of());
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
        // more contacts than a page, so the directory import pages
        for (int i = 0; i < Bitrix24Fake.PAGE + 5; i++) {
            ObjectNode other = JSON.createObjectNode().put("NAME", "Другой").put("LAST_NAME", "Контакт " + i);
            other.putArray("EMAIL").addObject().put("VALUE", "other" + i + "@example.com").put("VALUE_TYPE", "WORK");
            fake.add("contact", other);
        }
        String company = fake.add("company", JSON.createObjectNode().put("TITLE", companyName));
        fake.add("requisite", JSON.createObjectNode().put("ENTITY_TYPE_ID", "4").put("ENTITY_ID", company)
                .put("RQ_INN", taxNumber));
        String[] names = contactName.split(" ", 2);
        ObjectNode contact = JSON.createObjectNode().put("NAME", names[0]).put("LAST_NAME", names[1])
                .put("COMPANY_ID", company);
        contact.putArray("PHONE").addObject().put("ID", "5").put("VALUE_TYPE", "WORK")
                .put("VALUE", KNOWN_PHONE_AS_STORED).put("TYPE_ID", "PHONE");
        String id = fake.add("contact", contact);
        return CrmParty.builder().crmContactId(id).crmCompanyId(company).companyName(companyName)
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
