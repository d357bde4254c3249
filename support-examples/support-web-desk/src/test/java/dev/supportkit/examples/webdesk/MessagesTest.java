package dev.supportkit.examples.webdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Russian and English say the same things, and the pages find their texts in both. */
class MessagesTest {
    @Test
    @DisplayName("both languages have the same keys, none empty")
    void sameKeys() throws Exception {
        Properties ru = load("ru");
        Properties en = load("en");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ru.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertTrue(!en.getProperty(key).isBlank() && !ru.getProperty(key).isBlank(), key);
        }
        Set<String> commands = new TreeSet<>();
        for (DeskCommands command : DeskCommands.values()) {
            commands.add("command." + command.path());
            commands.add("done." + command.path());
            command.parameters().forEach(p -> commands.add("param." + p));
        }
        commands.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), commands, "texts missing for the commands");
        assertEquals("Взять в работу", Messages.of(Locale.forLanguageTag("ru")).t("command.take"));
        assertEquals("Take into work", Messages.of(Locale.ENGLISH).t("command.take"));
    }

    private static Properties load(String language) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/webdesk/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
