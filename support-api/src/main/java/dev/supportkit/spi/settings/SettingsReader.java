package dev.supportkit.spi.settings;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a provider's settings against its declared {@link Setting}s and collects every problem (unknown
 * keys, missing required values, values that break their rule, and the provider's own checks added with
 * {@link #problem}) so that one {@link ConfigurationException} lists them all. Each problem names the full
 * key ({@code supportkit.providers.<id>.<name>}) and the rule; a secret's value is never quoted.
 *
 * <pre>{@code
 * SettingsReader reader = SettingsReader.of("supportkit.providers.sms.", context.settings(), SETTINGS);
 * String host = reader.get(HOST);
 * int port = reader.get(PORT);
 * reader.throwIfProblems();
 * }</pre>
 */
public final class SettingsReader {
    private final String prefix;
    private final Map<String, String> values;
    private final Map<String, Setting<?>> declared = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(String prefix, Map<String, String> values, Collection<? extends Setting<?>> settings) {
        this.prefix = prefix;
        this.values = values;
        for (Setting<?> setting : settings) {
            if (declared.put(setting.name(), setting) != null) {
                throw new IllegalArgumentException("Setting '" + setting.name() + "' is declared twice");
            }
        }
        TreeSet<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(declared.keySet());
        String known = String.join(", ", new TreeSet<>(declared.keySet()));
        for (String key : unknown) {
            problems.add(prefix + key + ": unknown setting (known: " + known + ")");
        }
    }

    /**
     * Starts reading; unknown keys are reported at once.
     *
     * @param prefix   the prefix of every key in messages, e.g. {@code supportkit.providers.sms.}
     * @param settings the provider's configured values
     * @param declared every setting the provider understands
     * @return a reader
     */
    public static SettingsReader of(String prefix, ProviderSettings settings,
                                    Collection<? extends Setting<?>> declared) {
        return new SettingsReader(prefix, settings.asMap(), declared);
    }

    /**
     * Starts reading plain key-value pairs (e.g. a core section of the engine's configuration).
     *
     * @param prefix   the prefix of every key in messages
     * @param values   key (without the prefix) to value
     * @param declared every setting understood under the prefix
     * @return a reader
     */
    public static SettingsReader of(String prefix, Map<String, String> values,
                                    Collection<? extends Setting<?>> declared) {
        return new SettingsReader(prefix, Map.copyOf(values), declared);
    }

    /**
     * Returns the setting's value: the configured one when it follows the rule, else the default (the
     * problem is recorded). An absent key yields the default; a required setting that is absent yields
     * {@code null} and a problem. A blank value is a problem for every type but text (write nothing, not
     * {@code port=}, to get the default); blank text counts as absent.
     *
     * @param setting a declared setting
     * @param <T>     its type
     * @return the value, the default, or null when there is neither
     */
    public <T> T get(Setting<T> setting) {
        requireDeclared(setting);
        String raw = values.get(setting.name());
        if (raw == null || raw.isBlank() && setting.type() == Setting.Type.STRING) {
            return missing(setting);
        }
        if (raw.isBlank()) {
            problems.add(prefix + setting.name() + ": must not be blank (" + setting.description()
                    + "); leave the key out for the default");
            return setting.defaultValue().orElse(null);
        }
        Setting.Parsed<T> parsed = setting.parse(raw);
        if (parsed.problem() != null) {
            problems.add(prefix + setting.name() + ": " + parsed.problem()
                    + (setting.secret() ? "" : ", was '" + raw + "'"));
            return setting.defaultValue().orElse(null);
        }
        return parsed.value();
    }

    /**
     * Returns the configured value only (the default is not used): empty when the key is absent, or blank
     * text, or breaks its rule (then the problem is recorded, as by {@link #get}).
     *
     * @param setting a declared setting
     * @param <T>     its type
     * @return the configured value, if any and valid
     */
    public <T> Optional<T> optional(Setting<T> setting) {
        requireDeclared(setting);
        String raw = values.get(setting.name());
        if (raw == null || raw.isBlank() && setting.type() == Setting.Type.STRING) {
            return Optional.empty();
        }
        int before = problems.size();
        T value = get(setting);
        return problems.size() == before ? Optional.ofNullable(value) : Optional.empty();
    }

    /**
     * Returns whether the key is configured with a non-blank value.
     *
     * @param setting a declared setting
     * @return whether it is configured
     */
    public boolean isSet(Setting<?> setting) {
        requireDeclared(setting);
        String raw = values.get(setting.name());
        return raw != null && !raw.isBlank();
    }

    /**
     * Records a problem the provider found itself, e.g. a value that breaks a rule across settings.
     *
     * @param setting the setting concerned
     * @param rule    what is wrong, e.g. "must not contain line breaks"; must not quote a secret
     */
    public void problem(Setting<?> setting, String rule) {
        requireDeclared(setting);
        problems.add(prefix + setting.name() + ": " + rule);
    }

    /**
     * Records a problem whose text already names its full key (e.g. one found by a helper that parses a
     * URL).
     *
     * @param message the problem, starting with the full key; must not quote a secret
     */
    public void report(String message) {
        problems.add(message);
    }

    /**
     * Returns the full key of a setting, e.g. {@code supportkit.providers.sms.port}, for messages.
     *
     * @param setting a declared setting
     * @return the full key
     */
    public String key(Setting<?> setting) {
        return prefix + setting.name();
    }

    /**
     * Returns the problems recorded so far, in order.
     *
     * @return the problems recorded so far
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Throws when any problem was recorded.
     *
     * @throws ConfigurationException listing every problem
     */
    public void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    /**
     * Replaces every configured secret value (three characters or longer) in a text by {@code ****}, so a
     * library's message can be logged or returned without leaking it.
     *
     * @param text any text, or null
     * @return the text without secrets
     */
    public String mask(String text) {
        return mask(text, secretValues());
    }

    /**
     * Returns the configured values of the secret settings, for {@link #mask(String, Collection)}.
     *
     * @return the configured secret values
     */
    public List<String> secretValues() {
        List<String> secrets = new ArrayList<>();
        for (Setting<?> setting : declared.values()) {
            String raw = values.get(setting.name());
            if (setting.secret() && raw != null) {
                secrets.add(raw);
            }
        }
        return List.copyOf(secrets);
    }

    /**
     * Replaces each secret (three characters or longer: shorter ones would mask ordinary text) by
     * {@code ****}.
     *
     * @param text    any text, or null
     * @param secrets the secret values
     * @return the text without secrets
     */
    public static String mask(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                result = result.replace(secret, "****");
            }
        }
        return result;
    }

    private <T> T missing(Setting<T> setting) {
        if (setting.required()) {
            problems.add(prefix + setting.name() + ": required: " + setting.description());
            return null;
        }
        return setting.defaultValue().orElse(null);
    }

    private void requireDeclared(Setting<?> setting) {
        if (declared.get(setting.name()) != setting) {
            throw new IllegalArgumentException("Setting '" + setting.name() + "' was not declared to this reader");
        }
    }
}
