package dev.supportkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every package of every module's main sources says what it is for, in a {@code package-info.java}. */
class PackageDocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("every main package of the reactor has a package-info.java with a Javadoc paragraph")
    void everyPackageDocumented() throws IOException {
        Set<Path> packages = new TreeSet<>();
        Set<String> undocumented = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).filter(PackageDocsTest::isMainSource)
                    .toList()) {
                packages.add(source.getParent());
            }
        }
        for (Path directory : packages) {
            Path info = directory.resolve("package-info.java");
            if (!Files.isRegularFile(info) || !documented(Files.readString(info))) {
                undocumented.add(ROOT.relativize(directory).toString());
            }
        }
        assertTrue(packages.size() > 10, "found only " + packages.size() + " packages under " + ROOT);
        assertEquals(List.of(), List.copyOf(undocumented), "packages without a package-info.java describing them");
    }

    /** A file under some module's {@code src/main/java}, outside build output. */
    private static boolean isMainSource(Path file) {
        String path = ROOT.relativize(file).toString().replace('\\', '/');
        return path.contains("/src/main/java/") && !path.contains("/target/") && !path.startsWith(".");
    }

    /** A Javadoc comment of at least one sentence (25 characters or more) before the package declaration. */
    private static boolean documented(String packageInfo) {
        int start = packageInfo.indexOf("/**");
        int end = packageInfo.indexOf("*/", start + 3);
        Matcher declaration = Pattern.compile("^package ", Pattern.MULTILINE).matcher(packageInfo);
        if (start < 0 || end < 0 || !declaration.find() || end > declaration.start()) {
            return false;
        }
        String text = packageInfo.substring(start + 3, end).lines().map(l -> l.strip().replaceFirst("^\\*", ""))
                .collect(Collectors.joining(" ")).strip();
        return text.length() >= 25 && text.contains(".");
    }
}
