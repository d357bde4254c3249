package dev.supportkit.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Request;
import dev.supportkit.crm.common.CrmHttp;
import dev.supportkit.crm.common.CrmLinks;
import dev.supportkit.crm.common.CrmUnavailableException;
import dev.supportkit.crm.common.MirroringCrmAdapter;
import dev.supportkit.crm.common.OAuthTokens;
import dev.supportkit.spi.crm.CrmRejectedException;
import dev.supportkit.crm.common.RateLimiter;
import dev.supportkit.spi.crm.CrmChange;
import dev.supportkit.spi.crm.CrmDirectoryPage;
import dev.supportkit.spi.crm.CrmParty;
import dev.supportkit.spi.state.ProviderStateStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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
 * Mirrors requests as Bitrix24 deals, or as items of a smart process ({@code entity-type-id}), through the REST
 * methods: {@code crm.deal.list} / {@code crm.item.list} by the request-id user field before {@code crm.deal.add} /
 * {@code crm.item.add} (with the contact and company), {@code crm.deal.update} / {@code crm.item.update} for the
 * stage, responsible and priority field, {@code crm.timeline.comment.add} for each customer-visible entry. Signs in
 * through an inbound webhook's URL, or as a marketplace app with an OAuth 2.0 token pair ({@link OAuthTokens}: the
 * access token in each call's {@code auth} parameter, refreshed at {@code oauth.bitrix.info} when it expires or
 * Bitrix24 answers 401 {@code expired_token}; the single-use refresh token rotates and is kept in the provider
 * state). Callers are found by {@code crm.duplicate.findbycomm} (Bitrix24 normalises the phone numbers itself),
 * companies by the INN of their requisite ({@code crm.requisite.list}).
 */
final class Bitrix24CrmAdapter extends MirroringCrmAdapter {
    /** The CRM entity type id of companies, as requisites name their owner. */
    static final int COMPANY_TYPE = 4;
    /** The most pages of comments searched for a marker. */
    static final int MAX_COMMENT_PAGES = 200;

    private final Bitrix24Settings settings;
    private final CrmHttp http;
    private final Optional<CrmHttp> tokenHttp;
    private final Optional<OAuthTokens> tokens;
    private final ObjectMapper json;
    private final Map<String, String> companiesWithoutRequisite = new java.util.concurrent.ConcurrentHashMap<>();

    Bitrix24CrmAdapter(Bitrix24Settings settings, ProviderStateStore state, ObjectMapper json, Clock clock,
                       String nodeId) {
        super(new CrmLinks(state, json), settings.common().commentMax());
        this.settings = settings;
        this.json = json;
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.common().timeout()).build();
        RateLimiter limiter = new RateLimiter(settings.burst(),
                Duration.ofMillis(settings.burst() * 1000L / settings.perSecond()), clock);
        if (settings.oauth().isPresent()) {
            Bitrix24Settings.OAuth oauth = settings.oauth().get();
            OAuthTokens pair = new OAuthTokens("Bitrix24", new OAuthTokens.Options(oauth.leaseTime(),
                    oauth.leasePoll(), oauth.secrets()), state, json, clock, nodeId, this::exchange);
            this.tokens = Optional.of(pair);
            this.tokenHttp = Optional.of(new CrmHttp("Bitrix24", client, json, limiter,
                    settings.common().httpOptions(), CrmHttp.Auth.NONE, pair::secrets, clock));
            this.http = new CrmHttp("Bitrix24", client, json, limiter, settings.common().httpOptions(),
                    pair.queryParameter("auth"), pair::secrets, clock);
        } else {
            List<String> secrets = settings.secrets();
            this.tokens = Optional.empty();
            this.tokenHttp = Optional.empty();
            this.http = new CrmHttp("Bitrix24", client, json, limiter, settings.common().httpOptions(),
                    CrmHttp.Auth.NONE, () -> secrets, clock);
        }
    }

    /**
     * Exchanges the stored refresh token, or the configured start-up grant, at the OAuth server:
     * {@code GET /oauth/token/?grant_type=refresh_token&client_id=…&client_secret=…&refresh_token=…}.
     */
    private OAuthTokens.Grant exchange(Optional<String> stored) {
        Bitrix24Settings.OAuth oauth = settings.oauth().orElseThrow();
        String grant;
        if (stored.isPresent()) {
            grant = "grant_type=refresh_token&refresh_token=" + enc(stored.get());
        } else if (oauth.authorizationCode().isPresent()) {
            grant = "grant_type=authorization_code&code=" + enc(oauth.authorizationCode().get());
        } else if (oauth.refreshToken().isPresent()) {
            grant = "grant_type=refresh_token&refresh_token=" + enc(oauth.refreshToken().get());
        } else {
            throw new CrmUnavailableException("Bitrix24 has no token pair stored yet: set " + Bitrix24Settings.PREFIX
                    + "authorization-code or " + Bitrix24Settings.PREFIX + "refresh-token");
        }
        URI uri = URI.create(oauth.server() + "/oauth/token/?" + grant + "&client_id=" + enc(oauth.clientId())
                + "&client_secret=" + enc(oauth.clientSecret()));
        JsonNode answer;
        try {
            answer = tokenHttp.orElseThrow().call("GET", uri, null, "GET oauth/token");
        } catch (CrmRejectedException e) {
            throw new CrmUnavailableException("Bitrix24 refused the token refresh, install or authorize the app "
                    + "again: " + e.getMessage());
        }
        return new OAuthTokens.Grant(answer.path("access_token").asText(""), answer.path("refresh_token").asText(""),
                Duration.ofSeconds(answer.path("expires_in").asLong(3600)));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Calls a REST method; its answer's {@code result}. */
    private JsonNode call(String method, ObjectNode params) {
        return callFull(method, params).path("result");
    }

    private JsonNode callFull(String method, ObjectNode params) {
        return http.call("POST", settings.rest().resolve(method + ".json"), params, method);
    }

    /** Paused while Bitrix24 asked to wait, the rate limit is spent, or another engine is refreshing the pair. */
    @Override
    public Optional<java.time.Instant> pausedUntil() {
        return java.util.stream.Stream.of(http.pausedUntil(), tokenHttp.flatMap(CrmHttp::pausedUntil),
                tokens.flatMap(OAuthTokens::waitUntil)).flatMap(Optional::stream).max(java.time.Instant::compareTo);
    }

    private boolean items() {
        return settings.entityTypeId().isPresent();
    }

    // ---- mirroring ------------------------------------------------------------------------------------------

    @Override
    protected Optional<String> findObject(CrmChange change) {
        ObjectNode params = json.createObjectNode();
        if (items()) {
            params.put("entityTypeId", settings.entityTypeId().get());
            ObjectNode filter = params.putObject("filter").put("=" + settings.requestField(), requestKey(change));
            categoryId().ifPresent(id -> filter.put("categoryId", id));
            params.putArray("select").add("id");
            JsonNode found = call("crm.item.list", params).path("items");
            return found.isArray() && !found.isEmpty() ? Optional.of(found.get(0).path("id").asText())
                    : Optional.empty();
        }
        params.putObject("filter").put("=" + settings.requestField(), requestKey(change))
                .put("CATEGORY_ID", settings.category());
        params.putArray("select").add("ID");
        JsonNode found = call("crm.deal.list", params);
        return found.isArray() && !found.isEmpty() ? Optional.of(found.get(0).path("ID").asText()) : Optional.empty();
    }

    @Override
    protected String createObject(CrmChange change, Customer customer) {
        Request request = change.request();
        ObjectNode params = json.createObjectNode();
        ObjectNode fields = objectFields(change);
        if (items()) {
            params.put("entityTypeId", settings.entityTypeId().get());
            fields.put("title", request.subject());
            categoryId().ifPresent(id -> fields.put("categoryId", id));
            fields.put(settings.requestField(), requestKey(change));
            customer.contact().ifPresent(id -> fields.putArray("contactIds").add(Long.parseLong(id)));
            customer.company().ifPresent(id -> fields.put("companyId", Long.parseLong(id)));
            params.set("fields", fields);
            return call("crm.item.add", params).path("item").path("id").asText();
        }
        fields.put("TITLE", request.subject());
        fields.put("COMMENTS", request.description());
        fields.put("CATEGORY_ID", settings.category());
        fields.put(settings.requestField(), requestKey(change));
        customer.contact().ifPresent(id -> fields.put("CONTACT_ID", id));
        customer.company().ifPresent(id -> fields.put("COMPANY_ID", id));
        params.set("fields", fields);
        params.putObject("params").put("REGISTER_SONET_EVENT", "N");
        return call("crm.deal.add", params).asText();
    }

    @Override
    protected void updateObject(String object, CrmChange change) {
        ObjectNode params = json.createObjectNode();
        if (items()) {
            params.put("entityTypeId", settings.entityTypeId().get());
            params.put("id", Long.parseLong(object));
            params.set("fields", objectFields(change));
            call("crm.item.update", params);
            return;
        }
        params.put("id", object);
        params.set("fields", objectFields(change));
        params.putObject("params").put("REGISTER_SONET_EVENT", "N");
        call("crm.deal.update", params);
    }

    @Override
    protected void addComment(String object, String text) {
        ObjectNode params = json.createObjectNode();
        params.putObject("fields").put("ENTITY_ID", object).put("ENTITY_TYPE", settings.commentEntityType())
                .put("COMMENT", text);
        call("crm.timeline.comment.add", params);
    }

    /** Pages through {@code crm.timeline.comment.list} of the object (50 a page) looking for the marker. */
    @Override
    protected boolean hasComment(String object, String marker) {
        int start = 0;
        for (int page = 0; page < MAX_COMMENT_PAGES; page++) {
            ObjectNode params = json.createObjectNode();
            params.putObject("filter").put("ENTITY_ID", object).put("ENTITY_TYPE", settings.commentEntityType());
            params.putArray("select").add("ID").add("COMMENT");
            params.put("start", start);
            JsonNode answer = callFull("crm.timeline.comment.list", params);
            for (JsonNode comment : answer.path("result")) {
                if (comment.path("COMMENT").asText("").contains(marker)) {
                    return true;
                }
            }
            JsonNode next = answer.path("next");
            if (next.isMissingNode() || next.isNull()) {
                return false;
            }
            start = next.asInt();
        }
        return false;
    }

    /** The smart process's category, when one other than the default is configured. */
    private Optional<Long> categoryId() {
        return "0".equals(settings.category()) ? Optional.empty() : Optional.of(Long.parseLong(settings.category()));
    }

    /** Stage, responsible, priority field (and the deal's CLOSED flag), in the deal's or the item's field names. */
    private ObjectNode objectFields(CrmChange change) {
        Request request = change.request();
        ObjectNode fields = json.createObjectNode();
        fields.put(items() ? "stageId" : "STAGE_ID", settings.stage(request.status()));
        request.assignee().map(id -> settings.users().get(id.value()))
                .ifPresent(user -> fields.put(items() ? "assignedById" : "ASSIGNED_BY_ID", user));
        settings.priorityField().ifPresent(field -> fields.put(field, request.priority().name()));
        if (request.status().isTerminal() && !items()) {
            fields.put("CLOSED", "Y");
        }
        return fields;
    }

    private static String requestKey(CrmChange change) {
        return change.request().tenant().value() + ":" + change.request().id().value();
    }

    // ---- customers ------------------------------------------------------------------------------------------

    /**
     * Creates a company, then its requisite with the INN. A company whose requisite call failed is remembered, so
     * the retry adds only the requisite instead of a second company.
     */
    @Override
    protected String createCompany(String name, Optional<String> taxNumber) {
        String key = name + "\u0000" + taxNumber.orElse("");
        String id = companiesWithoutRequisite.get(key);
        if (id == null) {
            ObjectNode params = json.createObjectNode();
            params.putObject("fields").put("TITLE", name);
            id = call("crm.company.add", params).asText();
            companiesWithoutRequisite.put(key, id);
        }
        if (taxNumber.isPresent()) {
            ObjectNode requisite = json.createObjectNode();
            requisite.putObject("fields").put("ENTITY_TYPE_ID", COMPANY_TYPE).put("ENTITY_ID", id)
                    .put("PRESET_ID", settings.requisitePreset()).put("NAME", name).put("RQ_INN", taxNumber.get());
            call("crm.requisite.add", requisite);
        }
        companiesWithoutRequisite.remove(key);
        return id;
    }

    @Override
    protected String createContact(String firstName, Optional<String> lastName, Optional<String> phone,
                                   Optional<String> email, Optional<String> company) {
        ObjectNode params = json.createObjectNode();
        ObjectNode fields = params.putObject("fields");
        fields.put("NAME", firstName);
        lastName.ifPresent(name -> fields.put("LAST_NAME", name));
        phone.ifPresent(value -> fields.putArray("PHONE").addObject().put("VALUE", value).put("VALUE_TYPE", "WORK"));
        email.ifPresent(value -> fields.putArray("EMAIL").addObject().put("VALUE", value).put("VALUE_TYPE", "WORK"));
        company.ifPresent(id -> fields.put("COMPANY_ID", id));
        return call("crm.contact.add", params).asText();
    }

    @Override
    protected Optional<String> companyByTaxNumber(String taxNumber) {
        ObjectNode params = json.createObjectNode();
        params.putObject("filter").put("ENTITY_TYPE_ID", COMPANY_TYPE).put("RQ_INN", taxNumber);
        params.putArray("select").add("ENTITY_ID").add("RQ_INN");
        JsonNode found = call("crm.requisite.list", params);
        return found.isArray() && !found.isEmpty() ? Optional.of(found.get(0).path("ENTITY_ID").asText())
                : Optional.empty();
    }

    @Override
    protected Optional<CrmParty> contactByPhoneOrEmail(String phoneOrEmail) {
        String value = phoneOrEmail.strip();
        ObjectNode params = json.createObjectNode();
        params.put("entity_type", "CONTACT").put("type", value.contains("@") ? "EMAIL" : "PHONE");
        params.putArray("values").add(value);
        JsonNode ids = call("crm.duplicate.findbycomm", params).path("CONTACT");
        if (!ids.isArray() || ids.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode get = json.createObjectNode().put("id", ids.get(0).asText());
        JsonNode contact = call("crm.contact.get", get);
        String companyId = contact.path("COMPANY_ID").asText("");
        Map<String, JsonNode> companies = companies(companyId.isBlank() || "0".equals(companyId) ? Set.of()
                : Set.of(companyId));
        return Optional.of(party(contact, companies));
    }

    /** Companies by id, each with its title and the INN of its first requisite. */
    private Map<String, JsonNode> companies(Set<String> ids) {
        Map<String, JsonNode> companies = new HashMap<>();
        if (ids.isEmpty()) {
            return companies;
        }
        ObjectNode list = json.createObjectNode();
        ArrayNode wanted = list.putObject("filter").putArray("@ID");
        ids.forEach(wanted::add);
        list.putArray("select").add("ID").add("TITLE");
        for (JsonNode company : call("crm.company.list", list)) {
            companies.put(company.path("ID").asText(), company.deepCopy());
        }
        ObjectNode requisites = json.createObjectNode();
        ObjectNode filter = requisites.putObject("filter").put("ENTITY_TYPE_ID", COMPANY_TYPE);
        ArrayNode owners = filter.putArray("@ENTITY_ID");
        ids.forEach(owners::add);
        requisites.putArray("select").add("ENTITY_ID").add("RQ_INN");
        for (JsonNode requisite : call("crm.requisite.list", requisites)) {
            JsonNode company = companies.get(requisite.path("ENTITY_ID").asText());
            if (company instanceof ObjectNode node && !node.has("RQ_INN")) {
                node.put("RQ_INN", requisite.path("RQ_INN").asText(""));
            }
        }
        return companies;
    }

    private static CrmParty party(JsonNode contact, Map<String, JsonNode> companies) {
        String name = (contact.path("NAME").asText("") + " " + contact.path("LAST_NAME").asText("")).strip();
        JsonNode company = companies.get(contact.path("COMPANY_ID").asText(""));
        return CrmParty.builder().crmContactId(contact.path("ID").asText()).contactName(name)
                .phone(contact.path("PHONE").path(0).path("VALUE").asText(""))
                .email(contact.path("EMAIL").path(0).path("VALUE").asText(""))
                .crmCompanyId(company == null ? null : company.path("ID").asText())
                .companyName(company == null ? null : company.path("TITLE").asText(""))
                .taxNumber(company == null ? null : company.path("RQ_INN").asText("")).build();
    }

    @Override
    public CrmDirectoryPage directoryPage(TenantId tenant, Optional<String> cursor) {
        ObjectNode params = json.createObjectNode();
        params.putObject("order").put("ID", "ASC");
        params.putArray("select").add("ID").add("NAME").add("LAST_NAME").add("PHONE").add("EMAIL").add("COMPANY_ID");
        params.put("start", cursor.map(Integer::parseInt).orElse(0));
        JsonNode page = callFull("crm.contact.list", params);
        Set<String> companyIds = new LinkedHashSet<>();
        for (JsonNode contact : page.path("result")) {
            String company = contact.path("COMPANY_ID").asText("");
            if (!company.isBlank() && !"0".equals(company)) {
                companyIds.add(company);
            }
        }
        Map<String, JsonNode> companies = companies(companyIds);
        List<CrmParty> parties = new ArrayList<>();
        for (JsonNode contact : page.path("result")) {
            parties.add(party(contact, companies));
        }
        JsonNode next = page.path("next");
        return new CrmDirectoryPage(parties, next.isMissingNode() || next.isNull() ? Optional.empty()
                : Optional.of(next.asText()));
    }
}
