package dev.supportkit.crm.amocrm;

import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.crm.common.CommonSettings;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The amoCRM adapter's settings under {@code supportkit.providers.amocrm.}.
 *
 * @param baseUrl          the account's address, e.g. {@code https://example.amocrm.ru}
 * @param clientId         the integration's id
 * @param clientSecret     the integration's secret key (secret)
 * @param redirectUri      the integration's redirect URI
 * @param authorizationCode a one-time code to start from, when no token pair is stored yet (secret)
 * @param refreshToken     a refresh token to start from, when no token pair is stored yet (secret)
 * @param pipelineId       the pipeline leads go to
 * @param requestFieldId   the lead custom field holding the SupportKit request id
 * @param priorityFieldId  the lead custom field the priority goes to, when set
 * @param innFieldId       the company custom field holding the INN, when set
 * @param users            amoCRM user id per SupportKit specialist id
 * @param perSecond        calls per second
 * @param leaseTime        how long one engine may hold the right to refresh the token pair
 * @param leasePoll        how soon an engine that found another's refresh in progress tries again
 * @param common           the settings every CRM adapter has
 */
record AmoSettings(URI baseUrl, String clientId, String clientSecret, String redirectUri,
                   Optional<String> authorizationCode, Optional<String> refreshToken, long pipelineId,
                   long requestFieldId, Optional<Long> priorityFieldId, Optional<Long> innFieldId,
                   Map<String, Long> users, int perSecond, Duration leaseTime, Duration leasePoll,
                   CommonSettings common) {

    static final String PREFIX = "supportkit.providers." + AmoCrmFactory.ID + ".";

    static final Setting<String> BASE_URL = Setting.string("base-url").required()
            .description("the account's address, https://<subdomain>.amocrm.ru").build();
    static final Setting<String> CLIENT_ID = Setting.string("client-id").required()
            .description("the integration's ID").build();
    static final Setting<String> CLIENT_SECRET = Setting.string("client-secret").required().secret()
            .description("the integration's secret key").build();
    static final Setting<String> REDIRECT_URI = Setting.string("redirect-uri").required()
            .description("the integration's redirect URI, as registered").build();
    static final Setting<String> AUTHORIZATION_CODE = Setting.string("authorization-code").secret()
            .description("a one-time authorization code (valid 20 minutes) to start from when no token pair is "
                    + "stored yet").build();
    static final Setting<String> REFRESH_TOKEN = Setting.string("refresh-token").secret()
            .description("a refresh token to start from when no token pair is stored yet; used once, then the "
                    + "stored pair rotates").build();
    static final Setting<Integer> PIPELINE = Setting.integer("pipeline-id").required().atLeast(1)
            .description("the id of the pipeline leads go to").build();
    static final Setting<String> STAGES = Setting.string("stages").required()
            .description("the lead status id of every request status, STATUS=id separated by ';' (142 is the "
                    + "successful close of every pipeline)").build();
    static final Setting<Integer> REQUEST_FIELD = Setting.integer("request-id-field-id").required().atLeast(1)
            .description("the lead custom field (text, create it) holding the SupportKit request id, searched "
                    + "before creating a lead").build();
    static final Setting<Integer> PRIORITY_FIELD = Setting.integer("priority-field-id").atLeast(1)
            .description("a lead custom field (text) the priority is written to; unset: not mirrored").build();
    static final Setting<Integer> INN_FIELD = Setting.integer("inn-field-id").atLeast(1)
            .description("the company custom field holding the INN companies are matched by; unset: by contact "
                    + "only").build();
    static final Setting<String> USERS = Setting.string("users").defaultValue("")
            .description("amoCRM user id of SupportKit specialists, specialist=user separated by ';'").build();
    static final Setting<Integer> PER_SECOND = Setting.integer("requests-per-second").range(1, 7).defaultValue(7)
            .description("calls per second (amoCRM allows 7)").build();
    static final Setting<Duration> LEASE_TIME = dev.supportkit.crm.common.OAuthTokens.LEASE_TIME;
    static final Setting<Duration> LEASE_POLL = dev.supportkit.crm.common.OAuthTokens.LEASE_POLL;
    static final Setting<Integer> COMMENT_MAX = Setting.integer("comment-max-length").range(100, 1_000_000)
            .defaultValue(20_000).description("the longest note text sent; longer texts are cut, saying so").build();

    static final List<Setting<?>> SETTINGS;

    static {
        SETTINGS = CommonSettings.withShared(List.of(BASE_URL, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI,
                AUTHORIZATION_CODE, REFRESH_TOKEN, PIPELINE, REQUEST_FIELD, PRIORITY_FIELD, INN_FIELD, USERS,
                PER_SECOND, LEASE_TIME, LEASE_POLL), COMMENT_MAX, STAGES);
    }

    static AmoSettings parse(ProviderSettings settings) {
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        URI base = CommonSettings.httpUrl(reader, BASE_URL, "https://example.amocrm.ru");
        Map<String, Long> users = new HashMap<>();
        for (String pair : reader.get(USERS).split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            try {
                users.put(parts[0].strip(), Long.parseLong(parts[1].strip()));
            } catch (RuntimeException e) {
                reader.problem(USERS, "must be specialist=user-id pairs separated by ';', was '" + pair + "'");
            }
        }
        CommonSettings common = CommonSettings.read(reader, COMMENT_MAX, STAGES);
        for (Map.Entry<RequestStatus, String> stage : common.stages().entrySet()) {
            if (!stage.getValue().matches("[0-9]+")) {
                reader.problem(STAGES, "must map " + stage.getKey() + " to a numeric status id, was '"
                        + stage.getValue() + "'");
            }
        }
        Integer pipeline = reader.get(PIPELINE);
        Integer requestField = reader.get(REQUEST_FIELD);
        AmoSettings parsed = new AmoSettings(base, reader.get(CLIENT_ID), reader.get(CLIENT_SECRET),
                reader.get(REDIRECT_URI), reader.optional(AUTHORIZATION_CODE), reader.optional(REFRESH_TOKEN),
                pipeline == null ? 0 : pipeline, requestField == null ? 0 : requestField,
                reader.optional(PRIORITY_FIELD).map(Integer::longValue), reader.optional(INN_FIELD).map(Integer::longValue),
                Map.copyOf(users), reader.get(PER_SECOND), reader.get(LEASE_TIME), reader.get(LEASE_POLL), common);
        reader.throwIfProblems();
        return parsed;
    }

    long status(RequestStatus status) {
        return Long.parseLong(common.stages().get(status));
    }

    @Override
    public String toString() {
        return "AmoSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + ", client-secret=****, pipeline="
                + pipelineId + "]";
    }
}
