package dev.supportkit.inbound.email;

import dev.supportkit.inbound.email.InboundEmailSettings.Security;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.util.List;
import java.util.Optional;

/**
 * One watched IMAP mailbox (keys {@code mailbox.<name>.*}). {@link #toString()} never shows the password.
 *
 * @param name     the mailbox's name in the configuration; also the key of its claim in the provider state
 * @param host     the IMAP server
 * @param port     its port
 * @param security its transport security
 * @param username the login
 * @param password the password
 * @param folder   the folder read, normally {@code INBOX}
 */
record MailboxSettings(String name, String host, int port, Security security, String username,
                       Optional<String> password, String folder) {

    /**
     * The settings of one mailbox.
     *
     * @param name the mailbox's name
     * @return its settings, keys {@code mailbox.<name>.host} and so on
     */
    static List<Setting<?>> settings(String name) {
        String p = "mailbox." + name + ".";
        return List.of(
                Setting.string(p + "host").required().description("the IMAP server").build(),
                Setting.integer(p + "port").range(1, 65_535).defaultValue(993).description("its port").build(),
                Setting.choice(p + "security", Security.class).defaultValue(Security.SSL)
                        .description("ssl, starttls or none").build(),
                Setting.string(p + "username").required().description("the login").build(),
                Setting.string(p + "password").secret().description("the password").build(),
                Setting.string(p + "folder").defaultValue("INBOX").description("the folder read").build());
    }

    /**
     * Reads one mailbox's settings.
     *
     * @param name   the mailbox's name
     * @param s      its settings as {@link #settings(String)} made them and the reader was given them
     * @param reader the reader
     * @return the mailbox
     */
    @SuppressWarnings("unchecked")
    static MailboxSettings read(String name, List<Setting<?>> s, SettingsReader reader) {
        return new MailboxSettings(name, reader.get((Setting<String>) s.get(0)), reader.get((Setting<Integer>) s.get(1)),
                reader.get((Setting<Security>) s.get(2)), reader.get((Setting<String>) s.get(3)),
                reader.optional((Setting<String>) s.get(4)), reader.get((Setting<String>) s.get(5)));
    }

    @Override
    public String toString() {
        return "MailboxSettings[name=" + name + ", host=" + host + ", port=" + port + ", security=" + security
                + ", username=" + username + ", password=" + (password.isPresent() ? "****" : "-") + ", folder="
                + folder + "]";
    }
}
