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
 * </pre>
 * Weights are whole numbers from 0 to 100; at least one must be above 0. A part without data in the period
 * (no deadline due, nothing resolved, no survey answered) is left out and the others' weights count in full.
 *
 * @param weights the weight of each evaluation part, by its name, in the order above
 * @param surveys the satisfaction surveys
 */
public record QualitySettings(Map<String, Integer> weights, Surveys surveys) {
    /** The key prefix. */
    public static final String PREFIX = "supportkit.quality.";
    /** The parts of an evaluation, in the order they are shown. */
    public static final List<String> PARTS = List.of("first-response", "resolution", "first-contact", "not-reopened",
            "satisfaction");
    /** The default weights. */
    public static final QualitySettings DEFAULTS = new QualitySettings(defaults(), Surveys.OFF);

    private static final String WEIGHT = "evaluation.weight.";

    /**
     * Copies the map, keeping its order.
     *
     * @param weights the weight of each part
     * @param surveys the satisfaction surveys
     */
    public QualitySettings {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        surveys = surveys == null ? Surveys.OFF : surveys;
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
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String key = entry.getKey();
            String name = key.substring(PREFIX.length());
            String value = String.join(",", entry.getValue()).strip();
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
                        + " once-per-days, expire-hours, low-score, link, token-key)");
            }
        }
        if (weights.values().stream().allMatch(w -> w <= 0)) {
            problems.add(PREFIX + WEIGHT + "*: at least one weight must be above 0");
        }
        if (enabled && tokenKey.length() < 32) {
            problems.add(PREFIX + "surveys.token-key: required when surveys are enabled, at least 32 characters"
                    + " (it signs the answer tokens; set it through SUPPORTKIT_QUALITY_SURVEYS_TOKEN_KEY)");
        }
        return new QualitySettings(weights, new Surveys(enabled, sample, java.time.Duration.ofDays(onceDays),
                java.time.Duration.ofHours(expireHours), lowScore, link, tokenKey));
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
