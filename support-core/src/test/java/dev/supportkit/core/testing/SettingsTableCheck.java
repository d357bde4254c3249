package dev.supportkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.supportkit.spi.settings.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Holds a plugin README's settings table ({@code | key | default | meaning |}) against the settings its
 * factory declares: the same keys, every required key documented as required, every declared default
 * shown (a row whose default reads "as for ..." points to another README, checked there). A failure prints the table generated from the declarations, to paste and then word by hand.
 */
public final class SettingsTableCheck {
    private static final String HEADER = "| key | default | meaning |";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private SettingsTableCheck() {
    }

    /**
     * Checks the first settings table of a README.
     *
     * @param readme   the README
     * @param declared the factory's declared settings
     * @throws IOException when the README cannot be read
     */
    public static void assertDocumented(Path readme, List<Setting<?>> declared) throws IOException {
        Map<String, String> defaults = table(readme);
        Map<String, Setting<?>> byName = declared.stream()
                .collect(Collectors.toMap(Setting::name, s -> s, (a, b) -> a, LinkedHashMap::new));
        if (!defaults.keySet().equals(byName.keySet())) {
            fail(readme + " documents " + new TreeSet<>(defaults.keySet()) + " but the factory declares "
                    + new TreeSet<>(byName.keySet()) + "; generated table:\n" + generate(declared));
        }
        for (Setting<?> setting : declared) {
            String cell = defaults.get(setting.name());
            if (cell.startsWith("as for")) {
                continue; // documented in the README the row points to, which has its own check
            }
            if (setting.required()) {
                assertTrue(cell.startsWith("required"), readme + ": '" + setting.name()
                        + "' is required, the table says '" + cell + "'");
            } else {
                assertTrue(!cell.equals("required"), readme + ": '" + setting.name()
                        + "' is optional, the table says it is required");
            }
            if (!setting.defaultText().isEmpty()) {
                assertTrue(cell.contains("`" + setting.defaultText() + "`"), readme + ": the default of '"
                        + setting.name() + "' is " + setting.defaultText() + ", the table says '" + cell + "'");
            }
        }
    }

    /**
     * Generates a settings table from declarations.
     *
     * @param declared the settings
     * @return a Markdown table
     */
    public static String generate(List<Setting<?>> declared) {
        StringBuilder table = new StringBuilder(HEADER + "\n| --- | --- | --- |\n");
        for (Setting<?> setting : declared) {
            String value = setting.required() ? "required"
                    : setting.defaultText().isEmpty() ? "none" : "`" + setting.defaultText() + "`";
            table.append("| `").append(setting.name()).append("` | ").append(value).append(" | ")
                    .append(setting.description()).append(" |\n");
        }
        return table.toString();
    }

    /** Key to default cell of the first settings table; a row naming several keys gives each the cell. */
    private static Map<String, String> table(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int header = lines.indexOf(HEADER);
        assertTrue(header >= 0, readme + " has no settings table headed '" + HEADER + "'");
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            assertTrue(cells.length >= 3, readme + ": malformed row " + lines.get(i));
            List<String> keys = new ArrayList<>();
            Matcher code = CODE.matcher(cells[1]);
            while (code.find()) {
                keys.add(code.group(1));
            }
            assertEquals(false, keys.isEmpty(), readme + ": a row without a key: " + lines.get(i));
            keys.forEach(key -> defaults.put(key, cells[2].strip()));
        }
        return defaults;
    }
}
