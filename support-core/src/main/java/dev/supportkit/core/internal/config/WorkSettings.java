package dev.supportkit.core.internal.config;

import java.util.List;
import java.util.Map;

/**
 * Day-to-day work, from the keys under {@code supportkit.work.}:
 * <pre>
 * supportkit.work.plan-visible-to-customer = false   (whether a customer sees the work plan's tasks)
 * </pre>
 * By default a customer representative's view of a request carries no work plan. When set, it carries the
 * plan's tasks (what, by whom, by when, done or not) without the executors' notes on finishing them.
 *
 * @param planVisibleToCustomer whether customers see the work plan's milestones
 */
public record WorkSettings(boolean planVisibleToCustomer) {
    /** The key prefix. */
    public static final String PREFIX = "supportkit.work.";
    /** The defaults: the plan is internal. */
    public static final WorkSettings DEFAULTS = new WorkSettings(false);

    /**
     * Parses the {@code supportkit.work.} keys.
     *
     * @param values   every configured {@code supportkit.work.*} key with its values
     * @param problems where to report problems
     * @return the settings
     */
    static WorkSettings parse(Map<String, List<String>> values, List<String> problems) {
        boolean planVisible = DEFAULTS.planVisibleToCustomer();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String key = entry.getKey();
            String value = String.join(",", entry.getValue()).strip();
            if (key.equals(PREFIX + "plan-visible-to-customer")) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    problems.add(key + ": must be true or false, was '" + value + "'");
                }
                planVisible = Boolean.parseBoolean(value);
            } else {
                problems.add(key + ": unknown work key (known: " + PREFIX + "plan-visible-to-customer)");
            }
        }
        return new WorkSettings(planVisible);
    }
}
