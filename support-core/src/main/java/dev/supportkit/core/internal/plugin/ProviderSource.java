package dev.supportkit.core.internal.plugin;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a provider factory was found: on the application class path (listed in
 * {@code META-INF/services} of a jar that is a plain dependency) or in a PF4J plugin loaded from the
 * plugins directory.
 */
public final class ProviderSource {
    /** The kind of source. */
    public enum Kind {
        /** The application class path: the plugin jar was added as an ordinary dependency. */
        CLASSPATH,
        /** A PF4J plugin loaded from the plugins directory. */
        PLUGIN
    }

    private static final ProviderSource CLASSPATH = new ProviderSource(Kind.CLASSPATH, null, null);

    private final Kind kind;
    private final String pluginId;
    private final String pluginVersion;

    private ProviderSource(Kind kind, String pluginId, String pluginVersion) {
        this.kind = kind;
        this.pluginId = pluginId;
        this.pluginVersion = pluginVersion;
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
        return new ProviderSource(Kind.PLUGIN, Objects.requireNonNull(pluginId, "pluginId"),
                Objects.requireNonNull(pluginVersion, "pluginVersion"));
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
     * Returns the kind of source.
     *
     * @return the kind of source
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the plugin id, for {@link Kind#PLUGIN} only.
     *
     * @return the plugin id, for {@link Kind#PLUGIN} only
     */
    public Optional<String> pluginId() {
        return Optional.ofNullable(pluginId);
    }

    /**
     * Returns the plugin version, for {@link Kind#PLUGIN} only.
     *
     * @return the plugin version, for {@link Kind#PLUGIN} only
     */
    public Optional<String> pluginVersion() {
        return Optional.ofNullable(pluginVersion);
    }

    /**
     * Returns true for the class path.
     *
     * @return true for the class path
     */
    public boolean isClasspath() {
        return kind == Kind.CLASSPATH;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderSource other && kind == other.kind && Objects.equals(pluginId, other.pluginId)
                && Objects.equals(pluginVersion, other.pluginVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, pluginId, pluginVersion);
    }

    /**
     * Returns {@code classpath} or {@code plugin 'id' version}.
     *
     * @return {@code classpath} or {@code plugin 'id' version}
     */
    @Override
    public String toString() {
        return kind == Kind.CLASSPATH ? "classpath" : "plugin '" + pluginId + "' " + pluginVersion;
    }
}
