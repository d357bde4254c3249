package dev.supportkit.core.internal.intake;

import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.request.Priority;
import dev.supportkit.core.internal.config.IntakeSettings.EmergencyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Intake's emergency rules (A/01.3: analyse contacts to detect emergencies) applied to one contact: every
 * rule whose conditions all hold is a reason, and the highest priority of the matching rules is the one the
 * request is raised to (never lowered).
 */
final class EmergencyRules {
    private final List<EmergencyRule> rules;

    /**
     * What the rules found.
     *
     * @param priority the priority to raise to (the highest of the matching rules)
     * @param reasons  each matching rule in words
     */
    record Outcome(Priority priority, List<String> reasons) {
    }

    /** @param rules the configured rules, in order */
    EmergencyRules(List<EmergencyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Applies the rules.
     *
     * @param subject the contact's subject, may be null
     * @param text    the contact's text
     * @param answers the request's normalised answers after the contact
     * @param system  the supported system concerned, if known
     * @return the outcome, when any rule matched
     */
    Optional<Outcome> evaluate(String subject, String text, Map<String, List<String>> answers,
                               Optional<SupportedSystem> system) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        String words = ((subject == null ? "" : subject) + "\n" + (text == null ? "" : text)).toLowerCase(Locale.ROOT);
        Priority priority = null;
        List<String> reasons = new ArrayList<>();
        for (EmergencyRule rule : rules) {
            List<String> why = new ArrayList<>();
            if (!rule.textContains().isEmpty()) {
                Optional<String> phrase = rule.textContains().stream().filter(words::contains).findFirst();
                if (phrase.isEmpty()) {
                    continue;
                }
                why.add("text mentions '" + phrase.get() + "'");
            }
            if (rule.answer().isPresent()) {
                String key = rule.answer().get();
                Optional<String> value = answers.getOrDefault(key, List.of()).stream()
                        .filter(v -> rule.answerValues().contains(v.toLowerCase(Locale.ROOT))).findFirst();
                if (value.isEmpty()) {
                    continue;
                }
                why.add("answer '" + key + "' is '" + value.get() + "'");
            }
            if (rule.criticalSystem()) {
                if (system.isEmpty() || !system.get().critical()) {
                    continue;
                }
                why.add("system '" + system.get().name() + "' (" + system.get().id() + ") is critical");
            }
            reasons.add(String.join(" and ", why) + " (" + rule.name() + ")");
            if (priority == null || rule.priority().compareTo(priority) > 0) {
                priority = rule.priority();
            }
        }
        return priority == null ? Optional.empty() : Optional.of(new Outcome(priority, List.copyOf(reasons)));
    }
}
