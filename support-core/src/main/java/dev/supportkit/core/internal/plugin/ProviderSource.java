package dev.supportkit.core.internal.plugin;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a provider factory was found: on the application class path (listed in
 * {@code META-INF/services} of a jar that is a plain dependency) or in a PF4J plugin loaded from the
 * plugins directory.
 *
 * @param kind          the kind of source
 * @param pluginId      the plugin's {@code Plugin-Id}, for {@link Kind#PLUGIN} only
 * @param pluginVersion the plugin's {@code Plugin-Version}, for {@link Kind#PLUGIN} only
 */
public record ProviderSource(Kind kind, Optional<String> pluginId, Optional<String> pluginVersion) {
    /** The kind of source. */
    public enum Kind {
        /** The application class path: the plugin jar was added as an ordinary dependency. */
        CLASSPATH,
        /** A PF4J plugin loaded from the plugins directory. */
        PLUGIN
    }

    private static final ProviderSource CLASSPATH = new ProviderSource(Kind.CLASSPATH, Optional.empty(),
            Optional.empty());

    /**
     * Checks that a plugin source names its plugin and a class path source names none.
     *
     * @param kind          the kind of source
     * @param pluginId      the plugin's id, present for a plugin only
     * @param pluginVersion the plugin's version, present for a plugin only
     */
    public ProviderSource {
        Objects.requireNonNull(kind, "kind");
        if (pluginId.isPresent() != (kind == Kind.PLUGIN) || pluginVersion.isPresent() != (kind == Kind.PLUGIN)) {
            throw new IllegalArgumentException("a plugin source, and only it, names its plugin and version");
        }
    }

    /**
     * Returns the source for factories found on the application class path.
     *
     * @return the source for factories found on the application class path
     */
    public static ProviderSource classpath() {
        return CLASSPATH;
    }

    /**
     * @param pluginId      the plugin's {@code Plugin-Id}
     * @param pluginVersion the plugin's {@code Plugin-Version}
     * @return the source for factories found in that plugin
     */
    public static ProviderSource plugin(String pluginId, String pluginVersion) {
        return new ProviderSource(Kind.PLUGIN, Optional.of(Objects.requireNonNull(pluginId, "pluginId")),
                Optional.of(Objects.requireNonNull(pluginVersion, "pluginVersion")));
    }

    /**
     * Tells where a class came from by its class loader: a class defined by a plugin class loader that
     * {@link ProviderDiscovery} created comes from that plugin; any other class from the class path.
     *
     * @param type a factory class
     * @return its source
     */
    public static ProviderSource of(Class<?> type) {
        if (type.getClassLoader() instanceof SupportKitPluginClassLoader pluginLoader) {
            return plugin(pluginLoader.pluginId(), pluginLoader.pluginVersion());
        }
        return CLASSPATH;
    }

    /**
     * Returns true for the class path.
     *
     * @return true for the class path
     */
    public boolean isClasspath() {
        return kind == Kind.CLASSPATH;
    }

    /**
     * Returns {@code classpath} or {@code plugin 'id' version}.
     *
     * @return {@code classpath} or {@code plugin 'id' version}
     */
    @Override
    public String toString() {
        return kind == Kind.CLASSPATH ? "classpath" : "plugin '" + pluginId.get() + "' " + pluginVersion.get();
    }
}
