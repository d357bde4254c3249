package dev.supportkit.spi;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider's own configuration: the keys under {@code supportkit.providers.<id>.} with that prefix
 * removed. Values are strings as configured.
 */
public final class ProviderSettings {
    private final Map<String, String> values;

    /**
     * Creates settings from a map.
     *
     * @param values key to value
     */
    public ProviderSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Returns settings with no keys.
     *
     * @return settings with no keys
     */
    public static ProviderSettings empty() {
        return new ProviderSettings(Map.of());
    }

    /**
     * @param key the key without the provider prefix
     * @return the value, if configured
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * @param key          the key
     * @param defaultValue the value when not configured
     * @return the value or the default
     */
    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /**
     * @param key          the key
     * @param defaultValue the value when not configured
     * @return the value as an int, or the default
     * @throws IllegalArgumentException naming the key when the value is not an integer
     */
    public int getInt(String key, int defaultValue) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting '" + key + "' must be an integer, got '" + value + "'", e);
        }
    }

    /**
     * Returns all settings, sorted by key.
     *
     * @return all settings, sorted by key
     */
    public Map<String, String> asMap() {
        return new TreeMap<>(values);
    }

    /** Prints keys only: values may be secrets. */
    @Override
    public String toString() {
        return "ProviderSettings" + new TreeMap<>(values).keySet();
    }
}
