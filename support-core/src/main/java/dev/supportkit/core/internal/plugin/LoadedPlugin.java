package dev.supportkit.core.internal.plugin;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A PF4J plugin that {@link ProviderDiscovery} loaded and started.
 *
 * @param id       the {@code Plugin-Id}
 * @param version  the {@code Plugin-Version}
 * @param requires the {@code Plugin-Requires} SPI version constraint ({@code *} when not declared)
 * @param provider the {@code Plugin-Provider}, or an empty string
 * @param path     the plugin jar or directory
 */
public record LoadedPlugin(String id, String version, String requires, String provider, Path path) {
    /**
     * Checks the components; a null provider becomes an empty string.
     *
     * @param id the {@code Plugin-Id}
     * @param version the {@code Plugin-Version}
     * @param requires the {@code Plugin-Requires} SPI version constraint ({@code *} when not declared)
     * @param provider the {@code Plugin-Provider}, or an empty string
     * @param path the plugin jar or directory
     */
    public LoadedPlugin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(requires, "requires");
        provider = provider == null ? "" : provider;
        Objects.requireNonNull(path, "path");
    }
}
