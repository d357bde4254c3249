package dev.supportkit.core.internal.config;

import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.request.Priority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routing rules for redirects to second line that name no group, from the keys under
 * {@code supportkit.routing.}:
 * <pre>
 * supportkit.routing.rules.1.organization = org-romashka          (optional match keys; comma-separated
 * supportkit.routing.rules.1.system-model = NT-PBX 300, NT-PBX 500 values mean "any of them"; a rule
 * supportkit.routing.rules.1.priority     = high, critical         without match keys matches everything)
 * supportkit.routing.rules.1.category     = telephony
 * supportkit.routing.rules.1.group        = grp-telephony         (required)
 * supportkit.routing.default-group        = grp-general           (when no rule matches; optional)
 * </pre>
 * Rules are tried in the numeric order of {@code <n>} (a whole number from 1 to 9999); the first whose every
 * given match key matches wins. System models are compared ignoring case. Group ids can only be checked
 * against the directory when a request is routed.
 *
 * @param rules        the rules in the order they are tried
 * @param defaultGroup the group when no rule matches, if any
 */
public record RoutingSettings(List<Rule> rules, Optional<GroupId> defaultGroup) {
    /** The key prefix. */
    public static final String PREFIX = "supportkit.routing.";
    /** The default-group key. */
    public static final String DEFAULT_GROUP = PREFIX + "default-group";
    /** No routing: redirects without a group stay without one. */
    public static final RoutingSettings NONE = new RoutingSettings(List.of(), Optional.empty());

    private static final Pattern RULE_KEY = Pattern.compile(
            "supportkit\\.routing\\.rules\\.([0-9]{1,4})\\.(group|organization|system-model|priority|category)");

    /**
     * One routing rule.
     *
     * @param name          its configuration key prefix, e.g. {@code supportkit.routing.rules.2}
     * @param group         the group it routes to
     * @param organizations the customer organisations it matches; empty matches any
     * @param systemModels  the system models it matches (lower case); empty matches any
     * @param priorities    the priorities it matches; empty matches any
     * @param categories    the problem categories it matches (lower case); empty matches any
     */
    public record Rule(String name, GroupId group, Set<String> organizations, Set<String> systemModels,
                       Set<Priority> priorities, Set<String> categories) {
        /**
         * Freezes the sets.
         *
         * @param name          its configuration key prefix
         * @param group         the group it routes to
         * @param organizations the customer organisations it matches; empty matches any
         * @param systemModels  the system models it matches (lower case); empty matches any
         * @param priorities    the priorities it matches; empty matches any
         * @param categories    the problem categories it matches (lower case); empty matches any
         */
        public Rule {
            categories = Set.copyOf(categories);
            organizations = Set.copyOf(organizations);
            systemModels = Set.copyOf(systemModels);
            priorities = priorities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(priorities));
        }

        /**
         * Whether the rule matches a request.
         *
         * @param organization the request's customer organisation id
         * @param systemModel  the model of the request's supported system, or null when none is known
         * @param priority     the request's priority
         * @param category     the request's problem category, or null
         * @return true when every match key the rule has matches
         */
        public boolean matches(String organization, String systemModel, Priority priority, String category) {
            return (categories.isEmpty() || category != null
                            && categories.contains(category.trim().toLowerCase(Locale.ROOT)))
                    && (organizations.isEmpty() || organizations.contains(organization))
                    && (systemModels.isEmpty() || systemModel != null
                            && systemModels.contains(systemModel.trim().toLowerCase(Locale.ROOT)))
                    && (priorities.isEmpty() || priorities.contains(priority));
        }
    }

    /**
     * Freezes the list.
     *
     * @param rules        the rules in the order they are tried
     * @param defaultGroup the group when no rule matches, if any
     */
    public RoutingSettings {
        rules = List.copyOf(rules);
    }

    /**
     * Returns true when neither rules nor a default group are configured.
     *
     * @return true when neither rules nor a default group are configured
     */
    public boolean isEmpty() {
        return rules.isEmpty() && defaultGroup.isEmpty();
    }

    /**
     * Parses the {@code supportkit.routing.} keys.
     *
     * @param values   every configured {@code supportkit.routing.*} key with its values
     * @param problems where to report problems
     * @return the settings
     */
    static RoutingSettings parse(Map<String, List<String>> values, List<String> problems) {
        Map<Integer, Map<String, List<String>>> byRule = new TreeMap<>();
        Optional<GroupId> defaultGroup = Optional.empty();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String key = entry.getKey();
            List<String> items = ConfigValues.split(entry.getValue());
            if (key.equals(DEFAULT_GROUP)) {
                if (items.size() != 1 || items.get(0).length() > 64) {
                    problems.add(key + ": must name exactly one group id of at most 64 characters");
                } else {
                    defaultGroup = Optional.of(GroupId.of(items.get(0)));
                }
                continue;
            }
            Matcher m = RULE_KEY.matcher(key);
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
                problems.add(key + ": unknown routing key (known: " + DEFAULT_GROUP + ", " + PREFIX
                        + "rules.<n>.group|organization|system-model|priority|category, with <n> from 1 to 9999)");
                continue;
            }
            if (items.isEmpty()) {
                problems.add(key + ": must not be empty");
                continue;
            }
            byRule.computeIfAbsent(Integer.parseInt(m.group(1)), n -> new TreeMap<>()).put(m.group(2), items);
        }
        List<Rule> rules = new ArrayList<>();
        byRule.forEach((n, keys) -> {
            String name = PREFIX + "rules." + n;
            List<String> group = keys.getOrDefault("group", List.of());
            if (group.size() != 1 || group.get(0).length() > 64) {
                problems.add(name + ".group: " + (group.isEmpty() ? "is required"
                        : "must name exactly one group id of at most 64 characters"));
                return;
            }
            Set<Priority> priorities = EnumSet.noneOf(Priority.class);
            for (String p : keys.getOrDefault("priority", List.of())) {
                try {
                    priorities.add(Priority.valueOf(p.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(name + ".priority: '" + p + "' is not a priority (one of "
                            + java.util.Arrays.toString(Priority.values()).toLowerCase(Locale.ROOT) + ")");
                }
            }
            rules.add(new Rule(name, GroupId.of(group.get(0)), Set.copyOf(keys.getOrDefault("organization",
                    List.of())), Set.copyOf(keys.getOrDefault("system-model", List.of()).stream()
                    .map(s -> s.toLowerCase(Locale.ROOT)).toList()), priorities,
                    Set.copyOf(keys.getOrDefault("category", List.of()).stream()
                            .map(s -> s.toLowerCase(Locale.ROOT)).toList())));
        });
        rules.sort(Comparator.comparingInt(r -> Integer.parseInt(r.name().substring(r.name().lastIndexOf('.') + 1))));
        return new RoutingSettings(rules, defaultGroup);
    }
}
