package dev.supportkit.crm.bitrix24;

import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.crm.common.CommonSettings;
import dev.supportkit.crm.common.OAuthTokens;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Bitrix24 adapter's settings under {@code supportkit.providers.bitrix24.}.
 *
 * @param rest           where the REST methods are: the inbound webhook's URL (secret: it holds the webhook's key)
 *                       or, for a marketplace app, the portal's {@code /rest/}; ending with {@code /}
 * @param oauth          the marketplace app's OAuth settings, when {@code auth} is {@code oauth}
 * @param entityTypeId   the smart process requests are mirrored as items of, when set (else deals)
 * @param category       the deal pipeline (category) id
 * @param requestField   the deal user field holding the SupportKit request id
 * @param priorityField  the deal user field the priority goes to, when set
 * @param users          Bitrix24 user id per SupportKit specialist id
 * @param requisitePreset the requisite preset of new companies' INN
 * @param perSecond      calls per second
 * @param burst          calls allowed at once
 * @param common         the settings every CRM adapter has
 */
record Bitrix24Settings(URI rest, Optional<OAuth> oauth, Optional<Integer> entityTypeId, String category,
                        String requestField, Optional<String> priorityField, Map<String, String> users,
                        int requisitePreset, int perSecond, int burst, CommonSettings common) {

    /**
     * A marketplace (or local) app's OAuth 2.0 settings.
     *
     * @param server            the OAuth server, {@code https://oauth.bitrix.info}
     * @param clientId          the app's client id
     * @param clientSecret      the app's client secret
     * @param authorizationCode a one-time code to start from when no pair is stored
     * @param refreshToken      a refresh token to start from when no pair is stored
     * @param leaseTime         how long one engine may hold the right to refresh
     * @param leasePoll         how soon an engine that found another's refresh tries again
     */
    record OAuth(URI server, String clientId, String clientSecret, Optional<String> authorizationCode,
                 Optional<String> refreshToken, java.time.Duration leaseTime, java.time.Duration leasePoll) {
        /** @return the fixed secrets to mask */
        List<String> secrets() {
            List<String> secrets = new ArrayList<>(List.of(clientSecret));
            authorizationCode.ifPresent(secrets::add);
            refreshToken.ifPresent(secrets::add);
            return secrets;
        }
    }

    static final String PREFIX = "supportkit.providers." + Bitrix24CrmFactory.ID + ".";

    static final Setting<String> AUTH = Setting.string("auth").defaultValue("webhook")
            .description("how the adapter signs in: webhook (an inbound webhook's URL) or oauth (a marketplace or "
                    + "local app's OAuth 2.0 token pair, refreshed and kept in the provider state)").build();
    static final Setting<String> WEBHOOK = Setting.string("webhook-url").secret()
            .description("the inbound webhook's URL, https://<portal>.bitrix24.ru/rest/<user>/<key>/ (scope crm); "
                    + "required with auth webhook").build();
    static final Setting<String> PORTAL = Setting.string("portal-url")
            .description("the portal's address, https://<portal>.bitrix24.ru; required with auth oauth").build();
    static final Setting<String> OAUTH_SERVER = Setting.string("oauth-server").defaultValue("https://oauth.bitrix.info")
            .description("the OAuth server that issues and refreshes tokens").build();
    static final Setting<String> CLIENT_ID = Setting.string("client-id")
            .description("the app's client_id (application code); required with auth oauth").build();
    static final Setting<String> CLIENT_SECRET = Setting.string("client-secret").secret()
            .description("the app's client_secret (application key); required with auth oauth").build();
    static final Setting<String> AUTHORIZATION_CODE = Setting.string("authorization-code").secret()
            .description("a one-time authorization code (valid 30 seconds) to start from when no token pair is "
                    + "stored yet").build();
    static final Setting<String> REFRESH_TOKEN = Setting.string("refresh-token").secret()
            .description("a refresh token to start from when no token pair is stored yet (e.g. from the app's "
                    + "installation event); used once, then the stored pair rotates").build();
    static final Setting<Integer> ENTITY_TYPE_ID = Setting.integer("entity-type-id").atLeast(128)
            .description("mirror requests as items of this smart process (its entityTypeId, crm.type.list) through "
                    + "crm.item.*; unset: as deals").build();
    static final Setting<String> CATEGORY = Setting.string("category").defaultValue("0")
            .description("the id of the deal pipeline (category) requests go to").build();
    static final Setting<String> STAGES = Setting.string("stages")
            .defaultValue("REGISTERED=NEW;IN_PROGRESS_FIRST_LINE=PREPARATION;AT_INTAKE_LEAD=PREPARATION;"
                    + "AT_SECOND_LINE=EXECUTING;WAITING_FOR_CUSTOMER=PREPAYMENT_INVOICE;RESOLVED=FINAL_INVOICE;"
                    + "SIGNED_OFF=WON;CLOSED=WON")
            .description("the deal stage id of every request status, STATUS=stage separated by ';' (in a "
                    + "category other than 0 the ids look like C5:NEW)").build();
    static final Setting<String> REQUEST_FIELD = Setting.string("request-id-field")
            .defaultValue("UF_CRM_SUPPORTKIT_ID")
            .description("the deal user field (string, create it) holding the SupportKit request id, searched "
                    + "before creating a deal").build();
    static final Setting<String> PRIORITY_FIELD = Setting.string("priority-field").defaultValue("")
            .description("a deal user field (string) the priority is written to; empty: not mirrored").build();
    static final Setting<String> USERS = Setting.string("users").defaultValue("")
            .description("Bitrix24 user id of SupportKit specialists, specialist=user separated by ';'; an assignee "
                    + "not listed leaves the deal's responsible unchanged").build();
    static final Setting<Integer> REQUISITE_PRESET = Setting.integer("requisite-preset").range(1, 1_000_000)
            .defaultValue(1).description("the requisite preset a new company's INN is stored with").build();
    static final Setting<Integer> PER_SECOND = Setting.integer("requests-per-second").range(1, 50).defaultValue(2)
            .description("calls per second (Bitrix24 drains its leaky bucket by 2 a second, 5 on Enterprise)")
            .build();
    static final Setting<Integer> BURST = Setting.integer("burst").range(1, 250).defaultValue(10)
            .description("calls allowed at once before the per-second pace applies (Bitrix24 blocks above 50 "
                    + "queued, 250 on Enterprise)").build();
    static final Setting<Integer> COMMENT_MAX = Setting.integer("comment-max-length").range(100, 1_000_000)
            .defaultValue(20_000).description("the longest timeline comment sent; longer texts are cut, saying so")
            .build();

    static final List<Setting<?>> SETTINGS;

    static {
        SETTINGS = CommonSettings.withShared(List.of(AUTH, WEBHOOK, PORTAL, OAUTH_SERVER, CLIENT_ID, CLIENT_SECRET,
                AUTHORIZATION_CODE, REFRESH_TOKEN, OAuthTokens.LEASE_TIME, OAuthTokens.LEASE_POLL, ENTITY_TYPE_ID,
                CATEGORY, REQUEST_FIELD, PRIORITY_FIELD, USERS, REQUISITE_PRESET, PER_SECOND, BURST), COMMENT_MAX,
                STAGES);
    }

    static Bitrix24Settings parse(ProviderSettings settings) {
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        String auth = reader.get(AUTH).strip().toLowerCase(java.util.Locale.ROOT);
        Optional<OAuth> oauth = Optional.empty();
        URI rest = null;
        if (auth.equals("oauth")) {
            URI portal = httpUrl(reader, PORTAL, "https://<portal>.bitrix24.ru", true);
            URI server = httpUrl(reader, OAUTH_SERVER, "https://oauth.bitrix.info", true);
            String clientId = reader.get(CLIENT_ID);
            String clientSecret = reader.get(CLIENT_SECRET);
            if (clientId == null || clientId.isBlank()) {
                reader.problem(CLIENT_ID, "is required with auth oauth");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                reader.problem(CLIENT_SECRET, "is required with auth oauth");
            }
            rest = portal == null ? null : URI.create(portal.toString().replaceAll("/+$", "") + "/rest/");
            oauth = Optional.of(new OAuth(server, clientId, clientSecret == null ? "" : clientSecret,
                    reader.optional(AUTHORIZATION_CODE), reader.optional(REFRESH_TOKEN),
                    reader.get(OAuthTokens.LEASE_TIME), reader.get(OAuthTokens.LEASE_POLL)));
        } else if (!auth.equals("webhook")) {
            reader.problem(AUTH, "must be webhook or oauth, was '" + auth + "'");
        }
        String raw = reader.get(WEBHOOK);
        URI webhook = null;
        if (auth.equals("webhook") && raw == null) {
            reader.problem(WEBHOOK, "is required with auth webhook");
        }
        if (auth.equals("webhook") && raw != null) {
            try {
                webhook = URI.create(raw.endsWith("/") ? raw : raw + "/");
                if (webhook.getScheme() == null || !webhook.getScheme().startsWith("http") || webhook.getHost() == null
                        || !webhook.getPath().contains("/rest/")) {
                    webhook = null;
                }
            } catch (IllegalArgumentException e) {
                webhook = null;
            }
            if (webhook == null) {
                // never echo the value: it holds the webhook's key
                reader.problem(WEBHOOK, "must be an http(s) URL like https://<portal>.bitrix24.ru/rest/<user>/<key>/");
            }
        }
        Map<String, String> users = CommonSettings.specialistIds(reader, USERS, "user");
        String priority = reader.get(PRIORITY_FIELD);
        Optional<Integer> entityTypeId = reader.optional(ENTITY_TYPE_ID);
        String requestField = reader.get(REQUEST_FIELD);
        if (entityTypeId.isPresent() && requestField.startsWith("UF_CRM_")) {
            reader.problem(REQUEST_FIELD, "must name the smart process's field as crm.item.fields shows it (e.g. "
                    + "ufCrm" + entityTypeId.get() + "_SupportkitId), not as a deal field '" + requestField + "'");
        }
        if (!reader.get(CATEGORY).matches("[0-9]+")) {
            reader.problem(CATEGORY, "must be a pipeline (category) id, a number, was '" + reader.get(CATEGORY) + "'");
        }
        CommonSettings common = CommonSettings.read(reader, COMMENT_MAX, STAGES);
        Bitrix24Settings parsed = new Bitrix24Settings(auth.equals("oauth") ? rest : webhook, oauth, entityTypeId,
                reader.get(CATEGORY), requestField,
                priority.isBlank() ? Optional.empty() : Optional.of(priority.strip()), Map.copyOf(users),
                reader.get(REQUISITE_PRESET), reader.get(PER_SECOND), reader.get(BURST), common);
        reader.throwIfProblems();
        return parsed;
    }

    /** An http(s) URL setting without its trailing slashes, or null after reporting a problem. */
    private static URI httpUrl(SettingsReader reader, Setting<String> setting, String example, boolean required) {
        String raw = reader.get(setting);
        if (raw == null || raw.isBlank()) {
            if (required) {
                reader.problem(setting, "is required with auth oauth");
            }
            return null;
        }
        try {
            URI uri = URI.create(raw.strip().replaceAll("/+$", ""));
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        reader.problem(setting, "must be an http(s) URL like " + example + ", was '" + raw + "'");
        return null;
    }

    /** @return the ENTITY_TYPE of the timeline comments: {@code deal}, or {@code dynamic_<entityTypeId>} */
    String commentEntityType() {
        return entityTypeId.map(id -> "dynamic_" + id).orElse("deal");
    }

    String stage(RequestStatus status) {
        return common.stages().get(status);
    }

    /** The parts of the webhook URL that must never be shown: the URL itself and its key (none with OAuth). */
    List<String> secrets() {
        if (oauth.isPresent()) {
            return oauth.get().secrets();
        }
        String url = rest.toString();
        String[] segments = rest.getPath().split("/");
        String key = segments.length > 0 ? segments[segments.length - 1] : url;
        return List.of(url, url.substring(0, url.length() - 1), key);
    }

    @Override
    public String toString() {
        return "Bitrix24Settings[" + (oauth.isPresent() ? "oauth, portal=" + rest : "webhook-url=****")
                + ", entity-type-id=" + entityTypeId.map(String::valueOf).orElse("deals") + ", category=" + category
                + ", stages=" + common.stages() + "]";
    }
}
