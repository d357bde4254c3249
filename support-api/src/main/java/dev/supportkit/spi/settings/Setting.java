package dev.supportkit.spi.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One setting a provider reads: its key (without the {@code supportkit.providers.<id>.} prefix), type,
 * default, allowed range or choices, a description for the settings reference, and whether its value is a
 * secret. Built with a validating builder, e.g.
 * {@code Setting.integer("port").range(1, 65_535).defaultValue(25).description("the SMTP port").build()}.
 *
 * @param <T> the type of the parsed value
 */
public final class Setting<T> {
    /** The kinds of value a setting holds. */
    public enum Type {
        /** Free text (trimmed unless it is a secret). */
        STRING,
        /** A whole number, possibly bounded. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT30S}). */
        DURATION,
        /** One of a fixed set of lower-case words. */
        CHOICE
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

    private final String name;
    private final Type type;
    private final String description;
    private final T defaultValue;
    private final boolean required;
    private final boolean secret;
    private final long min;
    private final long max;
    private final List<String> choices;
    private final Function<String, T> parser;
    private final Function<T, String> printer;

    private Setting(Builder<T> builder) {
        this.name = builder.name;
        this.type = builder.type;
        this.description = builder.description;
        this.defaultValue = builder.defaultValue;
        this.required = builder.required;
        this.secret = builder.secret;
        this.min = builder.min;
        this.max = builder.max;
        this.choices = builder.choices;
        this.parser = builder.parser;
        this.printer = builder.printer;
    }

    /**
     * Starts a text setting.
     *
     * @param name the key, lower-case words joined by {@code -} or {@code .}
     * @return a builder
     */
    public static Builder<String> string(String name) {
        return new Builder<>(name, Type.STRING, List.of(), text -> text, value -> value);
    }

    /**
     * Starts a whole-number setting (a Java {@code int}).
     *
     * @param name the key
     * @return a builder, bounded to the {@code int} range until {@link Builder#range} narrows it
     */
    public static Builder<Integer> integer(String name) {
        Builder<Integer> builder = new Builder<>(name, Type.INTEGER, List.of(), text -> Integer.valueOf(text.strip()),
                String::valueOf);
        builder.min = Integer.MIN_VALUE;
        builder.max = Integer.MAX_VALUE;
        return builder;
    }

    /**
     * Starts a yes/no setting.
     *
     * @param name the key
     * @return a builder
     */
    public static Builder<Boolean> bool(String name) {
        return new Builder<>(name, Type.BOOLEAN, List.of("true", "false"), text -> Boolean.valueOf(text.strip()),
                String::valueOf);
    }

    /**
     * Starts a duration setting; {@link Builder#range} bounds it in milliseconds.
     *
     * @param name the key
     * @return a builder
     */
    public static Builder<Duration> duration(String name) {
        Builder<Duration> builder = new Builder<>(name, Type.DURATION, List.of(), Setting::parseDuration,
                Setting::printDuration);
        builder.min = 0;
        builder.max = Long.MAX_VALUE;
        return builder;
    }

    /**
     * Starts a setting whose value is one of an enum's constants, written in lower case
     * ({@code STARTTLS} is configured as {@code starttls}).
     *
     * @param name the key
     * @param type the enum
     * @param <E>  the enum type
     * @return a builder
     */
    public static <E extends Enum<E>> Builder<E> choice(String name, Class<E> type) {
        List<String> words = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableList());
        return new Builder<>(name, Type.CHOICE, words,
                text -> Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)),
                value -> value.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Returns the key without the provider prefix.
     *
     * @return the key without the provider prefix
     */
    public String name() {
        return name;
    }

    /**
     * Returns the kind of value.
     *
     * @return the kind of value
     */
    public Type type() {
        return type;
    }

    /**
     * Returns what the setting is for, in a few words (used in messages and the settings reference).
     *
     * @return what the setting is for
     */
    public String description() {
        return description;
    }

    /**
     * Returns the value used when the key is absent.
     *
     * @return the value used when the key is absent; empty when there is none
     */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Returns the default as it would be configured, e.g. {@code 2775} or {@code starttls}; empty when none.
     *
     * @return the default as configuration text, or an empty string
     */
    public String defaultText() {
        return defaultValue == null ? "" : printer.apply(defaultValue);
    }

    /**
     * Returns whether the key must be configured.
     *
     * @return whether the key must be configured
     */
    public boolean required() {
        return required;
    }

    /**
     * Returns whether the value is a secret (never shown in messages, {@code toString} or logs).
     *
     * @return whether the value is a secret
     */
    public boolean secret() {
        return secret;
    }

    /**
     * Returns the smallest allowed number (milliseconds for a duration).
     *
     * @return the smallest allowed number
     */
    public long min() {
        return min;
    }

    /**
     * Returns the largest allowed number (milliseconds for a duration).
     *
     * @return the largest allowed number
     */
    public long max() {
        return max;
    }

    /**
     * Returns the allowed words of a choice or boolean setting, in declaration order.
     *
     * @return the allowed words; empty for other types
     */
    public List<String> choices() {
        return choices;
    }

    /**
     * The rule a value must follow, in words, e.g. "an integer from 1 to 65535" or "'tts' or 'operator'".
     *
     * @return the rule in words
     */
    public String rule() {
        return switch (type) {
            case STRING -> "text";
            case INTEGER -> "an integer" + bounds(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case DURATION -> "a duration such as 30s, 5m or PT1H" + bounds(min, max, 0, Long.MAX_VALUE)
                    .replaceAll("(\\d+)", "$1 ms");
            case BOOLEAN, CHOICE -> quotedChoices();
        };
    }

    /** Parses a value, or reports the rule it breaks. */
    Parsed<T> parse(String text) {
        T value;
        try {
            value = parser.apply(type == Type.STRING && !secret ? text.strip() : text);
        } catch (RuntimeException e) {
            return Parsed.failed("must be " + rule());
        }
        if ((type == Type.BOOLEAN || type == Type.CHOICE) && !choices.contains(text.strip().toLowerCase(Locale.ROOT))) {
            return Parsed.failed("must be " + rule());
        }
        long number = switch (type) {
            case INTEGER -> (Integer) value;
            case DURATION -> ((Duration) value).toMillis();
            default -> 0;
        };
        if (number < min || number > max) {
            return Parsed.failed("must be " + rule());
        }
        return new Parsed<>(value, null);
    }

    private String quotedChoices() {
        List<String> quoted = choices.stream().map(c -> "'" + c + "'").collect(Collectors.toList());
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }

    private static String bounds(long min, long max, long lowest, long highest) {
        if (min == lowest && max == highest) {
            return "";
        }
        if (max == highest) {
            return " of at least " + min;
        }
        if (min == lowest) {
            return " of at most " + max;
        }
        return " from " + min + " to " + max;
    }

    /**
     * Parses a duration as every duration setting accepts it: {@code 500ms}, {@code 30s}, {@code 5m},
     * {@code 2h}, {@code 1d} (a blank between number and unit is allowed) or ISO-8601 ({@code PT30S}).
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException when the text is no duration
     */
    public static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        var simple = SIMPLE_DURATION.matcher(value);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration", e);
        }
    }

    private static String printDuration(Duration value) {
        long millis = value.toMillis();
        if (millis % 86_400_000 == 0 && millis > 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    @Override
    public String toString() {
        return "Setting[" + name + ", " + type + (required ? ", required" : ", default=" + (secret ? "****"
                : defaultText())) + "]";
    }

    /** A parsed value, or the rule it broke. */
    record Parsed<T>(T value, String problem) {
        static <T> Parsed<T> failed(String problem) {
            return new Parsed<>(null, problem);
        }
    }

    /**
     * Builds a {@link Setting}; {@link #build()} checks that the declaration makes sense.
     *
     * @param <T> the type of the parsed value
     */
    public static final class Builder<T> {
        private final String name;
        private final Type type;
        private final List<String> choices;
        private final Function<String, T> parser;
        private final Function<T, String> printer;
        private String description;
        private T defaultValue;
        private boolean required;
        private boolean secret;
        private long min;
        private long max;

        private Builder(String name, Type type, List<String> choices, Function<String, T> parser,
                        Function<T, String> printer) {
            this.name = name;
            this.type = type;
            this.choices = choices;
            this.parser = parser;
            this.printer = printer;
        }

        /**
         * Sets what the setting is for (required).
         *
         * @param text a few words, e.g. "the SMTP server's host name"
         * @return this builder
         */
        public Builder<T> description(String text) {
            this.description = text;
            return this;
        }

        /**
         * Sets the value used when the key is absent.
         *
         * @param value the default
         * @return this builder
         */
        public Builder<T> defaultValue(T value) {
            this.defaultValue = Objects.requireNonNull(value, "defaultValue");
            return this;
        }

        /**
         * Makes the key required: an absent or blank value is a problem.
         *
         * @return this builder
         */
        public Builder<T> required() {
            this.required = true;
            return this;
        }

        /**
         * Marks the value as a secret: never shown in messages, and masked by {@link SettingsReader#mask}.
         *
         * @return this builder
         */
        public Builder<T> secret() {
            this.secret = true;
            return this;
        }

        /**
         * Bounds a number (milliseconds for a duration), both ends included.
         *
         * @param lowest  the smallest allowed value
         * @param highest the largest allowed value
         * @return this builder
         */
        public Builder<T> range(long lowest, long highest) {
            this.min = lowest;
            this.max = highest;
            return this;
        }

        /**
         * Bounds a number (milliseconds for a duration) from below only.
         *
         * @param lowest the smallest allowed value
         * @return this builder
         */
        public Builder<T> atLeast(long lowest) {
            return range(lowest, max);
        }

        /**
         * Checks the declaration and builds the setting.
         *
         * @return the setting
         * @throws IllegalArgumentException naming every mistake in the declaration
         */
        public Setting<T> build() {
            List<String> mistakes = new ArrayList<>();
            if (name == null || !NAME.matcher(name).matches()) {
                mistakes.add("name must be lower-case words joined by '-' or '.', was '" + name + "'");
            }
            if (description == null || description.isBlank()) {
                mistakes.add("description is required");
            }
            if (required && defaultValue != null) {
                mistakes.add("a required setting has no default");
            }
            boolean numeric = type == Type.INTEGER || type == Type.DURATION;
            if (!numeric && (min != 0 || max != 0)) {
                mistakes.add("only integer and duration settings have a range");
            }
            if (numeric && min > max) {
                mistakes.add("range " + min + ".." + max + " is empty");
            }
            Setting<T> setting = mistakes.isEmpty() ? new Setting<>(this) : null;
            if (setting != null && defaultValue != null && setting.parse(printer.apply(defaultValue)).problem() != null) {
                mistakes.add("default " + printer.apply(defaultValue) + " is not " + setting.rule());
            }
            if (!mistakes.isEmpty()) {
                throw new IllegalArgumentException("Setting '" + name + "': " + String.join("; ", mistakes));
            }
            return setting;
        }
    }
}
