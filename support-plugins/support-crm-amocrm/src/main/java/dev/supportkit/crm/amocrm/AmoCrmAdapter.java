package dev.supportkit.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Request;
import dev.supportkit.crm.common.CrmHttp;
import dev.supportkit.crm.common.CrmLinks;
import dev.supportkit.crm.common.CrmUnavailableException;
import dev.supportkit.crm.common.OAuthTokens;
import dev.supportkit.spi.crm.CrmRejectedException;
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
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mirrors requests as amoCRM leads through API v4: {@code GET /api/v4/leads?query=} by the request id (checked
 * against the request-id custom field) before {@code POST /api/v4/leads} (with the contact and company embedded),
 * {@code PATCH /api/v4/leads/{id}} for status, responsible user and priority field, {@code POST
 * /api/v4/leads/{id}/notes} (a {@code common} note) for each customer-visible entry. Callers are found by
 * {@code GET /api/v4/contacts?query=} and checked by their phone digits or e-mail. amoCRM answers an empty list
 * with 204 and no body.
 */
final class AmoCrmAdapter extends MirroringCrmAdapter {
    /** The most pages of notes searched for a marker. */
    static final int MAX_NOTE_PAGES = 100;
    private final AmoSettings settings;
    private final OAuthTokens tokens;
    private final CrmHttp http;
    private final CrmHttp tokenHttp;
    private final ObjectMapper json;
    private final Map<String, String> contactsWithoutLink = new java.util.concurrent.ConcurrentHashMap<>();

    AmoCrmAdapter(AmoSettings settings, ProviderStateStore state, ObjectMapper json, Clock clock, String nodeId) {
        super(new CrmLinks(state, json), settings.common().commentMax());
        this.settings = settings;
        this.json = json;
        List<String> fixed = new ArrayList<>();
        fixed.add(settings.clientSecret());
        settings.authorizationCode().ifPresent(fixed::add);
        settings.refreshToken().ifPresent(fixed::add);
        this.tokens = new OAuthTokens("amoCRM", new OAuthTokens.Options(settings.leaseTime(), settings.leasePoll(),
                fixed), state, json, clock, nodeId, this::exchange);
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.common().timeout()).build();
        RateLimiter limiter = new RateLimiter(settings.perSecond(), Duration.ofSeconds(1), clock);
        this.tokenHttp = new CrmHttp("amoCRM", client, json, limiter, settings.common().httpOptions(),
                CrmHttp.Auth.NONE, tokens::secrets, clock);
        this.http = new CrmHttp("amoCRM", client, json, limiter, settings.common().httpOptions(), tokens.bearer(),
                tokens::secrets, clock);
    }

    /** Calls {@code POST /oauth2/access_token} with the stored refresh token, or a start-up grant. */
    private OAuthTokens.Grant exchange(Optional<String> stored) {
        ObjectNode body = json.createObjectNode();
        body.put("client_id", settings.clientId());
        body.put("client_secret", settings.clientSecret());
        body.put("redirect_uri", settings.redirectUri());
        if (stored.isPresent()) {
            body.put("grant_type", "refresh_token").put("refresh_token", stored.get());
        } else if (settings.authorizationCode().isPresent()) {
            body.put("grant_type", "authorization_code").put("code", settings.authorizationCode().get());
        } else if (settings.refreshToken().isPresent()) {
            body.put("grant_type", "refresh_token").put("refresh_token", settings.refreshToken().get());
        } else {
            throw new CrmUnavailableException("amoCRM has no token pair stored yet: set "
                    + AmoSettings.PREFIX + "authorization-code or " + AmoSettings.PREFIX + "refresh-token");
        }
        JsonNode answer;
        try {
            answer = tokenHttp.call("POST", URI.create(settings.baseUrl() + "/oauth2/access_token"), body,
                    "POST oauth2/access_token");
        } catch (CrmRejectedException e) {
            throw new CrmUnavailableException("amoCRM refused the token refresh, authorize the integration again: "
                    + e.getMessage());
        }
        return new OAuthTokens.Grant(answer.path("access_token").asText(""), answer.path("refresh_token").asText(""),
                Duration.ofSeconds(answer.path("expires_in").asLong(86_400)));
    }

    /** Paused while amoCRM asked to wait, the rate limit is spent, or another engine is refreshing the pair. */
    @Override
    public Optional<java.time.Instant> pausedUntil() {
        return java.util.stream.Stream.of(http.pausedUntil(), tokenHttp.pausedUntil(), tokens.waitUntil())
                .flatMap(Optional::stream).max(java.time.Instant::compareTo);
    }

    // ---- mirroring ------------------------------------------------------------------------------------------

    @Override
    protected Optional<String> findObject(CrmChange change) {
        String key = requestKey(change);
        JsonNode found = http.call("GET", url("/api/v4/leads?query=" + enc(key)), null, "GET leads?query");
        for (JsonNode lead : found.path("_embedded").path("leads")) {
            if (key.equals(field(lead, settings.requestFieldId()))) {
                return Optional.of(lead.path("id").asText());
            }
        }
        return Optional.empty();
    }

    @Override
    protected String createObject(CrmChange change, Customer customer) {
        Request request = change.request();
        ObjectNode lead = leadFields(change);
        lead.put("name", request.subject());
        lead.put("pipeline_id", settings.pipelineId());
        addField((ArrayNode) lead.get("custom_fields_values"), settings.requestFieldId(), requestKey(change));
        ObjectNode embedded = lead.putObject("_embedded");
        customer.contact().ifPresent(id -> embedded.putArray("contacts").addObject().put("id", Long.parseLong(id)));
        customer.company().ifPresent(id -> embedded.putArray("companies").addObject().put("id", Long.parseLong(id)));
        ArrayNode body = json.createArrayNode().add(lead);
        JsonNode created = http.call("POST", url("/api/v4/leads"), body, "POST leads");
        return created.path("_embedded").path("leads").path(0).path("id").asText();
    }

    @Override
    protected void updateObject(String object, CrmChange change) {
        ObjectNode lead = leadFields(change);
        lead.put("pipeline_id", settings.pipelineId());
        http.call("PATCH", url("/api/v4/leads/" + enc(object)), lead, "PATCH leads/{id}");
    }

    @Override
    protected void addComment(String object, String text) {
        ArrayNode body = json.createArrayNode();
        body.addObject().put("note_type", "common").putObject("params").put("text", text);
        http.call("POST", url("/api/v4/leads/" + enc(object) + "/notes"), body, "POST leads/{id}/notes");
    }

    /** Pages through the lead's common notes (250 a page; 204 when there are none) looking for the marker. */
    @Override
    protected boolean hasComment(String object, String marker) {
        for (int page = 1; page <= MAX_NOTE_PAGES; page++) {
            JsonNode found = http.call("GET", url("/api/v4/leads/" + enc(object) + "/notes?"
                    + enc("filter[note_type]") + "=common&limit=250&page=" + page), null, "GET leads/{id}/notes");
            for (JsonNode note : found.path("_embedded").path("notes")) {
                if (note.path("params").path("text").asText("").contains(marker)) {
                    return true;
                }
            }
            if (found.path("_links").path("next").isMissingNode()) {
                return false;
            }
        }
        return false;
    }

    private ObjectNode leadFields(CrmChange change) {
        Request request = change.request();
        ObjectNode lead = json.createObjectNode();
        lead.put("status_id", settings.status(request.status()));
        request.assignee().map(id -> settings.users().get(id.value()))
                .ifPresent(user -> lead.put("responsible_user_id", user));
        ArrayNode fields = lead.putArray("custom_fields_values");
        settings.priorityFieldId().ifPresent(field -> addField(fields, field, request.priority().name()));
        return lead;
    }

    private static void addField(ArrayNode fields, long id, String value) {
        fields.addObject().put("field_id", id).putArray("values").addObject().put("value", value);
    }

    /** The first value of a custom field of an entity, or null. */
    private static String field(JsonNode entity, long id) {
        for (JsonNode field : entity.path("custom_fields_values")) {
            if (field.path("field_id").asLong() == id) {
                return field.path("values").path(0).path("value").asText(null);
            }
        }
        return null;
    }

    /** The values of a contact's multi-field (PHONE, EMAIL). */
    private static List<String> values(JsonNode entity, String code) {
        List<String> values = new ArrayList<>();
        for (JsonNode field : entity.path("custom_fields_values")) {
            if (code.equals(field.path("field_code").asText())) {
                field.path("values").forEach(v -> values.add(v.path("value").asText()));
            }
        }
        return values;
    }

    private static String requestKey(CrmChange change) {
        return change.request().tenant().value() + ":" + change.request().id().value();
    }

    // ---- customers ------------------------------------------------------------------------------------------

    @Override
    protected Optional<CrmParty> contactByPhoneOrEmail(String phoneOrEmail) {
        boolean email = phoneOrEmail.contains("@");
        String digits = national(CrmDirectorySync.normalizePhone(phoneOrEmail).replace("+", ""));
        if (!email && digits.length() < 5) {
            return Optional.empty();
        }
        // amoCRM's search matches the digits of a stored number; ask for the national part
        String query = email ? phoneOrEmail : digits;
        JsonNode found = http.call("GET", url("/api/v4/contacts?with=companies&query=" + enc(query)), null,
                "GET contacts?query");
        for (JsonNode contact : found.path("_embedded").path("contacts")) {
            boolean matches = email ? values(contact, "EMAIL").stream().anyMatch(phoneOrEmail::equalsIgnoreCase)
                    : values(contact, "PHONE").stream().anyMatch(p -> national(p.replaceAll("[^0-9]", ""))
                    .equals(digits));
            if (matches) {
                return Optional.of(party(contact, companies(companyIds(List.of(contact)))));
            }
        }
        return Optional.empty();
    }

    private static String national(String digits) {
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    @Override
    protected Optional<String> companyByTaxNumber(String taxNumber) {
        if (settings.innFieldId().isEmpty()) {
            return Optional.empty();
        }
        JsonNode found = http.call("GET", url("/api/v4/companies?query=" + enc(taxNumber)), null,
                "GET companies?query");
        for (JsonNode company : found.path("_embedded").path("companies")) {
            if (taxNumber.equals(field(company, settings.innFieldId().get()))) {
                return Optional.of(company.path("id").asText());
            }
        }
        return Optional.empty();
    }

    @Override
    protected String createCompany(String name, Optional<String> taxNumber) {
        ObjectNode company = json.createObjectNode().put("name", name);
        if (taxNumber.isPresent() && settings.innFieldId().isPresent()) {
            addField(company.putArray("custom_fields_values"), settings.innFieldId().get(), taxNumber.get());
        }
        JsonNode created = http.call("POST", url("/api/v4/companies"), json.createArrayNode().add(company),
                "POST companies");
        return created.path("_embedded").path("companies").path(0).path("id").asText();
    }

    /**
     * Creates a contact, then links it to its company. A contact whose link call failed is remembered, so the retry
     * only links it instead of creating a second contact.
     */
    @Override
    protected String createContact(String firstName, Optional<String> lastName, Optional<String> phone,
                                   Optional<String> email, Optional<String> company) {
        String key = firstName + "\u0000" + lastName.orElse("") + "\u0000" + phone.orElse("") + "\u0000"
                + email.orElse("");
        String id = contactsWithoutLink.get(key);
        if (id == null) {
            ObjectNode contact = json.createObjectNode();
            contact.put("first_name", firstName);
            lastName.ifPresent(name -> contact.put("last_name", name));
            ArrayNode fields = contact.putArray("custom_fields_values");
            phone.ifPresent(value -> fields.addObject().put("field_code", "PHONE").putArray("values").addObject()
                    .put("value", value).put("enum_code", "WORK"));
            email.ifPresent(value -> fields.addObject().put("field_code", "EMAIL").putArray("values").addObject()
                    .put("value", value).put("enum_code", "WORK"));
            JsonNode created = http.call("POST", url("/api/v4/contacts"), json.createArrayNode().add(contact),
                    "POST contacts");
            id = created.path("_embedded").path("contacts").path(0).path("id").asText();
            contactsWithoutLink.put(key, id);
        }
        if (company.isPresent()) {
            ArrayNode link = json.createArrayNode();
            link.addObject().put("to_entity_id", Long.parseLong(company.get())).put("to_entity_type", "companies");
            http.call("POST", url("/api/v4/contacts/" + enc(id) + "/link"), link, "POST contacts/{id}/link");
        }
        contactsWithoutLink.remove(key);
        return id;
    }

    private static Set<String> companyIds(Iterable<JsonNode> contacts) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode contact : contacts) {
            contact.path("_embedded").path("companies").forEach(c -> ids.add(c.path("id").asText()));
        }
        return ids;
    }

    private Map<String, JsonNode> companies(Set<String> ids) {
        Map<String, JsonNode> companies = new HashMap<>();
        if (ids.isEmpty()) {
            return companies;
        }
        StringBuilder query = new StringBuilder("/api/v4/companies?limit=250");
        ids.forEach(id -> query.append("&filter[id][]=").append(enc(id)));
        for (JsonNode company : http.call("GET", url(query.toString()), null, "GET companies?filter")
                .path("_embedded").path("companies")) {
            companies.put(company.path("id").asText(), company);
        }
        return companies;
    }

    private CrmParty party(JsonNode contact, Map<String, JsonNode> companies) {
        String name = contact.path("name").asText("");
        if (name.isBlank()) {
            name = (contact.path("first_name").asText("") + " " + contact.path("last_name").asText("")).strip();
        }
        JsonNode companyRef = contact.path("_embedded").path("companies").path(0);
        JsonNode company = companyRef.isMissingNode() ? null : companies.get(companyRef.path("id").asText());
        List<String> phones = values(contact, "PHONE");
        List<String> emails = values(contact, "EMAIL");
        return CrmParty.builder().crmContactId(contact.path("id").asText()).contactName(name)
                .phone(phones.isEmpty() ? null : phones.get(0)).email(emails.isEmpty() ? null : emails.get(0))
                .crmCompanyId(company == null ? null : company.path("id").asText())
                .companyName(company == null ? null : company.path("name").asText(""))
                .taxNumber(company == null || settings.innFieldId().isEmpty() ? null
                        : field(company, settings.innFieldId().get()))
                .build();
    }

    @Override
    public CrmDirectoryPage directoryPage(TenantId tenant, Optional<String> cursor) {
        int page = cursor.map(Integer::parseInt).orElse(1);
        JsonNode answer = http.call("GET", url("/api/v4/contacts?with=companies&limit=250&page=" + page), null,
                "GET contacts");
        List<JsonNode> contacts = new ArrayList<>();
        answer.path("_embedded").path("contacts").forEach(contacts::add);
        Map<String, JsonNode> companies = companies(companyIds(contacts));
        List<CrmParty> parties = new ArrayList<>();
        contacts.forEach(contact -> parties.add(party(contact, companies)));
        boolean more = answer.path("_links").has("next");
        return new CrmDirectoryPage(parties, more ? Optional.of(Integer.toString(page + 1)) : Optional.empty());
    }

    private URI url(String pathAndQuery) {
        return URI.create(settings.baseUrl() + pathAndQuery.replace("[", "%5B").replace("]", "%5D"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
