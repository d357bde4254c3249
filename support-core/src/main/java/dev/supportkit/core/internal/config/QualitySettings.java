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
 * </pre>
 * Weights are whole numbers from 0 to 100; at least one must be above 0. A part without data in the period
 * (no deadline due, nothing resolved, no survey answered) is left out and the others' weights count in full.
 *
 * @param weights the weight of each evaluation part, by its name, in the order above
 */
public record QualitySettings(Map<String, Integer> weights) {
    /** The key prefix. */
    public static final String PREFIX = "supportkit.quality.";
    /** The parts of an evaluation, in the order they are shown. */
    public static final List<String> PARTS = List.of("first-response", "resolution", "first-contact", "not-reopened",
            "satisfaction");
    /** The default weights. */
    public static final QualitySettings DEFAULTS = new QualitySettings(defaults());

    private static final String WEIGHT = "evaluation.weight.";

    /**
     * Copies the map, keeping its order.
     *
     * @param weights the weight of each part
     */
    public QualitySettings {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
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
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String key = entry.getKey();
            String name = key.substring(PREFIX.length());
            String value = String.join(",", entry.getValue()).strip();
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
                        + String.join(", ", PARTS) + ")");
            }
        }
        if (weights.values().stream().allMatch(w -> w <= 0)) {
            problems.add(PREFIX + WEIGHT + "*: at least one weight must be above 0");
        }
        return new QualitySettings(weights);
    }
}
