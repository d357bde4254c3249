package dev.supportkit.crm.common;

import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings every CRM adapter declares besides its own, and the stage map's parser.
 *
 * @param timeout      connect and response timeout of a call
 * @param firstBackoff the first pause after a failure without Retry-After
 * @param maxBackoff   the longest such pause
 * @param commentMax   the longest comment sent
 * @param stages       the CRM stage of each request status
 */
public record CommonSettings(Duration timeout, Duration firstBackoff, Duration maxBackoff, int commentMax,
                             Map<RequestStatus, String> stages) {

    /** {@code timeout}: connect and response timeout of one call. */
    public static final Setting<Duration> TIMEOUT = Setting.duration("timeout").range(100, 300_000)
            .defaultValue(Duration.ofSeconds(10)).description("connect and response timeout of one call").build();
    /** {@code first-backoff}: the first pause after a failure when the CRM gives no Retry-After. */
    public static final Setting<Duration> FIRST_BACKOFF = Setting.duration("first-backoff").range(1, 600_000)
            .defaultValue(Duration.ofSeconds(1)).description("the first pause of the adapter's pushes after a 429, "
                    + "503, 5xx or network fault without Retry-After, doubled for each failure in a row").build();
    /** {@code max-backoff}: the longest such pause. */
    public static final Setting<Duration> MAX_BACKOFF = Setting.duration("max-backoff").range(1, 86_400_000)
            .defaultValue(Duration.ofMinutes(5)).description("the longest pause without Retry-After (a Retry-After "
                    + "is honoured as given)").build();

    /**
     * The settings shared by every CRM adapter.
     *
     * @param commentMax the setting of the longest comment (CRM-specific default)
     * @param stages     the setting of the stage map (CRM-specific default)
     * @return the list
     */
    public static List<Setting<?>> shared(Setting<Integer> commentMax, Setting<String> stages) {
        return List.of(TIMEOUT, FIRST_BACKOFF, MAX_BACKOFF, commentMax, stages);
    }

    /**
     * An adapter's whole list of settings: its own, then the shared ones.
     *
     * @param own        the adapter's own settings
     * @param commentMax the setting of the longest comment (CRM-specific default)
     * @param stages     the setting of the stage map (CRM-specific default)
     * @return the list
     */
    public static List<Setting<?>> withShared(List<Setting<?>> own, Setting<Integer> commentMax,
                                              Setting<String> stages) {
        List<Setting<?>> all = new ArrayList<>(own);
        all.addAll(shared(commentMax, stages));
        return List.copyOf(all);
    }

    /**
     * Reads the address of a CRM's API: an http(s) URL, one trailing {@code /} dropped.
     *
     * @param reader  the reader problems go to
     * @param setting the setting
     * @param example a valid address, for the problem's text
     * @return the address; null when the setting is unset or not an http(s) URL (then a problem is reported)
     */
    public static URI httpUrl(SettingsReader reader, Setting<String> setting, String example) {
        String raw = reader.get(setting);
        if (raw == null) {
            return null;
        }
        try {
            URI uri = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        reader.problem(setting, "must be an http(s) URL like " + example + ", was '" + raw + "'");
        return null;
    }

    /**
     * Reads a map of specialists to CRM ids: {@code specialist=id} pairs separated by {@code ;}, blanks skipped.
     *
     * @param reader  the reader problems go to
     * @param setting the setting
     * @param idName  what the id is called in the problem's text, e.g. {@code owner}
     * @return the well-formed pairs (a malformed one is reported)
     */
    public static Map<String, String> specialistIds(SettingsReader reader, Setting<String> setting, String idName) {
        Map<String, String> ids = new HashMap<>();
        for (String pair : reader.get(setting).split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                reader.problem(setting, "must be specialist=" + idName + " pairs separated by ';', was '" + pair
                        + "'");
            } else {
                ids.put(parts[0].strip(), parts[1].strip());
            }
        }
        return Map.copyOf(ids);
    }

    /**
     * Reads the shared settings, reporting problems to the reader.
     *
     * @param reader     the reader
     * @param commentMax the longest-comment setting
     * @param stages     the stage-map setting
     * @return the settings (parts may be defaults when a problem was reported)
     */
    public static CommonSettings read(SettingsReader reader, Setting<Integer> commentMax, Setting<String> stages) {
        return new CommonSettings(reader.get(TIMEOUT), reader.get(FIRST_BACKOFF), reader.get(MAX_BACKOFF),
                reader.get(commentMax), stages(reader, stages));
    }

    /**
     * Parses a stage map {@code REGISTERED=NEW;IN_PROGRESS_FIRST_LINE=…}: every request status must be mapped.
     *
     * @param reader  the reader problems go to
     * @param setting the setting
     * @return the map
     */
    public static Map<RequestStatus, String> stages(SettingsReader reader, Setting<String> setting) {
        Map<RequestStatus, String> map = new EnumMap<>(RequestStatus.class);
        String text = reader.get(setting);
        if (text == null) {
            return map;
        }
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String status = eq < 0 ? pair.strip() : pair.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            String stage = eq < 0 ? "" : pair.substring(eq + 1).strip();
            try {
                if (stage.isEmpty()) {
                    reader.problem(setting, "must map '" + status + "' to a stage as STATUS=stage");
                } else {
                    map.put(RequestStatus.valueOf(status), stage);
                }
            } catch (IllegalArgumentException e) {
                reader.problem(setting, "names an unknown status '" + status + "'; the statuses are "
                        + Arrays.toString(RequestStatus.values()));
            }
        }
        List<RequestStatus> missing = Arrays.stream(RequestStatus.values()).filter(s -> !map.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            reader.problem(setting, "must map every request status, missing " + missing);
        }
        return map;
    }

    /**
     * Options of {@link CrmHttp} from these settings.
     *
     * @return the options
     */
    public CrmHttp.Options httpOptions() {
        return new CrmHttp.Options(timeout, firstBackoff, maxBackoff);
    }
}
