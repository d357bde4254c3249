package dev.supportkit.core.internal.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quality control, from the keys under {@code supportkit.quality.}:
 * <pre>
 * supportkit.quality.evaluation.weight.first-response = 25   (first-response SLA compliance)
 * supportkit.quality.evaluation.weight.resolution = 25       (resolution SLA compliance)
 * supportkit.quality.evaluation.weight.first-contact = 20    (share resolved at first contact)
 * supportkit.quality.evaluation.weight.not-reopened = 15     (share of resolutions not reopened)
 * supportkit.quality.evaluation.weight.satisfaction = 15     (customers' average score, from surveys)
 * supportkit.quality.surveys.enabled = false          (send a satisfaction survey when a request is closed)
 * supportkit.quality.surveys.sample-percent = 100     (the share of closed requests surveyed, 0 to 100)
 * supportkit.quality.surveys.once-per-days = 30       (at most one survey per representative in this many days)
 * supportkit.quality.surveys.expire-hours = 168       (how long a survey may be answered)
 * supportkit.quality.surveys.low-score = 2            (a score at or below it asks the group lead to follow up)
 * supportkit.quality.surveys.link = https://desk.example/survey?t={token}   (the link in the message;
 *                                                      default: the token alone)
 * supportkit.quality.surveys.token-key = ...          (secret of the signed one-use answer tokens, at least
 *                                                      32 characters; required when surveys are enabled)
 * supportkit.quality.digests.&lt;name&gt;.tenant = acme          (the tenant whose requests it sums up; required)
 * supportkit.quality.digests.&lt;name&gt;.department = dep-sales (who receives it: the department's people; required)
 * supportkit.quality.digests.&lt;name&gt;.schedule = daily 08:00  (or "weekly MON 08:00"; the period is the day or
 *                                                      week before; required)
 * supportkit.quality.digests.&lt;name&gt;.zone = Europe/Moscow    (the schedule's time zone)
 * supportkit.quality.digests.&lt;name&gt;.attachment = csv      (the digest as a CSV file on each message, or none)
 * supportkit.quality.digests.&lt;name&gt;.function = B/03.6       (B/03.6 from the intake lead, or D/02.7 from a group
 *                                                      lead: the labour function it is recorded under)
 * </pre>
 * Weights are whole numbers from 0 to 100; at least one must be above 0. A part without data in the period
 * (no deadline due, nothing resolved, no survey answered) is left out and the others' weights count in full.
 *
 * @param weights the weight of each evaluation part, by its name, in the order above
 * @param surveys the satisfaction surveys
 * @param digests the scheduled digests, by name
 */
public record QualitySettings(Map<String, Integer> weights, Surveys surveys, List<DigestSchedule> digests) {
    /** The key prefix. */
    public static final String PREFIX = "supportkit.quality.";
    /** The parts of an evaluation, in the order they are shown. */
    public static final List<String> PARTS = List.of("first-response", "resolution", "first-contact", "not-reopened",
            "satisfaction");
    /** The default weights. */
    public static final QualitySettings DEFAULTS = new QualitySettings(defaults(), Surveys.OFF, List.of());

    private static final String WEIGHT = "evaluation.weight.";

    /**
     * Copies the map, keeping its order.
     *
     * @param weights the weight of each part
     * @param surveys the satisfaction surveys
     * @param digests the scheduled digests
     */
    public QualitySettings {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        surveys = surveys == null ? Surveys.OFF : surveys;
        digests = digests == null ? List.of() : List.copyOf(digests);
    }

    /**
     * A digest sent on a schedule to a department (B/03.6, D/02.7).
     *
     * @param name       its name, from the key
     * @param tenant     the tenant whose requests it sums up
     * @param department the department whose people receive it
     * @param day        the day of the week it is sent on, or null for every day
     * @param at         the time of day it is sent at
     * @param zone       the zone of the day and time
     * @param function   the labour function code it is recorded under: B/03.6 or D/02.7
     * @param attachReport whether each message carries the digest as a CSV file ({@code attachment = csv}, the
     *                     default) or only its text ({@code attachment = none})
     */
    public record DigestSchedule(String name, String tenant, String department, java.time.DayOfWeek day,
                                 java.time.LocalTime at, java.time.ZoneId zone, String function,
                                 boolean attachReport) {
        /**
         * Returns the latest time it was due at or before an instant.
         *
         * @param now the instant
         * @return its last due time
         */
        public java.time.Instant lastDue(java.time.Instant now) {
            java.time.ZonedDateTime local = now.atZone(zone);
            java.time.ZonedDateTime due = local.toLocalDate().atTime(at).atZone(zone);
            if (day != null) {
                due = due.with(java.time.temporal.TemporalAdjusters.previousOrSame(day));
            }
            while (due.toInstant().isAfter(now)) {
                due = due.minusDays(day == null ? 1 : 7);
            }
            return due.toInstant();
        }

        /**
         * Returns the period a run at a due time sums up: the day or the week before it.
         *
         * @param due the due time
         * @return its start
         */
        public java.time.Instant periodStart(java.time.Instant due) {
            return due.atZone(zone).minusDays(day == null ? 1 : 7).toInstant();
        }
    }

    /**
     * Satisfaction surveys after closing.
     *
     * @param enabled       whether surveys are sent
     * @param samplePercent the share of closed requests surveyed
     * @param oncePer       at most one survey per representative in this period
     * @param validity      how long a survey may be answered
     * @param lowScore      a score at or below it is followed up by the group lead
     * @param link          the link in the message, with {@code {token}} where the answer token goes
     * @param tokenKey      the secret that signs answer tokens; empty when surveys are off
     */
    public record Surveys(boolean enabled, int samplePercent, java.time.Duration oncePer,
                          java.time.Duration validity, int lowScore, String link, String tokenKey) {
        /** Surveys off. */
        public static final Surveys OFF = new Surveys(false, 100, java.time.Duration.ofDays(30),
                java.time.Duration.ofHours(168), 2, "{token}", "");

        /**
         * Hides the key from logs and messages.
         *
         * @return the settings without the key
         */
        @Override
        public String toString() {
            return "Surveys[enabled=" + enabled + ", samplePercent=" + samplePercent + ", oncePer=" + oncePer
                    + ", validity=" + validity + ", lowScore=" + lowScore + ", link=" + link + "]";
        }
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("first-response", 25);
        weights.put("resolution", 25);
        weights.put("first-contact", 20);
        weights.put("not-reopened", 15);
        weights.put("satisfaction", 15);
        return weights;
    }

    /**
     * Parses the {@code supportkit.quality.} keys.
     *
     * @param values   every configured {@code supportkit.quality.*} key with its values
     * @param problems where to report problems
     * @return the settings
     */
    static QualitySettings parse(Map<String, List<String>> values, List<String> problems) {
        Map<String, Integer> weights = defaults();
        Surveys off = Surveys.OFF;
        boolean enabled = false;
        int sample = off.samplePercent();
        long onceDays = off.oncePer().toDays();
        long expireHours = off.validity().toHours();
        int lowScore = off.lowScore();
        String link = off.link();
        String tokenKey = "";
        Map<String, Map<String, String>> digestKeys = new java.util.TreeMap<>();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String key = entry.getKey();
            String name = key.substring(PREFIX.length());
            String value = String.join(",", entry.getValue()).strip();
            if (name.startsWith("digests.") && name.indexOf('.', "digests.".length()) > 0) {
                String rest = name.substring("digests.".length());
                digestKeys.computeIfAbsent(rest.substring(0, rest.indexOf('.')), d -> new java.util.HashMap<>())
                        .put(rest.substring(rest.indexOf('.') + 1), value);
                continue;
            }
            switch (name) {
                case "surveys.enabled" -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        problems.add(key + ": must be true or false, was '" + value + "'");
                    }
                    enabled = Boolean.parseBoolean(value);
                    continue;
                }
                case "surveys.sample-percent" -> {
                    sample = (int) number(key, value, 0, 100, problems);
                    continue;
                }
                case "surveys.once-per-days" -> {
                    onceDays = number(key, value, 0, 3650, problems);
                    continue;
                }
                case "surveys.expire-hours" -> {
                    expireHours = number(key, value, 1, 8760, problems);
                    continue;
                }
                case "surveys.low-score" -> {
                    lowScore = (int) number(key, value, 0, 5, problems);
                    continue;
                }
                case "surveys.link" -> {
                    if (!value.contains("{token}")) {
                        problems.add(key + ": must contain {token} where the answer token goes");
                    }
                    link = value;
                    continue;
                }
                case "surveys.token-key" -> {
                    tokenKey = value;
                    continue;
                }
                default -> { }
            }
            if (name.startsWith(WEIGHT) && PARTS.contains(name.substring(WEIGHT.length()))) {
                try {
                    int weight = Integer.parseInt(value);
                    if (weight < 0 || weight > 100) {
                        problems.add(key + ": must be a whole number from 0 to 100, was " + value);
                    }
                    weights.put(name.substring(WEIGHT.length()), weight);
                } catch (NumberFormatException e) {
                    problems.add(key + ": must be a whole number from 0 to 100, was '" + value + "'");
                }
            } else {
                problems.add(key + ": unknown quality key (known: " + PREFIX + WEIGHT + "<part> for the parts "
                        + String.join(", ", PARTS) + ", and " + PREFIX + "surveys.enabled, sample-percent,"
                        + " once-per-days, expire-hours, low-score, link, token-key, and " + PREFIX
                        + "digests.<name>.tenant, department, schedule, zone, function, attachment)");
            }
        }
        if (weights.values().stream().allMatch(w -> w <= 0)) {
            problems.add(PREFIX + WEIGHT + "*: at least one weight must be above 0");
        }
        if (enabled && tokenKey.length() < 32) {
            problems.add(PREFIX + "surveys.token-key: required when surveys are enabled, at least 32 characters"
                    + " (it signs the answer tokens; set it through SUPPORTKIT_QUALITY_SURVEYS_TOKEN_KEY)");
        }
        List<DigestSchedule> digests = new java.util.ArrayList<>();
        digestKeys.forEach((digest, keys) -> digest(digest, keys, problems).ifPresent(digests::add));
        return new QualitySettings(weights, new Surveys(enabled, sample, java.time.Duration.ofDays(onceDays),
                java.time.Duration.ofHours(expireHours), lowScore, link, tokenKey), digests);
    }

    private static java.util.Optional<DigestSchedule> digest(String name, Map<String, String> keys,
                                                             List<String> problems) {
        String prefix = PREFIX + "digests." + name + ".";
        int before = problems.size();
        for (String key : keys.keySet()) {
            if (!List.of("tenant", "department", "schedule", "zone", "function", "attachment").contains(key)) {
                problems.add(prefix + key + ": unknown digest key (known: tenant, department, schedule, zone, attachment,"
                        + " function)");
            }
        }
        for (String required : List.of("tenant", "department", "schedule")) {
            if (keys.getOrDefault(required, "").isBlank()) {
                problems.add(prefix + required + ": is required");
            }
        }
        java.time.DayOfWeek day = null;
        java.time.LocalTime at = null;
        String[] schedule = keys.getOrDefault("schedule", "").trim().split("\\s+");
        try {
            if (schedule.length == 2 && schedule[0].equalsIgnoreCase("daily")) {
                at = java.time.LocalTime.parse(schedule[1]);
            } else if (schedule.length == 3 && schedule[0].equalsIgnoreCase("weekly")) {
                day = java.util.Arrays.stream(java.time.DayOfWeek.values())
                        .filter(d -> d.name().startsWith(schedule[1].toUpperCase(java.util.Locale.ROOT))
                                && schedule[1].length() >= 3).findFirst().orElseThrow();
                at = java.time.LocalTime.parse(schedule[2]);
            } else if (keys.containsKey("schedule")) {
                problems.add(prefix + "schedule: must be 'daily HH:MM' or 'weekly MON HH:MM', was '"
                        + keys.get("schedule") + "'");
            }
        } catch (java.time.DateTimeException | java.util.NoSuchElementException e) {
            problems.add(prefix + "schedule: must be 'daily HH:MM' or 'weekly MON HH:MM', was '"
                    + keys.get("schedule") + "'");
        }
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Moscow");
        try {
            if (keys.containsKey("zone")) {
                zone = java.time.ZoneId.of(keys.get("zone"));
            }
        } catch (java.time.DateTimeException e) {
            problems.add(prefix + "zone: '" + keys.get("zone") + "' is not a time zone (e.g. Europe/Moscow)");
        }
        String function = keys.getOrDefault("function", "B/03.6");
        if (!function.equals("B/03.6") && !function.equals("D/02.7")) {
            problems.add(prefix + "function: must be B/03.6 or D/02.7, was '" + function + "'");
        }
        if (problems.size() > before || at == null) {
            return java.util.Optional.empty();
        }
        String attachment = keys.getOrDefault("attachment", "csv");
        if (!attachment.equals("csv") && !attachment.equals("none")) {
            problems.add(prefix + "attachment: must be csv or none, was '" + attachment + "'");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new DigestSchedule(name, keys.get("tenant"), keys.get("department"), day, at,
                zone, function, attachment.equals("csv")));
    }

    private static long number(String key, String value, long min, long max, List<String> problems) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                problems.add(key + ": must be a whole number from " + min + " to " + max + ", was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(key + ": must be a whole number from " + min + " to " + max + ", was '" + value + "'");
            return min;
        }
    }
}
