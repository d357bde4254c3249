package dev.supportkit.inbound.email;

import dev.supportkit.api.TenantId;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The source's validated settings (keys {@code supportkit.providers.inbound-email.*}). {@link #toString()} never
 * shows a password.
 *
 * @param tenant                the tenant every contact is registered in
 * @param mailboxes             the mailboxes watched
 * @param operatorId            the staff id (first-line operator) the source reads the directory as
 * @param unknownSender         what happens to a message from an address no representative has
 * @param unknownRepresentative the representative unknown senders' contacts are registered under (rule
 *                              {@code register})
 * @param ownDomains            Message-ID domains SupportKit's own messages carry (lower case)
 * @param ownAddresses          addresses SupportKit sends from (lower case): messages from them are loops
 * @param subjectPattern        finds a request id in a subject (group 1)
 * @param faxGateway            the e-mail-to-fax gateway's sender address (lower case), if faxes arrive
 * @param faxNumberHeader       the header holding the fax sender's number, if the gateway sets one
 * @param faxNumberPattern      finds the fax sender's number in the subject (group 1) when no header is set
 * @param smtp                  where replies to unknown senders are sent from, if anywhere
 * @param pollInterval          how often a mailbox is read without IDLE, and the longest IDLE wait
 * @param lease                 how long a mailbox claim lasts without renewal
 * @param idle                  whether to wait with IMAP IDLE where the server has it
 * @param directoryRefresh      how long the address index of representatives is reused
 * @param maxAttempts           how often one message may fail before it is set aside
 */
record InboundEmailSettings(TenantId tenant, List<MailboxSettings> mailboxes, String operatorId,
                            UnknownSender unknownSender, Optional<String> unknownRepresentative,
                            Set<String> ownDomains, Set<String> ownAddresses, Pattern subjectPattern,
                            Optional<String> faxGateway, Optional<String> faxNumberHeader, Pattern faxNumberPattern,
                            Optional<SmtpReply> smtp, Duration pollInterval, Duration lease, boolean idle,
                            Duration directoryRefresh, int maxAttempts) {

    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + InboundEmailSourceFactory.ID + ".";

    /** What to do with a message whose sender is no known representative. */
    enum UnknownSender {
        /** Answer with a reply saying the address is unknown (when {@code smtp-host} is set) and register nothing. */
        REJECT,
        /** Register it under {@code unknown-representative}, for an operator to assign. */
        REGISTER
    }

    /** Transport security of an IMAP or SMTP connection. */
    enum Security {
        /** TLS from the first byte (IMAPS, port 993). */
        SSL,
        /** Plain connection upgraded by STARTTLS, required. */
        STARTTLS,
        /** No encryption (tests, a local relay). */
        NONE
    }

    /**
     * Where replies to unknown senders are sent from.
     *
     * @param host     the SMTP server
     * @param port     its port
     * @param security its transport security
     * @param username the user name, if it asks for one
     * @param password the password, if any
     * @param from     the replies' sender address
     */
    record SmtpReply(String host, int port, Security security, Optional<String> username, Optional<String> password,
                     String from) {
        @Override
        public String toString() {
            return "SmtpReply[host=" + host + ", port=" + port + ", security=" + security + ", username="
                    + username.orElse("-") + ", password=" + (password.isPresent() ? "****" : "-") + ", from=" + from
                    + "]";
        }
    }

    static final Setting<String> TENANT = Setting.string("tenant").required()
            .description("the tenant every contact is registered in").build();
    static final Setting<String> MAILBOXES = Setting.string("mailboxes").defaultValue("inbox")
            .description("names of the mailboxes watched, comma-separated; each has keys mailbox.<name>.*").build();
    static final Setting<String> OPERATOR_ID = Setting.string("operator-id").defaultValue("inbound-email")
            .description("the first-line operator id the source reads the directory as").build();
    static final Setting<UnknownSender> UNKNOWN_SENDER = Setting.choice("unknown-sender", UnknownSender.class)
            .defaultValue(UnknownSender.REJECT)
            .description("reject: reply (when smtp-host is set) and register nothing; register: register under "
                    + "unknown-representative").build();
    static final Setting<String> UNKNOWN_REPRESENTATIVE = Setting.string("unknown-representative")
            .description("the representative id unknown senders' contacts are registered under").build();
    static final Setting<String> OWN_DOMAINS = Setting.string("own-message-id-domains")
            .description("domains of the Message-IDs SupportKit sends with (the email channel's from domain), "
                    + "comma-separated").build();
    static final Setting<String> OWN_ADDRESSES = Setting.string("own-addresses")
            .description("addresses SupportKit sends from, comma-separated: messages from them are loops").build();
    static final Setting<String> SUBJECT_PATTERN = Setting.string("subject-pattern")
            .defaultValue("\\[#([A-Za-z0-9_-]{1,64})\\]")
            .description("a regular expression finding a request id (group 1) in a subject").build();
    static final Setting<String> FAX_GATEWAY = Setting.string("fax-gateway")
            .description("the sender address of the e-mail-to-fax gateway; its messages are FAX contacts").build();
    static final Setting<String> FAX_NUMBER_HEADER = Setting.string("fax-number-header")
            .description("the header with the fax sender's number, e.g. X-Fax-From; else the subject is searched")
            .build();
    static final Setting<String> FAX_NUMBER_PATTERN = Setting.string("fax-number-pattern")
            .defaultValue("(\\+?[0-9][0-9 ()-]{5,20}[0-9])")
            .description("a regular expression finding the fax sender's number (group 1) in the subject").build();
    static final Setting<String> SMTP_HOST = Setting.string("smtp-host")
            .description("the SMTP server replies to unknown senders go through; none: no replies").build();
    static final Setting<Integer> SMTP_PORT = Setting.integer("smtp-port").range(1, 65_535).defaultValue(587)
            .description("its port").build();
    static final Setting<Security> SMTP_SECURITY = Setting.choice("smtp-security", Security.class)
            .defaultValue(Security.STARTTLS).description("ssl, starttls or none").build();
    static final Setting<String> SMTP_USERNAME = Setting.string("smtp-username")
            .description("the SMTP user name, if any").build();
    static final Setting<String> SMTP_PASSWORD = Setting.string("smtp-password").secret()
            .description("the SMTP password, if any").build();
    static final Setting<String> REPLY_FROM = Setting.string("reply-from")
            .description("the sender address of replies to unknown senders; required with smtp-host").build();
    static final Setting<Duration> POLL_INTERVAL = Setting.duration("poll-interval").range(50, 3_600_000)
            .defaultValue(Duration.ofSeconds(30))
            .description("how often a mailbox is read without IDLE, and the longest IDLE wait").build();
    static final Setting<Duration> LEASE = Setting.duration("lease").range(1_000, 86_400_000)
            .defaultValue(Duration.ofMinutes(2)).description("how long a mailbox claim lasts without renewal").build();
    static final Setting<Boolean> IDLE = Setting.bool("idle").defaultValue(true)
            .description("wait with IMAP IDLE where the server has it").build();
    static final Setting<Duration> DIRECTORY_REFRESH = Setting.duration("directory-refresh").range(0, 86_400_000)
            .defaultValue(Duration.ofMinutes(1))
            .description("how long the address index of representatives is reused").build();
    static final Setting<Integer> MAX_ATTEMPTS = Setting.integer("max-attempts").range(1, 1_000).defaultValue(5)
            .description("how often one message may fail before it is set aside (logged as an error)").build();

    /** The settings every source reads, without the per-mailbox ones. */
    static final List<Setting<?>> COMMON = List.of(TENANT, MAILBOXES, OPERATOR_ID, UNKNOWN_SENDER,
            UNKNOWN_REPRESENTATIVE, OWN_DOMAINS, OWN_ADDRESSES, SUBJECT_PATTERN, FAX_GATEWAY, FAX_NUMBER_HEADER,
            FAX_NUMBER_PATTERN, SMTP_HOST, SMTP_PORT, SMTP_SECURITY, SMTP_USERNAME, SMTP_PASSWORD, REPLY_FROM,
            POLL_INTERVAL, LEASE, IDLE, DIRECTORY_REFRESH, MAX_ATTEMPTS);

    /** The declared settings with the default mailbox's keys, for documentation. */
    static final List<Setting<?>> DOCUMENTED;

    static {
        List<Setting<?>> all = new ArrayList<>(COMMON);
        all.addAll(MailboxSettings.settings("inbox"));
        DOCUMENTED = List.copyOf(all);
    }

    private static final Pattern MAILBOX_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /**
     * Reads and checks the settings.
     *
     * @param settings the source's settings
     * @return the settings
     * @throws dev.supportkit.api.error.ConfigurationException listing every problem found
     */
    static InboundEmailSettings parse(ProviderSettings settings) {
        List<String> names = Arrays.stream(settings.get(MAILBOXES.name()).orElse("inbox").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        List<Setting<?>> declared = new ArrayList<>(COMMON);
        List<String> badNames = new ArrayList<>();
        java.util.Map<String, List<Setting<?>>> perMailbox = new java.util.LinkedHashMap<>();
        for (String name : names) {
            if (MAILBOX_NAME.matcher(name).matches()) {
                perMailbox.put(name, MailboxSettings.settings(name));
                declared.addAll(perMailbox.get(name));
            } else {
                badNames.add(name);
            }
        }
        SettingsReader reader = SettingsReader.of(PREFIX, settings, declared);
        badNames.forEach(name -> reader.problem(MAILBOXES, "'" + name + "' is no mailbox name (lower-case letters, "
                + "digits and '-', starting with a letter, at most 32)"));
        if (names.isEmpty()) {
            reader.problem(MAILBOXES, "must name at least one mailbox");
        }
        String tenantText = reader.get(TENANT);
        TenantId tenant = null;
        if (tenantText != null) {
            try {
                tenant = TenantId.of(tenantText);
            } catch (IllegalArgumentException e) {
                reader.problem(TENANT, e.getMessage());
            }
        }
        List<MailboxSettings> mailboxes = perMailbox.entrySet().stream()
                .map(e -> MailboxSettings.read(e.getKey(), e.getValue(), reader)).toList();
        String operator = reader.get(OPERATOR_ID);
        UnknownSender unknown = reader.get(UNKNOWN_SENDER);
        Optional<String> unknownRep = reader.optional(UNKNOWN_REPRESENTATIVE);
        if (unknown == UnknownSender.REGISTER && unknownRep.isEmpty()) {
            reader.problem(UNKNOWN_REPRESENTATIVE, "is required when unknown-sender is register");
        }
        Pattern subject = pattern(reader, SUBJECT_PATTERN);
        Pattern faxNumber = pattern(reader, FAX_NUMBER_PATTERN);
        Optional<SmtpReply> smtp = Optional.empty();
        Optional<String> smtpHost = reader.optional(SMTP_HOST);
        int smtpPort = reader.get(SMTP_PORT);
        Security smtpSecurity = reader.get(SMTP_SECURITY);
        Optional<String> smtpUser = reader.optional(SMTP_USERNAME);
        Optional<String> smtpPassword = reader.optional(SMTP_PASSWORD);
        Optional<String> replyFrom = reader.optional(REPLY_FROM);
        if (smtpHost.isPresent()) {
            if (replyFrom.isEmpty()) {
                reader.problem(REPLY_FROM, "is required when smtp-host is set");
            } else if (!replyFrom.get().contains("@")) {
                reader.problem(REPLY_FROM, "must be an e-mail address, was '" + replyFrom.get() + "'");
            }
            smtp = replyFrom.map(from -> new SmtpReply(smtpHost.get(), smtpPort, smtpSecurity, smtpUser, smtpPassword,
                    from));
        }
        Duration poll = reader.get(POLL_INTERVAL);
        Duration lease = reader.get(LEASE);
        if (lease.compareTo(poll.multipliedBy(2)) < 0) {
            reader.problem(LEASE, "must be at least twice poll-interval (" + poll.toMillis() + " ms), was "
                    + lease.toMillis() + " ms");
        }
        boolean idle = reader.get(IDLE);
        Duration refresh = reader.get(DIRECTORY_REFRESH);
        int attempts = reader.get(MAX_ATTEMPTS);
        Set<String> ownDomains = words(reader.optional(OWN_DOMAINS));
        Set<String> ownAddresses = words(reader.optional(OWN_ADDRESSES));
        Optional<String> fax = reader.optional(FAX_GATEWAY).map(a -> a.strip().toLowerCase(Locale.ROOT));
        Optional<String> faxHeader = reader.optional(FAX_NUMBER_HEADER);
        reader.throwIfProblems();
        return new InboundEmailSettings(tenant, mailboxes, operator, unknown, unknownRep, ownDomains, ownAddresses,
                subject, fax, faxHeader, faxNumber, smtp, poll, lease, idle, refresh, attempts);
    }

    private static Pattern pattern(SettingsReader reader, Setting<String> setting) {
        String text = reader.get(setting);
        try {
            Pattern pattern = Pattern.compile(text);
            if (pattern.matcher("").groupCount() < 1) {
                reader.problem(setting, "must have a group (...) around the part to take");
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            reader.problem(setting, "is no regular expression: " + e.getDescription());
            return Pattern.compile("(?!)");
        }
    }

    private static Set<String> words(Optional<String> text) {
        return text.map(t -> Arrays.stream(t.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }
}
