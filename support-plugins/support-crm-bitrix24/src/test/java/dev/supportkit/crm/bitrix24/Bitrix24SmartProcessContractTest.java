package dev.supportkit.crm.bitrix24;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.crm.common.testing.CrmTestKit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole CRM contract kit again, with requests mirrored as items of a smart process ({@code crm.item.*},
 * comments on {@code dynamic_<entityTypeId>}) by a marketplace app signed in with OAuth 2.0 (the access token in
 * {@code auth}, refreshed at the OAuth server, the rotating pair kept in the provider state across the restart).
 */
class Bitrix24SmartProcessContractTest extends Bitrix24ContractTest {
    static final int ENTITY_TYPE_ID = 1046;
    static final String FIELD = "ufCrm1046SupportkitId";
    static final String ITEM_STAGES = "REGISTERED=DT1046_12:NEW;IN_PROGRESS_FIRST_LINE=DT1046_12:FIRST;"
            + "AT_INTAKE_LEAD=DT1046_12:LEAD;AT_SECOND_LINE=DT1046_12:SECOND;WAITING_FOR_CUSTOMER=DT1046_12:WAIT;"
            + "RESOLVED=DT1046_12:RESOLVED;SIGNED_OFF=DT1046_12:SUCCESS;CLOSED=DT1046_12:SUCCESS";

    /** The settings of an app mirroring to the smart process, starting from the fake's current refresh token. */
    static Map<String, String> appSettings(Bitrix24Fake portal) {
        return Map.of("auth", "oauth", "portal-url", portal.baseUrl(), "oauth-server", portal.baseUrl(),
                "client-id", Bitrix24Fake.CLIENT_ID, "client-secret", Bitrix24Fake.CLIENT_SECRET,
                "refresh-token", portal.refresh, "entity-type-id", Integer.toString(ENTITY_TYPE_ID),
                "category", "12", "request-id-field", FIELD, "stages", ITEM_STAGES);
    }

    @Override
    protected Map<String, String> settings() {
        return appSettings(fake);
    }

    @Override
    protected CrmView view(TenantId tenant, String request) {
        List<ObjectNode> items = fake.all("item").stream().filter(i -> i.path("entityTypeId").asInt()
                == ENTITY_TYPE_ID && (tenant.value() + ":" + request).equals(i.path(FIELD).asText())).toList();
        if (items.isEmpty()) {
            return new CrmView(0, null, List.of(), Set.of(), Set.of());
        }
        ObjectNode item = items.get(0);
        String id = item.path("id").asText();
        List<String> comments = fake.all("comment").stream().filter(c -> id.equals(c.path("ENTITY_ID").asText())
                && ("dynamic_" + ENTITY_TYPE_ID).equals(c.path("ENTITY_TYPE").asText()))
                .map(c -> c.path("COMMENT").asText()).toList();
        Set<String> contacts = new HashSet<>();
        item.path("contactIds").forEach(c -> contacts.add(c.asText()));
        return new CrmView(items.size(), item.path("stageId").asText(), comments, contacts,
                item.hasNonNull("companyId") ? Set.of(item.path("companyId").asText()) : Set.of());
    }

    @Override
    protected String stageOf(RequestStatus status) {
        return CrmTestKit.stageOf(ITEM_STAGES, status);
    }
}
