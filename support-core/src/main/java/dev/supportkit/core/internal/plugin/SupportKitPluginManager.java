package dev.supportkit.core.internal.plugin;

import dev.supportkit.spi.SpiVersion;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.pf4j.BasePluginRepository;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.Plugin;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * The PF4J plugin manager of one engine: one instance per {@link ProviderDiscovery#discover} call,
 * nothing shared between engines.
 *
 * <ul>
 *   <li>Plugins are jar files in the plugins directory, or directories in PF4J's layout
 *       ({@code classes/} and {@code lib/*.jar}); zip files are not expanded (nothing is written to
 *       the directory).</li>
 *   <li>The descriptor is read from {@code META-INF/MANIFEST.MF} only ({@code Plugin-Id},
 *       {@code Plugin-Version}, {@code Plugin-Requires}, optional {@code Plugin-Class},
 *       {@code Plugin-Provider}, {@code Plugin-Dependencies}). Without {@code Plugin-Class} PF4J uses
 *       the plain {@link org.pf4j.Plugin}.</li>
 *   <li>The system version is {@link SpiVersion#CURRENT}. {@link #isPluginValid} replaces PF4J's check
 *       so a refusal is recorded (PF4J itself only logs a warning and disables the plugin), and a bare
 *       {@code Plugin-Requires: 1.2.0} means {@code ^1.2.0} (same major, at least 1.2.0) instead of PF4J's
 *       {@code >=1.2.0}, so a plugin built for another SPI major version is refused.</li>
 *   <li>Plugin class loaders have the engine's application class loader as parent.</li>
 *   <li>Always in deployment mode, whatever the {@code pf4j.mode} system property says.</li>
 * </ul>
 */
final class SupportKitPluginManager extends DefaultPluginManager {
    private static final String BARE_VERSION = "^\\d+\\.\\d+\\.\\d+$";

    // Assigned after DefaultPluginManager's constructor has run initialize(); read only when a plugin
    // is loaded or validated, which is always later.
    private final ClassLoader applicationClassLoader;
    private final List<String> refusals = new ArrayList<>();
    private final List<String> refusedPluginIds = new ArrayList<>();

    SupportKitPluginManager(Path pluginsRoot, ClassLoader applicationClassLoader) {
        super(List.of(pluginsRoot));
        this.applicationClassLoader = Objects.requireNonNull(applicationClassLoader, "applicationClassLoader");
        setSystemVersion(SpiVersion.CURRENT);
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new ManifestPluginDescriptorFinder() {
            @Override
            protected Manifest readManifest(Path pluginPath) {
                Manifest manifest = super.readManifest(pluginPath);
                if (manifest == null) {
                    throw new PluginRuntimeException("it has no META-INF/MANIFEST.MF; a SupportKit plugin declares "
                            + "Plugin-Id, Plugin-Version and Plugin-Requires there");
                }
                return manifest;
            }

            @Override
            protected PluginDescriptor createPluginDescriptor(Manifest manifest) {
                Attributes attributes = manifest.getMainAttributes();
                for (String required : List.of(PLUGIN_ID, PLUGIN_VERSION)) {
                    String value = attributes.getValue(required);
                    if (value == null || value.isBlank()) {
                        throw new PluginRuntimeException("its META-INF/MANIFEST.MF has no " + required
                                + "; a SupportKit plugin declares Plugin-Id, Plugin-Version and Plugin-Requires there");
                    }
                }
                return super.createPluginDescriptor(manifest);
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return SupportKitPluginManager::createPlugin;
    }

    /**
     * Creates the {@code Plugin-Class} instance ({@link Plugin} itself when the manifest names none).
     * Unlike PF4J's default factory, which logs and returns null (PF4J then fails with a
     * NullPointerException), this throws saying what is wrong.
     */
    private static Plugin createPlugin(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        Class<?> pluginClass;
        try {
            pluginClass = wrapper.getPluginClassLoader().loadClass(className);
        } catch (ClassNotFoundException | LinkageError e) {
            throw withCause(new PluginRuntimeException("its Plugin-Class '" + className + "' cannot be loaded"), e);
        }
        int modifiers = pluginClass.getModifiers();
        if (!Plugin.class.isAssignableFrom(pluginClass) || Modifier.isAbstract(modifiers)
                || Modifier.isInterface(modifiers)) {
            throw new PluginRuntimeException("its Plugin-Class '" + className
                    + "' is not a concrete subclass of org.pf4j.Plugin");
        }
        try {
            try {
                return (Plugin) pluginClass.getConstructor(PluginWrapper.class).newInstance(wrapper);
            } catch (NoSuchMethodException e) {
                return (Plugin) pluginClass.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw withCause(new PluginRuntimeException("its Plugin-Class '" + className + "' failed to initialise"),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw withCause(new PluginRuntimeException("its Plugin-Class '" + className
                    + "' has no public constructor taking no arguments or a PluginWrapper"), e);
        }
    }

    private static PluginRuntimeException withCause(PluginRuntimeException exception, Throwable cause) {
        exception.initCause(cause);
        return exception;
    }

    @Override
    protected PluginRepository createPluginRepository() {
        List<Path> roots = getPluginsRoots();
        return new CompoundPluginRepository()
                .add(new JarPluginRepository(roots))
                .add(new BasePluginRepository(roots, SupportKitPluginManager::isPluginDirectory));
    }

    private static boolean isPluginDirectory(File file) {
        return file.isDirectory() && !file.getName().startsWith(".");
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader()
                .add(new JarPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return newPluginClassLoader(descriptor);
                    }
                })
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return newPluginClassLoader(descriptor);
                    }
                });
    }

    private PluginClassLoader newPluginClassLoader(PluginDescriptor descriptor) {
        return new SupportKitPluginClassLoader(this, descriptor, applicationClassLoader);
    }

    /**
     * Checks {@code Plugin-Requires} against the SPI version and records a refusal instead of only
     * logging it. A refused plugin is left DISABLED by PF4J and never started.
     */
    @Override
    protected boolean isPluginValid(PluginWrapper plugin) {
        PluginDescriptor descriptor = plugin.getDescriptor();
        String declared = descriptor.getRequires() == null ? "*" : descriptor.getRequires().trim();
        String constraint = effectiveConstraint(declared);
        String label = "Plugin '" + descriptor.getPluginId() + "' " + descriptor.getVersion();
        try {
            if (getVersionManager().checkVersionConstraint(getSystemVersion(), constraint)) {
                return true;
            }
            refusals.add(label + " requires SupportKit SPI '" + declared + "' but this engine provides SPI "
                    + getSystemVersion() + "; install a plugin version built for SPI " + SpiVersion.major() + ".x");
        } catch (RuntimeException e) {
            refusals.add(label + " has an invalid Plugin-Requires '" + declared + "' (" + e.getMessage()
                    + "); declare the SPI versions it supports, e.g. '>=" + SpiVersion.major() + ".0.0 & <"
                    + (SpiVersion.major() + 1) + ".0.0'");
        }
        refusedPluginIds.add(descriptor.getPluginId());
        return false;
    }

    /**
     * @param declared the declared {@code Plugin-Requires}
     * @return the constraint checked: a bare {@code x.y.z} becomes {@code ^x.y.z}; an empty one {@code *}
     */
    static String effectiveConstraint(String declared) {
        if (declared.isEmpty()) {
            return "*";
        }
        return declared.matches(BARE_VERSION) ? "^" + declared : declared;
    }

    /**
     * Loads every plugin found in the plugins directory and resolves their dependencies. Unlike
     * {@link #loadPlugins()}, which logs and skips a plugin it cannot load, this reports each failure.
     *
     * @return a problem for every plugin that could not be loaded or was refused
     */
    List<String> loadAll() {
        List<String> problems = new ArrayList<>();
        for (Path path : pluginRepository.getPluginPaths()) {
            try {
                loadPluginFromPath(path);
            } catch (RuntimeException e) {
                problems.add("Plugin at '" + path + "' cannot be loaded: " + ProviderDiscovery.describe(e));
            }
        }
        try {
            resolvePlugins();
        } catch (PluginRuntimeException e) {
            problems.add("Plugins in '" + getPluginsRoot() + "' cannot be resolved: " + ProviderDiscovery.describe(e));
        }
        problems.addAll(refusals);
        return problems;
    }

    /**
     * @param pluginId a plugin id
     * @return true when its {@code Plugin-Requires} refused it
     */
    boolean isRefused(String pluginId) {
        return refusedPluginIds.contains(pluginId);
    }

    /**
     * Returns the application class loader plugin class loaders delegate to.
     *
     * @return the application class loader plugin class loaders delegate to
     */
    ClassLoader applicationClassLoader() {
        return applicationClassLoader;
    }
}
