package dev.supportkit.core.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * The class loader of one plugin. PF4J's plugin-first order (plugin, its dependencies, then the
 * application), except that the SupportKit API and SPI and SLF4J always come from the application,
 * so a plugin that bundles a copy of them still shares the engine's types. Resource streams are
 * opened without the JVM-wide jar cache, so closing one engine's plugins cannot close a jar file
 * another engine's copy of the same plugin is reading.
 */
final class SupportKitPluginClassLoader extends PluginClassLoader {
    private static final String[] PARENT_FIRST_PREFIXES = {
        "dev.supportkit.api.", "dev.supportkit.spi.", "org.slf4j."
    };

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final String pluginId;
    private final String pluginVersion;

    SupportKitPluginClassLoader(PluginManager pluginManager, PluginDescriptor descriptor, ClassLoader parent) {
        super(pluginManager, descriptor, parent, ClassLoadingStrategy.PDA);
        this.pluginId = descriptor.getPluginId();
        this.pluginVersion = descriptor.getVersion();
    }

    /**
     * Returns the {@code Plugin-Id} of the plugin this loader loads.
     *
     * @return the {@code Plugin-Id} of the plugin this loader loads
     */
    String pluginId() {
        return pluginId;
    }

    /**
     * Returns the {@code Plugin-Version} of the plugin this loader loads.
     *
     * @return the {@code Plugin-Version} of the plugin this loader loads
     */
    String pluginVersion() {
        return pluginVersion;
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        for (String prefix : PARENT_FIRST_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return super.shouldDelegateToParent(className);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        URL url = getResource(name);
        if (url == null) {
            return null;
        }
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            return connection.getInputStream();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "SupportKitPluginClassLoader[" + pluginId + " " + pluginVersion + "]";
    }
}
