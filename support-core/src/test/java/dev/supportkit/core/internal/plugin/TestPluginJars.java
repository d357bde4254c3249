package dev.supportkit.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars at test time: compiles a small notification channel plugin with the system
 * Java compiler against the test class path and packages it with a PF4J manifest and a
 * {@code META-INF/services} entry.
 */
final class TestPluginJars {
    static final String FACTORY_CLASS = "com.example.echoplugin.EchoPluginChannelFactory";
    static final String CHANNEL_CLASS = "com.example.echoplugin.EchoPluginChannel";
    static final String GREETING_RESOURCE = "com/example/echoplugin/greeting.txt";
    static final String GREETING = "hello from the plugin";

    private static final String FACTORY_SOURCE = """
            package com.example.echoplugin;

            import dev.supportkit.spi.ProviderContext;
            import dev.supportkit.spi.notification.NotificationChannel;
            import dev.supportkit.spi.notification.NotificationChannelFactory;

            public class EchoPluginChannelFactory implements NotificationChannelFactory {
                @Override
                public String id() {
                    return "%s";
                }

                @Override
                public NotificationChannel create(ProviderContext context) {
                    return new EchoPluginChannel(context.clock());
                }
            }
            """;

    private static final String CHANNEL_SOURCE = """
            package com.example.echoplugin;

            import dev.supportkit.api.request.Channel;
            import dev.supportkit.spi.notification.DeliveryResult;
            import dev.supportkit.spi.notification.Notification;
            import dev.supportkit.spi.notification.NotificationChannel;
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.charset.StandardCharsets;
            import java.time.Clock;

            public class EchoPluginChannel implements NotificationChannel {
                private final Clock clock;

                public EchoPluginChannel(Clock clock) {
                    this.clock = clock;
                }

                @Override
                public Channel channel() {
                    return Channel.CHAT;
                }

                @Override
                public DeliveryResult deliver(Notification notification) {
                    try (InputStream in = EchoPluginChannel.class.getResourceAsStream("greeting.txt")) {
                        String greeting = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                        return DeliveryResult.delivered(greeting + " to " + notification.address() + " at "
                                + clock.instant());
                    } catch (IOException e) {
                        return new DeliveryResult(DeliveryResult.Outcome.TEMPORARY_FAILURE, e.toString());
                    }
                }
            }
            """;

    static final String LIFECYCLE_PLUGIN_CLASS = "com.example.echoplugin.LifecyclePlugin";
    /** The system property {@link #LIFECYCLE_PLUGIN_CLASS} appends {@code start;} and {@code stop;} to. */
    static final String LIFECYCLE_PROPERTY = "supportkit.test.plugin.lifecycle";

    private static final String LIFECYCLE_SOURCE = """
            package com.example.echoplugin;

            public class LifecyclePlugin extends org.pf4j.Plugin {
                private static void record(String event) {
                    String key = "%s";
                    System.setProperty(key, System.getProperty(key, "") + event + ";");
                }

                @Override
                public void start() {
                    record("start");
                }

                @Override
                public void stop() {
                    record("stop");
                }
            }
            """.formatted(LIFECYCLE_PROPERTY);

    private TestPluginJars() {
    }

    /**
     * Compiles the echo plugin's classes.
     *
     * @param workDir   a scratch directory
     * @param factoryId the id the factory returns
     * @return the directory holding the compiled classes
     */
    static Path compileEchoPlugin(Path workDir, String factoryId) throws IOException {
        Path sources = Files.createDirectories(workDir.resolve("src/com/example/echoplugin"));
        Path factory = sources.resolve("EchoPluginChannelFactory.java");
        Path channel = sources.resolve("EchoPluginChannel.java");
        Path lifecycle = sources.resolve("LifecyclePlugin.java");
        Files.writeString(factory, FACTORY_SOURCE.formatted(factoryId));
        Files.writeString(channel, CHANNEL_SOURCE);
        Files.writeString(lifecycle, LIFECYCLE_SOURCE);
        Path classes = compile(workDir, compileClassPath(), List.of(factory, channel, lifecycle));
        Files.writeString(classes.resolve(GREETING_RESOURCE), GREETING + "\n");
        return classes;
    }

    /**
     * Compiles plugin sources into {@code workDir/classes}.
     *
     * @param workDir   a scratch directory
     * @param classPath what the sources are compiled against
     * @param sources   the source files
     * @return the directory holding the compiled classes
     */
    static Path compile(Path workDir, String classPath, List<Path> sources) throws IOException {
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertTrue(compiler != null, "tests need a JDK: no system Java compiler");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-classpath", classPath, "-d",
                    classes.toString());
            Boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(sources.toArray(Path[]::new))).call();
            StringBuilder errors = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                errors.append(d).append('\n');
            }
            assertTrue(Boolean.TRUE.equals(ok), "plugin sources do not compile:\n" + errors);
        }
        return classes;
    }

    /**
     * The test class path, plus the SPI's own location: under Surefire the class path may be a single
     * manifest-only jar.
     */
    private static String compileClassPath() {
        try {
            String spi = Path.of(NotificationChannelFactory.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toString();
            return System.getProperty("java.class.path") + File.pathSeparator + spi;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The manifest attributes of a plugin.
     *
     * @param id       Plugin-Id
     * @param version  Plugin-Version
     * @param requires Plugin-Requires, or null for none
     * @return the attributes, in order
     */
    static Map<String, String> manifest(String id, String version, String requires) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Plugin-Id", id);
        attributes.put("Plugin-Version", version);
        if (requires != null) {
            attributes.put("Plugin-Requires", requires);
        }
        attributes.put("Plugin-Provider", "SupportKit tests");
        return attributes;
    }

    /**
     * Packages compiled classes as a plugin jar.
     *
     * @param jar        the jar to write
     * @param classes    the compiled classes (and resources)
     * @param attributes the manifest's main attributes; null for a jar without a manifest
     * @param services   whether to list the factory in META-INF/services
     * @return the jar
     */
    static Path jar(Path jar, Path classes, Map<String, String> attributes, boolean services) throws IOException {
        return jar(jar, classes, attributes, services ? NotificationChannelFactory.class : null, FACTORY_CLASS);
    }

    /**
     * Packages compiled classes as a plugin jar listing one factory.
     *
     * @param jar          the jar to write
     * @param classes      the compiled classes (and resources)
     * @param attributes   the manifest's main attributes; null for a jar without a manifest
     * @param service      the factory interface to list in META-INF/services, or null for none
     * @param factoryClass the factory's class name
     * @return the jar
     */
    static Path jar(Path jar, Path classes, Map<String, String> attributes, Class<?> service, String factoryClass)
            throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = attributes == null ? new JarOutputStream(file)
                     : new JarOutputStream(file, manifestOf(attributes))) {
            List<Path> entries = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(classes)) {
                walk.filter(Files::isRegularFile).sorted().forEach(entries::add);
            }
            for (Path entry : entries) {
                out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(entry));
                out.closeEntry();
            }
            if (service != null) {
                out.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
                out.write((factoryClass + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Lays out compiled classes as a PF4J plugin directory: {@code classes/} with the manifest and
     * the service file inside.
     *
     * @param directory  the plugin directory to create
     * @param classes    the compiled classes (and resources)
     * @param attributes the manifest's main attributes
     * @return the directory
     */
    static Path directory(Path directory, Path classes, Map<String, String> attributes) throws IOException {
        Path target = Files.createDirectories(directory.resolve("classes"));
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            walk.filter(Files::isRegularFile).forEach(entries::add);
        }
        for (Path entry : entries) {
            Path copy = target.resolve(classes.relativize(entry).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(entry, copy);
        }
        Path metaInf = Files.createDirectories(target.resolve("META-INF/services"));
        Files.writeString(metaInf.resolve(NotificationChannelFactory.class.getName()), FACTORY_CLASS + "\n");
        try (OutputStream out = Files.newOutputStream(target.resolve("META-INF/MANIFEST.MF"))) {
            manifestOf(attributes).write(out);
        }
        return directory;
    }

    private static Manifest manifestOf(Map<String, String> attributes) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach(main::putValue);
        return manifest;
    }
}
