package dev.supportkit.core.internal.config;

import dev.supportkit.spi.settings.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Value parsing shared by the engine's own settings sections (intake, SLA, routing). */
final class ConfigValues {
    private ConfigValues() {
    }

    /**
     * Splits configured lists: each value may itself be comma-separated; blanks are dropped.
     *
     * @param raw the configured values
     * @return the items, trimmed
     */
    static List<String> split(List<String> raw) {
        List<String> items = new ArrayList<>();
        for (String value : raw) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        return items;
    }

    /**
     * Parses a positive duration with the syntax every duration setting accepts ({@link Setting#parseDuration}).
     *
     * @param key      the full key, for the problem
     * @param text     the configured text
     * @param problems where a problem is recorded
     * @return the duration, or empty after recording a problem
     */
    static Optional<Duration> positiveDuration(String key, String text, List<String> problems) {
        Duration duration;
        try {
            duration = Setting.parseDuration(text);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": '" + text + "' is not a duration (ISO-8601 such as PT30M, or 30m, 2h, 1d)");
            return Optional.empty();
        }
        if (duration.isZero() || duration.isNegative()) {
            problems.add(key + ": must be positive (was '" + text + "')");
            return Optional.empty();
        }
        return Optional.of(duration);
    }
}
