package dev.supportkit.core.internal.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys that seal the journal, from the keys under {@code supportkit.journal.}:
 * <pre>
 * supportkit.journal.keys.k2024.secret =                          (at least 32 characters; required; better
 *                                                                 from SUPPORTKIT_JOURNAL_KEYS_K2024_SECRET)
 * supportkit.journal.keys.k2024.tenant = acme                      (a tenant id, or * for every tenant; default *)
 * supportkit.journal.keys.k2024.active = false                     (a retired key: verifies, never seals)
 * supportkit.journal.keys.k2025.secret = ...                       (active by default: seals new entries)
 * supportkit.journal.accept-unkeyed-before = 2025-01-01T00:00:00Z  (entries written before keys existed)
 * supportkit.journal.checkpoint-directory = /var/lib/supportkit/checkpoints  (where checkpoints are written)
 * supportkit.journal.checkpoints.every = PT1H                     (take checkpoints on this schedule; default never)
 * supportkit.journal.checkpoints.tenants = acme, beta              (whose; required with every)
 * supportkit.journal.checkpoints.recipients = spc-auditor          (directory people it is sent to, as a file)
 * supportkit.journal.checkpoints.event = true                      (published to listeners and event sinks)
 * </pre>
 * A tenant seals with its own active key, or else with the active key for {@code *}; there is at most one
 * active key per tenant. Retired keys stay listed so older entries still verify.
 *
 * @param keys                every key, by id
 * @param acceptUnkeyedBefore entries older than this may carry a plain SHA-256 hash (at the start of a chain
 *                            only), if set
 * @param checkpointDirectory where {@code journal().checkpoint} also writes each checkpoint as JSON, if set
 * @param checkpoints         the scheduled checkpoints, if configured
 */
public record JournalSettings(Map<String, Key> keys, Optional<Instant> acceptUnkeyedBefore,
                              Optional<Path> checkpointDirectory, Optional<CheckpointSchedule> checkpoints) {
    /** The key prefix. */
    public static final String PREFIX = "supportkit.journal.";
    /** Every tenant. */
    public static final String ANY_TENANT = "*";
    /** The shortest secret accepted, in characters. */
    public static final int MIN_SECRET_LENGTH = 32;
    /** No keys: the journal is a plain SHA-256 chain. */
    public static final JournalSettings NONE = new JournalSettings(Map.of(), Optional.empty(), Optional.empty(),
            Optional.empty());
    /** The shortest checkpoint period. */
    public static final Duration MIN_CHECKPOINT_PERIOD = Duration.ofMinutes(1);
    private static final String CHECKPOINTS = PREFIX + "checkpoints.";
    private static final Pattern DIRECTORY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final Pattern KEY_KEY = Pattern.compile(
            "supportkit\\.journal\\.keys\\.([A-Za-z0-9_-]{1,32})\\.(secret|tenant|active)");
    private static final Pattern TENANT = Pattern.compile("\\*|[A-Za-z0-9._-]{1,64}");

    /**
     * One sealing key.
     *
     * @param id     the key id, stored with every entry it seals
     * @param tenant the tenant it serves, or {@value #ANY_TENANT}
     * @param secret the secret, as UTF-8 bytes
     * @param active whether it seals new entries (a retired key only verifies)
     */
    public record Key(String id, String tenant, byte[] secret, boolean active) {
        @Override
        public String toString() {
            return "Key[id=" + id + ", tenant=" + tenant + ", secret=****, active=" + active + "]";
        }
    }

    /**
     * Checkpoints taken on a schedule: once per period (aligned to the epoch, so every engine on one database
     * agrees on the due time, and only the first takes it), written to the checkpoint directory when one is set,
     * sent as a JSON file to the recipients, and published as a {@code JournalCheckpointed} event of the
     * tenant's checkpoint log when {@code event} is set.
     *
     * @param every      the period
     * @param tenants    the tenants whose journals are checkpointed
     * @param recipients directory ids of the people it is sent to (specialists or representatives)
     * @param event      whether it is published to the listeners and event sinks
     */
    public record CheckpointSchedule(Duration every, List<String> tenants, List<String> recipients, boolean event) {
        /**
         * Copies the lists.
         *
         * @param every      the period
         * @param tenants    the tenants
         * @param recipients the people
         * @param event      whether published as an event
         */
        public CheckpointSchedule {
            tenants = List.copyOf(tenants);
            recipients = List.copyOf(recipients);
        }

        /**
         * The latest due time at or before an instant.
         *
         * @param now the instant
         * @return the due time
         */
        public Instant lastDue(Instant now) {
            long period = every.toMillis();
            return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), period) * period);
        }
    }

    /**
     * Copies the map.
     *
     * @param keys                every key, by id
     * @param acceptUnkeyedBefore see the record's description
     * @param checkpointDirectory see the record's description
     * @param checkpoints         see the record's description
     */
    public JournalSettings {
        keys = Map.copyOf(keys);
    }

    /**
     * Parses the {@code supportkit.journal.} keys.
     *
     * @param values   every configured {@code supportkit.journal.*} key with its values
     * @param problems where to report problems; a secret is never quoted
     * @return the settings
     */
    static JournalSettings parse(Map<String, List<String>> values, List<String> problems) {
        Map<String, String> secrets = new TreeMap<>();
        Map<String, String> tenants = new TreeMap<>();
        Map<String, Boolean> active = new TreeMap<>();
        Optional<Instant> unkeyedBefore = Optional.empty();
        Optional<Path> checkpoints = Optional.empty();
        Map<String, String> schedule = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String key = entry.getKey();
            String value = String.join(",", entry.getValue()).strip();
            if (key.startsWith(CHECKPOINTS)) {
                schedule.put(key.substring(CHECKPOINTS.length()), value);
                continue;
            }
            if (key.equals(PREFIX + "checkpoint-directory")) {
                if (value.isEmpty()) {
                    problems.add(key + ": must name a directory");
                } else {
                    checkpoints = Optional.of(Path.of(value));
                }
                continue;
            }
            if (key.equals(PREFIX + "accept-unkeyed-before")) {
                try {
                    unkeyedBefore = Optional.of(Instant.parse(value));
                } catch (DateTimeParseException e) {
                    problems.add(key + ": must be an instant such as 2025-01-01T00:00:00Z, was '" + value + "'");
                }
                continue;
            }
            Matcher m = KEY_KEY.matcher(key);
            if (!m.matches()) {
                problems.add(key + ": unknown journal key (known: " + PREFIX + "keys.<id>.secret|tenant|active, "
                        + PREFIX + "accept-unkeyed-before, " + PREFIX + "checkpoint-directory, " + CHECKPOINTS
                        + "every|tenants|recipients|event; a key id is 1 to 32 letters, digits, '-' or '_')");
                continue;
            }
            String id = m.group(1);
            switch (m.group(2)) {
                case "secret" -> {
                    if (value.length() < MIN_SECRET_LENGTH) {
                        problems.add(key + ": must be at least " + MIN_SECRET_LENGTH + " characters, was "
                                + value.length());
                    }
                    secrets.put(id, value);
                }
                case "tenant" -> {
                    if (!TENANT.matcher(value).matches()) {
                        problems.add(key + ": must be a tenant id or *, was '" + value + "'");
                    }
                    tenants.put(id, value);
                }
                default -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        problems.add(key + ": must be true or false, was '" + value + "'");
                    }
                    active.put(id, Boolean.parseBoolean(value));
                }
            }
        }
        Map<String, Key> keys = new TreeMap<>();
        List<String> ids = new ArrayList<>(secrets.keySet());
        tenants.keySet().stream().filter(id -> !secrets.containsKey(id)).forEach(ids::add);
        active.keySet().stream().filter(id -> !secrets.containsKey(id) && !tenants.containsKey(id)).forEach(ids::add);
        Map<String, String> activeByTenant = new TreeMap<>();
        for (String id : ids) {
            if (!secrets.containsKey(id)) {
                problems.add(PREFIX + "keys." + id + ".secret: is required");
                continue;
            }
            String tenant = tenants.getOrDefault(id, ANY_TENANT);
            boolean isActive = active.getOrDefault(id, true);
            if (isActive) {
                String other = activeByTenant.putIfAbsent(tenant, id);
                if (other != null) {
                    problems.add(PREFIX + "keys." + id + ".active: tenant '" + tenant + "' already seals with key '"
                            + other + "'; retire one of them (active = false)");
                }
            }
            keys.put(id, new Key(id, tenant, secrets.get(id).getBytes(StandardCharsets.UTF_8), isActive));
        }
        return new JournalSettings(keys, unkeyedBefore, checkpoints, schedule(schedule, problems));
    }

    /** Reads the {@code checkpoints.} keys: none, or a period with its tenants. */
    private static Optional<CheckpointSchedule> schedule(Map<String, String> values, List<String> problems) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        for (String key : values.keySet()) {
            if (!List.of("every", "tenants", "recipients", "event").contains(key)) {
                problems.add(CHECKPOINTS + key + ": unknown checkpoint key (known: every, tenants, recipients, event)");
            }
        }
        Duration every = null;
        String period = values.get("every");
        if (period == null || period.isEmpty()) {
            problems.add(CHECKPOINTS + "every: is required with the other checkpoint keys (a duration such as PT1H)");
        } else {
            try {
                every = Duration.parse(period);
                if (every.compareTo(MIN_CHECKPOINT_PERIOD) < 0) {
                    problems.add(CHECKPOINTS + "every: must be at least " + MIN_CHECKPOINT_PERIOD + ", was " + period);
                }
            } catch (DateTimeParseException e) {
                problems.add(CHECKPOINTS + "every: must be a duration such as PT1H, was '" + period + "'");
            }
        }
        List<String> tenants = ids(values.get("tenants"), CHECKPOINTS + "tenants", problems);
        if (tenants.isEmpty()) {
            problems.add(CHECKPOINTS + "tenants: must name at least one tenant");
        }
        List<String> recipients = ids(values.get("recipients"), CHECKPOINTS + "recipients", problems);
        String event = values.getOrDefault("event", "false");
        if (!event.equalsIgnoreCase("true") && !event.equalsIgnoreCase("false")) {
            problems.add(CHECKPOINTS + "event: must be true or false, was '" + event + "'");
        }
        if (every == null || every.compareTo(MIN_CHECKPOINT_PERIOD) < 0 || tenants.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CheckpointSchedule(every, tenants, recipients, Boolean.parseBoolean(event)));
    }

    /** A comma-separated list of ids, each checked. */
    private static List<String> ids(String value, String key, List<String> problems) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return ids;
        }
        for (String id : value.split(",")) {
            String trimmed = id.strip();
            if (!DIRECTORY_ID.matcher(trimmed).matches()) {
                problems.add(key + ": '" + trimmed + "' is not an id (1 to 64 letters, digits, '.', '_' or '-')");
            } else {
                ids.add(trimmed);
            }
        }
        return ids;
    }
}
