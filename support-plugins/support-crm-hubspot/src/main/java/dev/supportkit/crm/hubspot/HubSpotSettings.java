package dev.supportkit.crm.hubspot;

import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.crm.common.CommonSettings;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The HubSpot adapter's settings under {@code supportkit.providers.hubspot.}.
 *
 * @param token            the private app's access token (secret)
 * @param baseUrl          the API's address
 * @param pipeline         the ticket pipeline's id
 * @param requestProperty  the ticket property holding the SupportKit request id
 * @param taxProperty      the company property holding the INN
 * @param owners           HubSpot owner id per SupportKit specialist id
 * @param burst            calls allowed per 10 seconds
 * @param searchPerSecond  search calls allowed per second
 * @param common           the settings every CRM adapter has
 */
record HubSpotSettings(String token, URI baseUrl, String pipeline, String requestProperty, String taxProperty,
                       Map<String, String> owners, int burst, int searchPerSecond, CommonSettings common) {

    static final String PREFIX = "supportkit.providers." + HubSpotCrmFactory.ID + ".";

    static final Setting<String> TOKEN = Setting.string("token").required().secret()
            .description("the private app's access token (scopes: tickets, crm.objects.contacts.read/write, "
                    + "crm.objects.companies.read/write)").build();
    static final Setting<String> BASE_URL = Setting.string("base-url").defaultValue("https://api.hubapi.com")
            .description("the API's address").build();
    static final Setting<String> PIPELINE = Setting.string("pipeline").defaultValue("0")
            .description("the id of the ticket pipeline requests go to").build();
    static final Setting<String> STAGES = Setting.string("stages")
            .defaultValue("REGISTERED=1;IN_PROGRESS_FIRST_LINE=3;AT_INTAKE_LEAD=3;AT_SECOND_LINE=3;"
                    + "WAITING_FOR_CUSTOMER=2;RESOLVED=4;SIGNED_OFF=4;CLOSED=4")
            .description("the pipeline stage id of every request status, STATUS=stage separated by ';' (the "
                    + "default fits HubSpot's default support pipeline)").build();
    static final Setting<String> REQUEST_PROPERTY = Setting.string("request-id-property")
            .defaultValue("supportkit_request_id")
            .description("the ticket property (single-line text, create it in HubSpot) holding the SupportKit "
                    + "request id, searched before creating a ticket").build();
    static final Setting<String> TAX_PROPERTY = Setting.string("company-tax-property").defaultValue("inn")
            .description("the company property holding the tax number (INN) companies are matched by").build();
    static final Setting<String> OWNERS = Setting.string("owners").defaultValue("")
            .description("HubSpot owner id of SupportKit specialists, specialist=owner separated by ';'; an "
                    + "assignee not listed leaves the ticket's owner unchanged").build();
    static final Setting<Integer> BURST = Setting.integer("burst-limit").range(1, 1000).defaultValue(100)
            .description("calls allowed per 10 seconds (HubSpot's burst limit of private apps: 100 on Free and "
                    + "Starter, 190 on Professional and Enterprise)").build();
    static final Setting<Integer> SEARCH_LIMIT = Setting.integer("search-limit").range(1, 100).defaultValue(4)
            .description("CRM search calls allowed per second (HubSpot's search API limit)").build();
    static final Setting<Integer> COMMENT_MAX = Setting.integer("comment-max-length").range(100, 65_536)
            .defaultValue(65_536).description("the longest note body sent; longer texts are cut, saying so").build();

    static final List<Setting<?>> SETTINGS;

    static {
        SETTINGS = CommonSettings.withShared(List.of(TOKEN, BASE_URL, PIPELINE, REQUEST_PROPERTY, TAX_PROPERTY,
                OWNERS, BURST, SEARCH_LIMIT), COMMENT_MAX, STAGES);
    }

    static HubSpotSettings parse(ProviderSettings settings) {
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        String token = reader.get(TOKEN);
        URI base = CommonSettings.httpUrl(reader, BASE_URL, "https://api.hubapi.com");
        Map<String, String> owners = CommonSettings.specialistIds(reader, OWNERS, "owner");
        CommonSettings common = CommonSettings.read(reader, COMMENT_MAX, STAGES);
        HubSpotSettings parsed = new HubSpotSettings(token, base, reader.get(PIPELINE), reader.get(REQUEST_PROPERTY),
                reader.get(TAX_PROPERTY), owners, reader.get(BURST), reader.get(SEARCH_LIMIT), common);
        reader.throwIfProblems();
        return parsed;
    }

    String stage(RequestStatus status) {
        return common.stages().get(status);
    }

    @Override
    public String toString() {
        return "HubSpotSettings[token=****, baseUrl=" + baseUrl + ", pipeline=" + pipeline + ", stages="
                + common.stages() + "]";
    }
}
