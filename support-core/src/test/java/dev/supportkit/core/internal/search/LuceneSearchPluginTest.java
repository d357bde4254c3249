package dev.supportkit.core.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.core.SupportEngine;
import dev.supportkit.spi.search.SearchIndexFactory;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search index factory in a PF4J plugin jar is discovered like any other provider factory: selected
 * by id, and with the id {@code lucene} it replaces the built-in index.
 */
class LuceneSearchPluginTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T06:00:00Z"), ZoneOffset.UTC);
    private static final String PROPERTY = "supportkit.test.search-plugin";
    private static final String FACTORY = "com.example.searchplugin.PluginSearchFactory";
    private static final String SOURCE = """
            package com.example.searchplugin;

            import dev.supportkit.api.TenantId;
            import dev.supportkit.spi.ProviderContext;
            import dev.supportkit.spi.search.DocumentKind;
            import dev.supportkit.spi.search.IndexedDocument;
            import dev.supportkit.spi.search.SearchHit;
            import dev.supportkit.spi.search.SearchIndex;
            import dev.supportkit.spi.search.SearchIndexFactory;
            import dev.supportkit.spi.search.SearchQuery;
            import java.util.Collection;
            import java.util.List;

            public class PluginSearchFactory implements SearchIndexFactory {
                @Override
                public String id() {
                    return "%s";
                }

                @Override
                public SearchIndex create(ProviderContext context) {
                    System.setProperty("%s", "created");
                    return new SearchIndex() {
                        public void index(Collection<IndexedDocument> documents) { }
                        public void remove(TenantId tenant, DocumentKind kind, String id) { }
                        public void clear(TenantId tenant) { }
                        public List<SearchHit> search(SearchQuery query) { return List.of(); }
                        public long count(TenantId tenant) { return 0; }
                        public void close() { System.setProperty("%s", "closed"); }
                    };
                }
            }
            """;

    @TempDir
    Path work;

    @AfterEach
    void clearProperty() {
        System.clearProperty(PROPERTY);
    }

    @Test
    @DisplayName("a plugin's search index is used when configuration names it, and closed with the engine")
    void selectedById() throws Exception {
        Path plugins = plugin("plugin-search");
        try (SupportEngine engine = SupportEngine.builder().clock(CLOCK).environment(Map.of())
                .pluginsDirectory(plugins).set("supportkit.search.provider", "plugin-search").build()) {
            assertEquals(List.of("search-plugin@1.0.0"), engine.plugins());
            assertEquals("created", System.getProperty(PROPERTY));
        }
        assertEquals("closed", System.getProperty(PROPERTY));
    }

    @Test
    @DisplayName("a plugin's lucene factory outranks the built-in one")
    void replacesBuiltIn() throws Exception {
        Path plugins = plugin("lucene");
        try (SupportEngine engine = SupportEngine.builder().clock(CLOCK).environment(Map.of())
                .pluginsDirectory(plugins).build()) {
            assertEquals("created", System.getProperty(PROPERTY));
        }
    }

    @Test
    @DisplayName("without configuration naming it, a plugin's other search index is not created")
    void notSelected() throws Exception {
        Path plugins = plugin("plugin-search");
        try (SupportEngine engine = SupportEngine.builder().clock(CLOCK).environment(Map.of())
                .pluginsDirectory(plugins).build()) {
            assertEquals(List.of("search-plugin@1.0.0"), engine.plugins());
            assertEquals(null, System.getProperty(PROPERTY));
        }
    }

    /** Compiles the plugin's factory and packages it as a PF4J plugin jar in a fresh plugins directory. */
    private Path plugin(String id) throws Exception {
        Path sources = Files.createDirectories(work.resolve("src/com/example/searchplugin"));
        Path source = Files.writeString(sources.resolve("PluginSearchFactory.java"),
                SOURCE.formatted(id, PROPERTY, PROPERTY));
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertTrue(compiler != null, "tests need a JDK: no system Java compiler");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            String spi = Path.of(SearchIndexFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            List<String> options = List.of("--release", "17", "-proc:none", "-classpath",
                    System.getProperty("java.class.path") + File.pathSeparator + spi, "-d", classes.toString());
            Boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source))
                    .call();
            assertTrue(Boolean.TRUE.equals(ok), () -> "plugin does not compile: " + diagnostics.getDiagnostics());
        }

        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", "search-plugin");
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Requires", ">=1.0.0 & <2.0.0");
        try (OutputStream file = Files.newOutputStream(plugins.resolve("search-plugin-1.0.0.jar"));
             JarOutputStream jar = new JarOutputStream(file, manifest)) {
            List<Path> entries = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(classes)) {
                walk.filter(Files::isRegularFile).sorted().forEach(entries::add);
            }
            for (Path entry : entries) {
                jar.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace(File.separatorChar, '/')));
                jar.write(Files.readAllBytes(entry));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/" + SearchIndexFactory.class.getName()));
            jar.write((FACTORY + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return plugins;
    }
}
