package dev.supportkit.examples.webdesk;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The desk's own settings. Each is read from a system property ({@code desk.port}) or else an environment
 * variable ({@code DESK_PORT}); the engine's settings ({@code supportkit.*}, e.g. PostgreSQL by
 * {@code SUPPORTKIT_PROVIDERS_JDBC_URL}) come from the engine's own configuration layers and the optional
 * {@code desk.engine-config} file.
 *
 * @param host          the address to listen on ({@code 127.0.0.1} by default)
 * @param port          the port ({@code 7070} by default; 0 picks a free one)
 * @param dataDirectory where the embedded H2 database lives ({@code data/web-desk})
 * @param usersFile     the users file; the demo users when absent
 * @param engineConfig  a SupportKit {@code .yaml} or {@code .properties} file, optional
 * @param secureCookies whether the session cookie is {@code Secure} (set it behind HTTPS)
 * @param seedDemoData  whether an empty directory is filled with the demo customers and staff
 */
public record DeskSettings(String host, int port, Path dataDirectory, Optional<Path> usersFile,
                           Optional<Path> engineConfig, boolean secureCookies, boolean seedDemoData) {

    /**
     * The settings from system properties and the environment.
     *
     * @return the settings
     */
    public static DeskSettings fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * The settings from system properties and the given environment.
     *
     * @param env environment variables
     * @return the settings
     */
    static DeskSettings from(Map<String, String> env) {
        return new DeskSettings(
                value(env, "desk.host").orElse("127.0.0.1"),
                Integer.parseInt(value(env, "desk.port").orElse("7070")),
                Path.of(value(env, "desk.data-directory").orElse("data/web-desk")),
                value(env, "desk.users-file").map(Path::of),
                value(env, "desk.engine-config").map(Path::of),
                Boolean.parseBoolean(value(env, "desk.secure-cookies").orElse("false")),
                Boolean.parseBoolean(value(env, "desk.demo-data").orElse("true")));
    }

    /**
     * A copy listening on another port.
     *
     * @param value the port; 0 picks a free one
     * @return the settings
     */
    public DeskSettings withPort(int value) {
        return new DeskSettings(host, value, dataDirectory, usersFile, engineConfig, secureCookies, seedDemoData);
    }

    /**
     * A copy with another data directory.
     *
     * @param value the directory
     * @return the settings
     */
    public DeskSettings withDataDirectory(Path value) {
        return new DeskSettings(host, port, value, usersFile, engineConfig, secureCookies, seedDemoData);
    }

    private static Optional<String> value(Map<String, String> env, String key) {
        String property = System.getProperty(key);
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        String variable = env.get(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable);
    }
}
