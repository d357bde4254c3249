package dev.supportkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every jar the reactor builds names its module: runs after {@code package} (this module is the reactor's
 * last), walks the reactor's modules from the root pom, and opens each jar module's main jar and its other
 * library jars (classifiers other than tests, sources, javadoc and the PF4J plugin) in {@code target/}.
 */
class ManifestCheckIT {
    private static final Set<String> NOT_LIBRARIES = Set.of("tests", "sources", "javadoc", "plugin");
    private static final Pattern DEV_SUPPORTKIT = Pattern.compile("dev\\.supportkit(\\.[a-z][a-z0-9]*)+");

    /** A reactor module: its directory, artifact id, packaging and {@code automatic.module.name} property. */
    private record Module(Path directory, String artifactId, String packaging, String moduleName) {
    }

    @Test
    @DisplayName("each reactor jar carries a distinct Automatic-Module-Name under dev.supportkit, the one its pom sets")
    void everyJarNamesItsModule() throws Exception {
        Path root = Path.of(System.getProperty("supportkit.reactor.root"));
        String version = System.getProperty("supportkit.version");
        List<Module> jarModules = modules(root).stream().filter(m -> m.packaging().equals("jar")).toList();
        assertFalse(jarModules.isEmpty(), "no jar module found under " + root);
        Map<String, Path> seen = new HashMap<>();
        for (Module module : jarModules) {
            Path main = module.directory().resolve("target").resolve(module.artifactId() + "-" + version + ".jar");
            assertTrue(Files.isRegularFile(main), main + " is missing: run ./mvnw verify from the reactor root");
            assertEquals(module.moduleName(), automaticModuleName(main),
                    main + ": Automatic-Module-Name must be the pom's automatic.module.name");
            for (Path jar : libraryJars(module, version)) {
                String name = automaticModuleName(jar);
                assertTrue(name != null && DEV_SUPPORTKIT.matcher(name).matches() && SourceVersion.isName(name),
                        jar + ": Automatic-Module-Name '" + name + "' is not a module name under dev.supportkit");
                Path before = seen.put(name, jar);
                assertTrue(before == null, name + " is the module name of both " + before + " and " + jar);
            }
        }
    }

    /** The main jar and the jars with a library classifier (e.g. the e-mail module's {@code smtp}). */
    private static List<Path> libraryJars(Module module, String version) throws IOException {
        String prefix = module.artifactId() + "-" + version;
        try (Stream<Path> files = Files.list(module.directory().resolve("target"))) {
            return files.filter(p -> {
                String file = p.getFileName().toString();
                if (!file.startsWith(prefix) || !file.endsWith(".jar")) {
                    return false;
                }
                String rest = file.substring(prefix.length(), file.length() - 4);
                return rest.isEmpty() || rest.startsWith("-") && !NOT_LIBRARIES.contains(rest.substring(1));
            }).sorted().toList();
        }
    }

    private static String automaticModuleName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        }
    }

    /** The modules of the pom in {@code directory}, depth first. */
    private static List<Module> modules(Path directory) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(directory.resolve("pom.xml").toFile()).getDocumentElement();
        List<Module> modules = new ArrayList<>();
        modules.add(new Module(directory, child(project, "artifactId"),
                child(project, "packaging") == null ? "jar" : child(project, "packaging"),
                property(project, "automatic.module.name")));
        Element list = element(project, "modules");
        if (list != null) {
            NodeList names = list.getElementsByTagName("module");
            for (int i = 0; i < names.getLength(); i++) {
                modules.addAll(modules(directory.resolve(names.item(i).getTextContent().trim())));
            }
        }
        return modules;
    }

    private static String property(Element project, String name) {
        Element properties = element(project, "properties");
        return properties == null ? null : child(properties, name);
    }

    private static String child(Element parent, String name) {
        Element child = element(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }

    /** A direct child element, or null. */
    private static Element element(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
