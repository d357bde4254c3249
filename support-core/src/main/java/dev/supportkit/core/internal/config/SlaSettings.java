package dev.supportkit.core.internal.config;

import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Service-level policies and calendars, from the keys under {@code supportkit.sla.}:
 * <pre>
 * supportkit.sla.default-policy = standard            (for organisations without a contract; optional)
 * supportkit.sla.calendars-file = calendars.yaml      (a vendor's own business calendars; optional)
 * supportkit.sla.policies.standard.calendar = ru-production-5x8
 * supportkit.sla.policies.standard.warn-at = 0.75
 * supportkit.sla.policies.standard.on-warning = notify:spc-galina
 * supportkit.sla.policies.standard.on-breach = notify:spc-galina, raise-priority, escalate:grp-telephony
 * supportkit.sla.policies.standard.critical.first-response = 30m
 * supportkit.sla.policies.standard.critical.next-update = 1h
 * supportkit.sla.policies.standard.critical.resolution = 4h
 * supportkit.sla.policies.standard.pause-on-vendor = true   (an open vendor case pauses the resolution; default false)
 * </pre>
 * Durations are working time: {@code 30m}, {@code 4h}, {@code 2d} (days of 24 working hours) or ISO-8601
 * ({@code PT4H}).
 *
 * @param policies      the policies by name
 * @param defaultPolicy the policy for organisations without a contract, if any
 * @param calendarsFile a vendor's calendar definitions, if any
 */
public record SlaSettings(Map<String, SlaPolicy> policies, Optional<String> defaultPolicy,
                          Optional<Path> calendarsFile) {
    /** The key prefix. */
    public static final String PREFIX = "supportkit.sla.";
    private static final Pattern POLICY_KEY = Pattern.compile(
            "supportkit\\.sla\\.policies\\.([a-z0-9][a-z0-9-]*)\\.(calendar|warn-at|on-warning|on-breach|pause-on-vendor"
                    + "|(low|normal|high|critical)\\.(first-response|next-update|resolution))");

    /** No policies: no request gets deadlines. */
    public static final SlaSettings NONE = new SlaSettings(Map.of(), Optional.empty(), Optional.empty());

    /**
     * Parses the {@code supportkit.sla.} keys.
     *
     * @param values   every configured {@code supportkit.sla.*} key with its values (lists for list keys)
     * @param problems where to report problems
     * @return the settings
     */
    static SlaSettings parse(Map<String, List<String>> values, List<String> problems) {
        Map<String, String> calendars = new TreeMap<>();
        Map<String, Map<Priority, Map<DeadlineKind, Duration>>> targets = new TreeMap<>();
        Map<String, List<Double>> warnAt = new TreeMap<>();
        Map<String, List<String>> onWarning = new TreeMap<>();
        Map<String, List<String>> onBreach = new TreeMap<>();
        Map<String, Boolean> pauseOnVendor = new TreeMap<>();
        Optional<String> defaultPolicy = Optional.empty();
        Optional<Path> calendarsFile = Optional.empty();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String key = entry.getKey();
            List<String> items = ConfigValues.split(entry.getValue());
            String single = items.isEmpty() ? "" : items.get(0);
            if (key.equals(PREFIX + "default-policy")) {
                defaultPolicy = Optional.of(single).filter(v -> !v.isBlank());
                continue;
            }
            if (key.equals(PREFIX + "calendars-file")) {
                Path file = Path.of(single);
                if (!Files.isRegularFile(file)) {
                    problems.add(key + ": '" + single + "' does not exist or is not a file");
                } else {
                    calendarsFile = Optional.of(file);
                }
                continue;
            }
            Matcher m = POLICY_KEY.matcher(key);
            if (!m.matches()) {
                problems.add(key + ": unknown SLA key (known: " + PREFIX + "default-policy, " + PREFIX
                        + "calendars-file, " + PREFIX + "policies.<name>.calendar|warn-at|on-warning|on-breach|pause-on-vendor|"
                        + "<priority>.first-response|next-update|resolution)");
                continue;
            }
            String policy = m.group(1);
            switch (m.group(2)) {
                case "calendar" -> calendars.put(policy, single);
                case "warn-at" -> warnAt.put(policy, fractions(key, items, problems));
                case "on-warning" -> onWarning.put(policy, actions(key, items, problems));
                case "on-breach" -> onBreach.put(policy, actions(key, items, problems));
                case "pause-on-vendor" -> {
                    if (single.equals("true") || single.equals("false")) {
                        pauseOnVendor.put(policy, Boolean.parseBoolean(single));
                    } else {
                        problems.add(key + ": must be true or false (was '" + single + "')");
                    }
                }
                default -> {
                    Priority priority = Priority.valueOf(m.group(3).toUpperCase(Locale.ROOT));
                    DeadlineKind kind = DeadlineKind.valueOf(m.group(4).toUpperCase(Locale.ROOT).replace('-', '_'));
                    ConfigValues.positiveDuration(key, single, problems).ifPresent(d -> targets.computeIfAbsent(policy,
                            p -> new EnumMap<>(Priority.class)).computeIfAbsent(priority,
                            p -> new EnumMap<>(DeadlineKind.class)).put(kind, d));
                }
            }
        }
        Map<String, SlaPolicy> policies = new TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>();
        names.addAll(calendars.keySet());
        names.addAll(targets.keySet());
        names.addAll(warnAt.keySet());
        names.addAll(onWarning.keySet());
        names.addAll(onBreach.keySet());
        names.addAll(pauseOnVendor.keySet());
        for (String name : names) {
            if (!calendars.containsKey(name)) {
                problems.add(PREFIX + "policies." + name + ".calendar: is required");
            }
            if (!targets.containsKey(name)) {
                problems.add(PREFIX + "policies." + name + ": sets no deadline (e.g. " + PREFIX + "policies." + name
                        + ".normal.resolution = 8h)");
            }
            policies.put(name, new SlaPolicy(name, calendars.getOrDefault(name, ""), targets.getOrDefault(name,
                    Map.of()), warnAt.getOrDefault(name, List.of()), onWarning.getOrDefault(name, List.of()),
                    onBreach.getOrDefault(name, List.of()), pauseOnVendor.getOrDefault(name, false)));
        }
        defaultPolicy.filter(p -> !policies.containsKey(p)).ifPresent(p ->
                problems.add(PREFIX + "default-policy: no policy '" + p + "' is configured"));
        return new SlaSettings(Map.copyOf(policies), defaultPolicy, calendarsFile);
    }

    private static List<Double> fractions(String key, List<String> items, List<String> problems) {
        List<Double> result = new ArrayList<>();
        for (String item : items) {
            try {
                double f = Double.parseDouble(item);
                if (f <= 0 || f >= 1) {
                    problems.add(key + ": '" + item + "' must be a fraction between 0 and 1, e.g. 0.75");
                } else {
                    result.add(f);
                }
            } catch (NumberFormatException e) {
                problems.add(key + ": '" + item + "' is not a number");
            }
        }
        result.sort(Double::compare);
        return List.copyOf(result);
    }

    private static List<String> actions(String key, List<String> items, List<String> problems) {
        for (String item : items) {
            if (!(item.equals("raise-priority") || item.matches("notify:\\S+") || item.matches("escalate:\\S+"))) {
                problems.add(key + ": '" + item + "' is not an action (notify:<recipient id>, raise-priority, "
                        + "escalate:<group id>)");
            }
        }
        return List.copyOf(items);
    }
}
