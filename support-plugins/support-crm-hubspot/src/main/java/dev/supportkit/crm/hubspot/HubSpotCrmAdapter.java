package dev.supportkit.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.crm.common.CrmHttp;
import dev.supportkit.crm.common.CrmLinks;
import dev.supportkit.crm.common.MirroringCrmAdapter;
import dev.supportkit.crm.common.RateLimiter;
import dev.supportkit.spi.crm.CrmChange;
import dev.supportkit.spi.crm.CrmDirectoryPage;
import dev.supportkit.spi.crm.CrmDirectorySync;
import dev.supportkit.spi.crm.CrmParty;
import dev.supportkit.spi.state.ProviderStateStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mirrors requests as HubSpot tickets through the CRM v3 objects API: {@code POST /crm/v3/objects/tickets/search}
 * by the request-id property before {@code POST /crm/v3/objects/tickets} (associated with the contact and the
 * company), {@code PATCH} for stage, priority and owner, {@code POST /crm/v3/objects/notes} associated with the
 * ticket for each customer-visible entry. Callers are found by {@code contacts/search} on the phone or e-mail.
 */
final class HubSpotCrmAdapter extends MirroringCrmAdapter {
    /** HubSpot-defined association types (v4 association type ids). */
    static final int TICKET_TO_CONTACT = 16;
    static final int TICKET_TO_COMPANY = 339;
    static final int NOTE_TO_TICKET = 228;
    static final int CONTACT_TO_COMPANY = 279;

    private final HubSpotSettings settings;
    private final CrmHttp http;
    private final RateLimiter searchLimit;
    private final ObjectMapper json;
    private final Clock clock;

    HubSpotCrmAdapter(HubSpotSettings settings, ProviderStateStore state, ObjectMapper json, Clock clock) {
        super(new CrmLinks(state, json), settings.common().commentMax());
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.common().timeout()).build();
        this.http = new CrmHttp("HubSpot", client, json, new RateLimiter(settings.burst(), Duration.ofSeconds(10),
                clock), settings.common().httpOptions(), CrmHttp.Auth.bearer(settings.token()),
                () -> List.of(settings.token()), clock);
        this.searchLimit = new RateLimiter(settings.searchPerSecond(), Duration.ofSeconds(1), clock);
    }

    @Override
    public Optional<java.time.Instant> pausedUntil() {
        return http.pausedUntil();
    }

    // ---- mirroring ------------------------------------------------------------------------------------------

    @Override
    protected Optional<String> findObject(CrmChange change) {
        JsonNode found = search("tickets", List.of(filter(settings.requestProperty(), "EQ", requestKey(change))),
                List.of(settings.requestProperty()), 1, null);
        return first(found).map(ticket -> ticket.path("id").asText());
    }

    @Override
    protected String createObject(CrmChange change, Customer customer) {
        Request request = change.request();
        ObjectNode body = json.createObjectNode();
        ObjectNode properties = ticketProperties(change);
        properties.put("subject", request.subject());
        properties.put("content", request.description());
        properties.put("hs_pipeline", settings.pipeline());
        properties.put(settings.requestProperty(), requestKey(change));
        body.set("properties", properties);
        ArrayNode associations = body.putArray("associations");
        customer.contact().ifPresent(id -> associations.add(association(id, TICKET_TO_CONTACT)));
        customer.company().ifPresent(id -> associations.add(association(id, TICKET_TO_COMPANY)));
        return http.call("POST", url("/crm/v3/objects/tickets"), body, "POST tickets").path("id").asText();
    }

    @Override
    protected void updateObject(String object, CrmChange change) {
        ObjectNode body = json.createObjectNode();
        body.set("properties", ticketProperties(change));
        http.call("PATCH", url("/crm/v3/objects/tickets/" + enc(object)), body, "PATCH tickets/{id}");
    }

    @Override
    protected void addComment(String object, String text) {
        ObjectNode body = json.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        properties.put("hs_note_body", text);
        properties.put("hs_timestamp", clock.instant().toString());
        body.putArray("associations").add(association(object, NOTE_TO_TICKET));
        http.call("POST", url("/crm/v3/objects/notes"), body, "POST notes");
    }

    /** Reads the ticket's associated notes (batches of 100) looking for the marker in their bodies. */
    @Override
    protected boolean hasComment(String object, String marker) {
        JsonNode ticket = http.call("GET", url("/crm/v3/objects/tickets/" + enc(object) + "?associations=notes"),
                null, "GET tickets/{id}");
        List<String> notes = new ArrayList<>();
        ticket.path("associations").path("notes").path("results").forEach(n -> notes.add(n.path("id").asText()));
        for (int from = 0; from < notes.size(); from += 100) {
            ObjectNode read = json.createObjectNode();
            read.putArray("properties").add("hs_note_body");
            ArrayNode inputs = read.putArray("inputs");
            notes.subList(from, Math.min(notes.size(), from + 100)).forEach(id -> inputs.addObject().put("id", id));
            for (JsonNode note : http.call("POST", url("/crm/v3/objects/notes/batch/read"), read,
                    "POST notes/batch/read").path("results")) {
                if (note.path("properties").path("hs_note_body").asText("").contains(marker)) {
                    return true;
                }
            }
        }
        return false;
    }

    private ObjectNode ticketProperties(CrmChange change) {
        Request request = change.request();
        ObjectNode properties = json.createObjectNode();
        properties.put("hs_pipeline_stage", settings.stage(request.status()));
        properties.put("hs_ticket_priority", priority(request.priority()));
        request.assignee().map(id -> settings.owners().get(id.value()))
                .ifPresent(owner -> properties.put("hubspot_owner_id", owner));
        return properties;
    }

    static String priority(Priority priority) {
        return switch (priority) {
            case LOW -> "LOW";
            case NORMAL -> "MEDIUM";
            case HIGH -> "HIGH";
            case CRITICAL -> "URGENT";
        };
    }

    private static String requestKey(CrmChange change) {
        return change.request().tenant().value() + ":" + change.request().id().value();
    }

    // ---- customers ------------------------------------------------------------------------------------------

    @Override
    protected String createCompany(String name, Optional<String> taxNumber) {
        ObjectNode body = json.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        properties.put("name", name);
        taxNumber.ifPresent(inn -> properties.put(settings.taxProperty(), inn));
        return http.call("POST", url("/crm/v3/objects/companies"), body, "POST companies").path("id").asText();
    }

    @Override
    protected String createContact(String firstName, Optional<String> lastName, Optional<String> phone,
                                   Optional<String> email, Optional<String> company) {
        ObjectNode body = json.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        properties.put("firstname", firstName);
        lastName.ifPresent(name -> properties.put("lastname", name));
        email.ifPresent(value -> properties.put("email", value));
        phone.ifPresent(value -> properties.put("phone", value));
        company.ifPresent(id -> body.putArray("associations").add(association(id, CONTACT_TO_COMPANY)));
        return http.call("POST", url("/crm/v3/objects/contacts"), body, "POST contacts").path("id").asText();
    }

    @Override
    protected Optional<String> companyByTaxNumber(String taxNumber) {
        return first(search("companies", List.of(filter(settings.taxProperty(), "EQ", taxNumber)),
                List.of("name", settings.taxProperty()), 1, null)).map(c -> c.path("id").asText());
    }

    /**
     * Looks a contact up: an e-mail address by {@code email}; a phone number by HubSpot's digits-only
     * {@code hs_searchable_calculated_phone_number} (and the raw {@code phone}/{@code mobilephone}), the answers
     * then checked by their digits, so {@code +7 (495) 123-45-67} and {@code +74951234567} match.
     */
    @Override
    protected Optional<CrmParty> contactByPhoneOrEmail(String phoneOrEmail) {
        String value = phoneOrEmail.strip();
        List<String> properties = List.of("firstname", "lastname", "email", "phone", "mobilephone");
        List<ObjectNode> groups = new ArrayList<>();
        boolean email = value.contains("@");
        String digits = CrmDirectorySync.normalizePhone(value).replace("+", "");
        if (email) {
            groups.add(filter("email", "EQ", value));
        } else {
            if (digits.length() < 5) {
                return Optional.empty();
            }
            groups.add(filter("hs_searchable_calculated_phone_number", "EQ", national(digits)));
            groups.add(filter("phone", "EQ", value));
            groups.add(filter("mobilephone", "EQ", value));
        }
        JsonNode found = search("contacts", groups, properties, 10, null);
        for (JsonNode contact : found.path("results")) {
            JsonNode p = contact.path("properties");
            boolean matches = email ? value.equalsIgnoreCase(p.path("email").asText())
                    : List.of(p.path("phone").asText(), p.path("mobilephone").asText()).stream()
                    .map(n -> CrmDirectorySync.normalizePhone(n).replace("+", ""))
                    .anyMatch(n -> !n.isEmpty() && national(n).equals(national(digits)));
            if (matches) {
                return Optional.of(party(contact, companyOf(contact.path("id").asText())));
            }
        }
        return Optional.empty();
    }

    /** The last ten digits: a number without its country code. */
    private static String national(String digits) {
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    private Optional<JsonNode> companyOf(String contactId) {
        JsonNode contact = http.call("GET", url("/crm/v3/objects/contacts/" + enc(contactId)
                + "?associations=companies"), null, "GET contacts/{id}");
        JsonNode associated = contact.path("associations").path("companies").path("results");
        if (!associated.isArray() || associated.isEmpty()) {
            return Optional.empty();
        }
        String id = associated.get(0).path("id").asText();
        return Optional.of(http.call("GET", url("/crm/v3/objects/companies/" + enc(id) + "?properties=name,"
                + enc(settings.taxProperty())), null, "GET companies/{id}"));
    }

    private CrmParty party(JsonNode contact, Optional<JsonNode> company) {
        JsonNode p = contact.path("properties");
        String name = (p.path("firstname").asText("") + " " + p.path("lastname").asText("")).strip();
        String phone = p.path("phone").asText("").isBlank() ? p.path("mobilephone").asText("") : p.path("phone")
                .asText("");
        return CrmParty.builder().crmContactId(contact.path("id").asText()).contactName(name)
                .email(p.path("email").asText("")).phone(phone)
                .crmCompanyId(company.map(c -> c.path("id").asText()).orElse(null))
                .companyName(company.map(c -> c.path("properties").path("name").asText("")).orElse(null))
                .taxNumber(company.map(c -> c.path("properties").path(settings.taxProperty()).asText(""))
                        .orElse(null))
                .build();
    }

    @Override
    public CrmDirectoryPage directoryPage(TenantId tenant, Optional<String> cursor) {
        String query = "/crm/v3/objects/contacts?limit=100&properties=firstname,lastname,email,phone,mobilephone"
                + "&associations=companies" + cursor.map(after -> "&after=" + enc(after)).orElse("");
        JsonNode page = http.call("GET", url(query), null, "GET contacts");
        Map<String, JsonNode> companies = new LinkedHashMap<>();
        for (JsonNode contact : page.path("results")) {
            JsonNode associated = contact.path("associations").path("companies").path("results");
            if (associated.isArray() && !associated.isEmpty()) {
                companies.put(associated.get(0).path("id").asText(), null);
            }
        }
        if (!companies.isEmpty()) {
            ObjectNode read = json.createObjectNode();
            read.putArray("properties").add("name").add(settings.taxProperty());
            ArrayNode inputs = read.putArray("inputs");
            companies.keySet().forEach(id -> inputs.addObject().put("id", id));
            for (JsonNode company : http.call("POST", url("/crm/v3/objects/companies/batch/read"), read,
                    "POST companies/batch/read").path("results")) {
                companies.put(company.path("id").asText(), company);
            }
        }
        List<CrmParty> parties = new ArrayList<>();
        for (JsonNode contact : page.path("results")) {
            JsonNode associated = contact.path("associations").path("companies").path("results");
            Optional<JsonNode> company = associated.isArray() && !associated.isEmpty()
                    ? Optional.ofNullable(companies.get(associated.get(0).path("id").asText())) : Optional.empty();
            parties.add(party(contact, company));
        }
        JsonNode after = page.path("paging").path("next").path("after");
        return new CrmDirectoryPage(parties, after.isMissingNode() || after.asText().isBlank() ? Optional.empty()
                : Optional.of(after.asText()));
    }

    // ---- HTTP helpers ---------------------------------------------------------------------------------------

    /** One filter group with one filter: groups are ORed by HubSpot's search. */
    private ObjectNode filter(String property, String operator, String value) {
        ObjectNode group = json.createObjectNode();
        group.putArray("filters").addObject().put("propertyName", property).put("operator", operator)
                .put("value", value);
        return group;
    }

    private JsonNode search(String type, List<ObjectNode> groups, List<String> properties, int limit, String after) {
        ObjectNode body = json.createObjectNode();
        ArrayNode filterGroups = body.putArray("filterGroups");
        groups.forEach(filterGroups::add);
        ArrayNode props = body.putArray("properties");
        properties.forEach(props::add);
        body.put("limit", limit);
        if (after != null) {
            body.put("after", after);
        }
        return http.call("POST", url("/crm/v3/objects/" + type + "/search"), body, "POST " + type + "/search",
                searchLimit);
    }

    private static Optional<JsonNode> first(JsonNode found) {
        JsonNode results = found.path("results");
        return results.isArray() && !results.isEmpty() ? Optional.of(results.get(0)) : Optional.empty();
    }

    private ObjectNode association(String id, int type) {
        ObjectNode association = json.createObjectNode();
        association.putObject("to").put("id", id);
        association.putArray("types").addObject().put("associationCategory", "HUBSPOT_DEFINED")
                .put("associationTypeId", type);
        return association;
    }

    private URI url(String path) {
        return URI.create(settings.baseUrl() + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
