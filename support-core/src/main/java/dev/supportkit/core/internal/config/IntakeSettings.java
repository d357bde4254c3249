package dev.supportkit.core.internal.config;

import dev.supportkit.api.intake.IncidentScope;
import dev.supportkit.api.request.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intake (A/01.3): questionnaire files, attaching contacts to open requests, emergency rules and mass-incident
 * detection, from the keys under {@code supportkit.intake.}:
 * <pre>
 * supportkit.intake.questionnaire-directory = /etc/supportkit/questionnaires   (&lt;dir&gt;/&lt;tenant-id&gt;/*.yaml)
 * supportkit.intake.attach-to-open-request  = true          (default true)
 * supportkit.intake.emergency.rules.1.text-contains = outage, авария      (any of; subject and text, ignoring case)
 * supportkit.intake.emergency.rules.1.priority      = critical            (high or critical; default critical)
 * supportkit.intake.emergency.rules.2.answer        = users-affected      (a question key ...)
 * supportkit.intake.emergency.rules.2.answer-values = all                 (... answered with any of these)
 * supportkit.intake.emergency.rules.3.critical-system = true              (the contact's system is critical)
 * supportkit.intake.mass-incident.threshold = 5              (N &ge; 2 requests; absent = detection off)
 * supportkit.intake.mass-incident.window    = PT30M          (ISO-8601, or 30m, 2h, 1d)
 * supportkit.intake.mass-incident.scopes    = system-model, site, service   (default: all three)
 * supportkit.intake.caller-lookup.timeout   = 2s           (how long a CRM may take to recognise a caller)
 * supportkit.intake.unknown-caller.representative = rep-unknown   (contacts of unrecognised callers; absent: refused)
 * </pre>
 * The match keys of one emergency rule must all match (a rule needs at least one); every matching rule is a
 * reason, and the highest priority of the matching rules is the one the request is raised to.
 *
 * @param questionnaireDirectory questionnaire files loaded at engine start, if any
 * @param attachToOpenRequest    whether a contact about a system the customer has an open request about is
 *                               attached to that request instead of registering a new one
 * @param emergencyRules         the emergency rules in the numeric order of {@code <n>}
 * @param massIncident           mass-incident detection, if turned on
 * @param callers                how callers given by phone number or e-mail address are recognised
 */
public record IntakeSettings(Optional<Path> questionnaireDirectory, boolean attachToOpenRequest,
                             List<EmergencyRule> emergencyRules, Optional<MassIncidentDetection> massIncident,
                             Callers callers) {
    /** The key prefix. */
    public static final String PREFIX = "supportkit.intake.";
    /** Key: the questionnaire directory. */
    public static final String QUESTIONNAIRE_DIRECTORY = PREFIX + "questionnaire-directory";
    /** Key: attach contacts to the open request about the same system. */
    public static final String ATTACH_TO_OPEN_REQUEST = PREFIX + "attach-to-open-request";
    /** Key: mass-incident threshold. */
    public static final String INCIDENT_THRESHOLD = PREFIX + "mass-incident.threshold";
    /** Key: mass-incident window. */
    public static final String INCIDENT_WINDOW = PREFIX + "mass-incident.window";
    /** Key: mass-incident scopes. */
    public static final String INCIDENT_SCOPES = PREFIX + "mass-incident.scopes";
    /** Key: how long the CRM adapters together may take to recognise a caller. */
    public static final String CALLER_LOOKUP_TIMEOUT = PREFIX + "caller-lookup.timeout";
    /** Key: the representative the contacts of unrecognised callers are registered under. */
    public static final String UNKNOWN_CALLER_REPRESENTATIVE = PREFIX + "unknown-caller.representative";
    /** The default of {@link #CALLER_LOOKUP_TIMEOUT}. */
    public static final Duration DEFAULT_CALLER_LOOKUP_TIMEOUT = Duration.ofSeconds(2);
    /** The longest {@link #CALLER_LOOKUP_TIMEOUT}: a registration never waits longer for a CRM. */
    public static final Duration MAX_CALLER_LOOKUP_TIMEOUT = Duration.ofSeconds(30);

    /** No questionnaire files, attaching on, no emergency rules, no mass-incident detection. */
    public static final IntakeSettings DEFAULTS = new IntakeSettings(Optional.empty(), true, List.of(),
            Optional.empty(), new Callers(DEFAULT_CALLER_LOOKUP_TIMEOUT, Optional.empty()));

    private static final Pattern RULE_KEY = Pattern.compile(
            "supportkit\\.intake\\.emergency\\.rules\\.([0-9]{1,4})\\.(text-contains|answer|answer-values"
                    + "|critical-system|priority)");

    /**
     * One emergency rule.
     *
     * @param name           its configuration key prefix, e.g. {@code supportkit.intake.emergency.rules.1}
     * @param textContains   phrases of which any in the subject or text matches (lower case); empty: no text
     *                       condition
     * @param answer         the question key whose answer is checked, if any
     * @param answerValues   the answer values of which any matches (lower case); empty without {@code answer}
     * @param criticalSystem whether the contact's supported system must be marked critical
     * @param priority       the priority a matching contact is raised to: {@code HIGH} or {@code CRITICAL}
     */
    public record EmergencyRule(String name, List<String> textContains, Optional<String> answer,
                                Set<String> answerValues, boolean criticalSystem, Priority priority) {
        /**
         * Freezes the collections.
         *
         * @param name           its configuration key prefix
         * @param textContains   the phrases (lower case)
         * @param answer         the question key, if any
         * @param answerValues   the answer values (lower case)
         * @param criticalSystem whether the system must be critical
         * @param priority       the priority raised to
         */
        public EmergencyRule {
            textContains = List.copyOf(textContains);
            answerValues = Set.copyOf(answerValues);
        }
    }

    /**
     * How intake recognises a caller given by phone number or e-mail address instead of a representative.
     *
     * @param lookupTimeout         how long the started CRM adapters together may take to answer; a CRM slower than
     *                              this, failing or pausing counts as unavailable
     * @param unknownRepresentative the representative (of a placeholder organisation) contacts of callers recognised
     *                              nowhere are registered under, for an operator to check; empty: such a contact is
     *                              refused as lacking a representative
     */
    public record Callers(Duration lookupTimeout, Optional<String> unknownRepresentative) {
    }

    /**
     * Mass-incident detection.
     *
     * @param threshold how many requests with one scope value make an incident, at least 2
     * @param window    within how long they must be registered
     * @param scopes    the scopes looked at, in order
     */
    public record MassIncidentDetection(int threshold, Duration window, List<IncidentScope> scopes) {
        /**
         * Freezes the list.
         *
         * @param threshold how many requests make an incident
         * @param window    within how long
         * @param scopes    the scopes looked at
         */
        public MassIncidentDetection {
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * Freezes the list.
     *
     * @param questionnaireDirectory questionnaire files loaded at engine start, if any
     * @param attachToOpenRequest    whether to attach contacts to the open request about the same system
     * @param emergencyRules         the emergency rules
     * @param massIncident           mass-incident detection, if turned on
     * @param callers                how callers are recognised
     */
    public IntakeSettings {
        emergencyRules = List.copyOf(emergencyRules);
    }

    /**
     * Parses the {@code supportkit.intake.} keys.
     *
     * @param values   every configured {@code supportkit.intake.*} key with its values
     * @param problems where to report problems
     * @return the settings
     */
    static IntakeSettings parse(Map<String, List<String>> values, List<String> problems) {
        Optional<Path> directory = Optional.empty();
        boolean attach = true;
        Map<Integer, Map<String, List<String>>> byRule = new TreeMap<>();
        Map<String, String> incident = new TreeMap<>();
        Duration lookupTimeout = DEFAULT_CALLER_LOOKUP_TIMEOUT;
        Optional<String> unknownRepresentative = Optional.empty();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String key = entry.getKey();
            List<String> items = ConfigValues.split(entry.getValue());
            String single = String.join(",", entry.getValue()).trim();
            if (key.equals(QUESTIONNAIRE_DIRECTORY)) {
                if (single.isBlank()) {
                    continue;
                }
                Path path = Path.of(single);
                if (!Files.isDirectory(path)) {
                    problems.add(key + ": '" + single + "' does not exist or is not a directory");
                } else {
                    directory = Optional.of(path);
                }
                continue;
            }
            if (key.equals(ATTACH_TO_OPEN_REQUEST)) {
                if (single.equalsIgnoreCase("true") || single.equalsIgnoreCase("false")) {
                    attach = Boolean.parseBoolean(single);
                } else {
                    problems.add(key + ": must be true or false (was '" + single + "')");
                }
                continue;
            }
            if (key.equals(CALLER_LOOKUP_TIMEOUT)) {
                Optional<Duration> timeout = ConfigValues.positiveDuration(key, single, problems);
                if (timeout.isPresent() && timeout.get().compareTo(MAX_CALLER_LOOKUP_TIMEOUT) > 0) {
                    problems.add(key + ": must be at most " + MAX_CALLER_LOOKUP_TIMEOUT.toSeconds()
                            + "s, a registration never waits longer for a CRM (was '" + single + "')");
                } else if (timeout.isPresent()) {
                    lookupTimeout = timeout.get();
                }
                continue;
            }
            if (key.equals(UNKNOWN_CALLER_REPRESENTATIVE)) {
                unknownRepresentative = single.isBlank() ? Optional.empty() : Optional.of(single);
                continue;
            }
            if (key.equals(INCIDENT_THRESHOLD) || key.equals(INCIDENT_WINDOW) || key.equals(INCIDENT_SCOPES)) {
                incident.put(key, single);
                continue;
            }
            Matcher m = RULE_KEY.matcher(key);
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
                problems.add(key + ": unknown intake key (known: " + QUESTIONNAIRE_DIRECTORY + ", "
                        + ATTACH_TO_OPEN_REQUEST + ", " + PREFIX + "emergency.rules.<n>.text-contains|answer|"
                        + "answer-values|critical-system|priority with <n> from 1 to 9999, " + INCIDENT_THRESHOLD
                        + ", " + INCIDENT_WINDOW + ", " + INCIDENT_SCOPES + ", " + CALLER_LOOKUP_TIMEOUT + ", "
                        + UNKNOWN_CALLER_REPRESENTATIVE + ")");
                continue;
            }
            if (items.isEmpty()) {
                problems.add(key + ": must not be empty");
                continue;
            }
            byRule.computeIfAbsent(Integer.parseInt(m.group(1)), n -> new TreeMap<>()).put(m.group(2), items);
        }
        List<EmergencyRule> rules = new ArrayList<>();
        byRule.forEach((n, keys) -> rule(PREFIX + "emergency.rules." + n, keys, problems).ifPresent(rules::add));
        rules.sort(Comparator.comparingInt(r -> Integer.parseInt(r.name().substring(r.name().lastIndexOf('.') + 1))));
        return new IntakeSettings(directory, attach, rules, massIncident(incident, problems),
                new Callers(lookupTimeout, unknownRepresentative));
    }

    private static Optional<EmergencyRule> rule(String name, Map<String, List<String>> keys, List<String> problems) {
        int before = problems.size();
        List<String> text = keys.getOrDefault("text-contains", List.of()).stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<String> answer = keys.getOrDefault("answer", List.of());
        List<String> answerValues = keys.getOrDefault("answer-values", List.of());
        if (answer.size() > 1) {
            problems.add(name + ".answer: must name exactly one question key");
        }
        if (!answer.isEmpty() && answerValues.isEmpty()) {
            problems.add(name + ".answer-values: is required with " + name + ".answer");
        }
        if (answer.isEmpty() && !answerValues.isEmpty()) {
            problems.add(name + ".answer: is required with " + name + ".answer-values");
        }
        boolean critical = false;
        List<String> criticalValue = keys.getOrDefault("critical-system", List.of());
        if (!criticalValue.isEmpty()) {
            String v = criticalValue.get(0);
            if (criticalValue.size() != 1 || !(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
                problems.add(name + ".critical-system: must be true or false (was '" + String.join(",", criticalValue)
                        + "')");
            } else {
                critical = Boolean.parseBoolean(v);
            }
        }
        Priority priority = Priority.CRITICAL;
        List<String> priorityValue = keys.getOrDefault("priority", List.of());
        if (!priorityValue.isEmpty()) {
            String v = priorityValue.get(0).toUpperCase(Locale.ROOT);
            if (priorityValue.size() != 1 || !(v.equals("HIGH") || v.equals("CRITICAL"))) {
                problems.add(name + ".priority: must be high or critical (was '" + String.join(",", priorityValue)
                        + "')");
            } else {
                priority = Priority.valueOf(v);
            }
        }
        if (text.isEmpty() && answer.isEmpty() && answerValues.isEmpty() && !critical) {
            problems.add(name + ": needs at least one condition (text-contains, answer with answer-values, or "
                    + "critical-system = true)");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Set<String> values = new LinkedHashSet<>();
        answerValues.forEach(v -> values.add(v.toLowerCase(Locale.ROOT)));
        return Optional.of(new EmergencyRule(name, text, answer.stream().findFirst(), values, critical, priority));
    }

    private static Optional<MassIncidentDetection> massIncident(Map<String, String> keys, List<String> problems) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String thresholdText = keys.get(INCIDENT_THRESHOLD);
        if (thresholdText == null || thresholdText.isBlank()) {
            problems.add(INCIDENT_THRESHOLD + ": is required to turn mass-incident detection on (set with "
                    + String.join(", ", keys.keySet()) + ")");
            return Optional.empty();
        }
        int threshold = 0;
        try {
            threshold = Integer.parseInt(thresholdText.trim());
            if (threshold < 2) {
                problems.add(INCIDENT_THRESHOLD + ": must be a whole number of at least 2 (was '" + thresholdText
                        + "')");
            }
        } catch (NumberFormatException e) {
            problems.add(INCIDENT_THRESHOLD + ": must be a whole number of at least 2 (was '" + thresholdText + "')");
        }
        Duration window = null;
        String windowText = keys.get(INCIDENT_WINDOW);
        if (windowText == null || windowText.isBlank()) {
            problems.add(INCIDENT_WINDOW + ": is required with " + INCIDENT_THRESHOLD + " (e.g. PT30M)");
        } else {
            window = ConfigValues.positiveDuration(INCIDENT_WINDOW, windowText, problems).orElse(null);
        }
        List<IncidentScope> scopes = new ArrayList<>();
        String scopeText = keys.get(INCIDENT_SCOPES);
        if (scopeText == null || scopeText.isBlank()) {
            scopes.addAll(List.of(IncidentScope.values()));
        } else {
            for (String item : ConfigValues.split(List.of(scopeText))) {
                String name = item.toUpperCase(Locale.ROOT).replace('-', '_');
                try {
                    IncidentScope scope = IncidentScope.valueOf(name);
                    if (!scopes.contains(scope)) {
                        scopes.add(scope);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(INCIDENT_SCOPES + ": '" + item + "' is not a scope (one of "
                            + Arrays.toString(IncidentScope.values()) + ")");
                }
            }
        }
        if (threshold < 2 || window == null || scopes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MassIncidentDetection(threshold, window, scopes));
    }
}
