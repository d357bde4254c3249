package dev.supportkit.examples.bom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The BOM lists every published SupportKit artifact, at the reactor's version. */
class BillOfMaterialsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("support-bom manages exactly the published jars and test-jars of the reactor, at its version")
    void bomListsEveryPublishedArtifact() throws Exception {
        Document bom = read(ROOT.resolve("support-bom/pom.xml"));
        assertEquals(child(read(ROOT.resolve("pom.xml")).getDocumentElement(), "version"),
                child(bom.getDocumentElement(), "version"), "the BOM's version follows the reactor's");

        Set<String> listed = new TreeSet<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String type = child(dependency, "type");
            listed.add(child(dependency, "artifactId") + ":" + (type == null ? "jar" : type));
            assertEquals("${project.version}", child(dependency, "version"));
        }
        assertEquals(published(), listed);
    }

    /** The jar modules whose deployment is not skipped, with their test-jars. */
    private static Set<String> published() throws Exception {
        Set<String> artifacts = new TreeSet<>();
        for (Path module : modules(ROOT)) {
            Path pom = module.resolve("pom.xml");
            String text = Files.readString(pom);
            Element project = read(pom).getDocumentElement();
            String packaging = child(project, "packaging");
            if ((packaging == null || packaging.equals("jar")) && !text.contains("<maven.deploy.skip>true")) {
                String artifactId = child(project, "artifactId");
                artifacts.add(artifactId + ":jar");
                if (text.contains("<goal>test-jar</goal>")) {
                    artifacts.add(artifactId + ":test-jar");
                }
            }
        }
        return artifacts;
    }

    private static List<Path> modules(Path dir) throws Exception {
        List<Path> all = new ArrayList<>();
        NodeList modules = read(dir.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Path module = dir.resolve(modules.item(i).getTextContent().trim());
            all.add(module);
            all.addAll(modules(module));
        }
        return all;
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of a direct child element, or null. */
    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }
}
