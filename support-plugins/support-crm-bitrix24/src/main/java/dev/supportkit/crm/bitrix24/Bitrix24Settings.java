package dev.supportkit.crm.bitrix24;

import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.crm.common.CommonSettings;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Bitrix24 adapter's settings under {@code supportkit.providers.bitrix24.}.
 *
 * @param webhook        the inbound webhook's URL, ending with {@code /} (secret: it holds the webhook's key)
 * @param category       the deal pipeline (category) id
 * @param requestField   the deal user field holding the SupportKit request id
 * @param priorityField  the deal user field the priority goes to, when set
 * @param users          Bitrix24 user id per SupportKit specialist id
 * @param requisitePreset the requisite preset of new companies' INN
 * @param perSecond      calls per second
 * @param burst          calls allowed at once
 * @param common         the settings every CRM adapter has
 */
record Bitrix24Settings(URI webhook, String category, String requestField, Optional<String> priorityField,
                        Map<String, String> users, int requisitePreset, int perSecond, int burst,
                        CommonSettings common) {

    static final String PREFIX = "supportkit.providers." + Bitrix24CrmFactory.ID + ".";

    static final Setting<String> WEBHOOK = Setting.string("webhook-url").required().secret()
            .description("the inbound webhook's URL, https://<portal>.bitrix24.ru/rest/<user>/<key>/ (scope crm)")
            .build();
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
        List<Setting<?>> all = new ArrayList<>(List.of(WEBHOOK, CATEGORY, REQUEST_FIELD, PRIORITY_FIELD, USERS,
                REQUISITE_PRESET, PER_SECOND, BURST));
        all.addAll(CommonSettings.shared(COMMENT_MAX, STAGES));
        SETTINGS = List.copyOf(all);
    }

    static Bitrix24Settings parse(ProviderSettings settings) {
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        String raw = reader.get(WEBHOOK);
        URI webhook = null;
        if (raw != null) {
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
        Map<String, String> users = new HashMap<>();
        for (String pair : reader.get(USERS).split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                reader.problem(USERS, "must be specialist=user pairs separated by ';', was '" + pair + "'");
            } else {
                users.put(parts[0].strip(), parts[1].strip());
            }
        }
        String priority = reader.get(PRIORITY_FIELD);
        CommonSettings common = CommonSettings.read(reader, COMMENT_MAX, STAGES);
        Bitrix24Settings parsed = new Bitrix24Settings(webhook, reader.get(CATEGORY), reader.get(REQUEST_FIELD),
                priority.isBlank() ? Optional.empty() : Optional.of(priority.strip()), Map.copyOf(users),
                reader.get(REQUISITE_PRESET), reader.get(PER_SECOND), reader.get(BURST), common);
        reader.throwIfProblems();
        return parsed;
    }

    String stage(RequestStatus status) {
        return common.stages().get(status);
    }

    /** The parts of the webhook URL that must never be shown: the URL itself and its key. */
    List<String> secrets() {
        String url = webhook.toString();
        String[] segments = webhook.getPath().split("/");
        String key = segments.length > 0 ? segments[segments.length - 1] : url;
        return List.of(url, url.substring(0, url.length() - 1), key);
    }

    @Override
    public String toString() {
        return "Bitrix24Settings[webhook-url=****, category=" + category + ", stages=" + common.stages() + "]";
    }
}
