package dev.supportkit.core.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.spi.blob.BlobInfo;
import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.blob.BlobTooLargeException;
import dev.supportkit.spi.blob.tck.BlobStoreContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file-system blob store passes the blob store contract kit in a fresh temporary directory per test;
 * beyond the kit: its file layout, no files left behind by a failed write, and identifiers that would reach
 * outside the root refused.
 */
class FileSystemBlobStoreContractTest extends BlobStoreContract {
    @TempDir
    Path root;

    @Override
    protected BlobStore createStore() {
        return new FileSystemBlobStore(root);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> !path.equals(root)).map(root::relativize).sorted().toList();
        }
    }

    @Test
    @DisplayName("a blob is <root>/<tenant>/<first two characters>/<id> with its sidecar <id>.meta")
    void fileLayout() throws IOException {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        BlobInfo info = store().write(tenant(), "ab-cd", new ByteArrayInputStream(content), 100);

        Path directory = Path.of(tenant().value(), "ab");
        assertEquals(List.of(directory.resolve("ab-cd"), directory.resolve("ab-cd.meta")), files());
        assertEquals("hello", Files.readString(root.resolve(directory).resolve("ab-cd")));
        String meta = Files.readString(root.resolve(directory).resolve("ab-cd.meta"));
        assertTrue(meta.contains("size=5") && meta.contains("sha256=" + info.sha256()), meta);
    }

    @Test
    @DisplayName("a failed write leaves no file and no directory: too large, failing content, duplicate")
    void failedWritesLeaveNoFiles() throws IOException {
        assertThrows(BlobTooLargeException.class,
                () -> store().write(tenant(), "big", new ByteArrayInputStream(new byte[70_000]), 69_999));
        assertEquals(List.of(), entries(), "after a blob too large");

        InputStream failing = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("gone");
                }
                return 7;
            }
        };
        assertThrows(UncheckedIOException.class, () -> store().write(tenant(), "broken", failing, 1_000_000));
        assertEquals(List.of(), entries(), "after failing content");

        store().write(tenant(), "kept", new ByteArrayInputStream(new byte[10]), 10);
        List<Path> one = files();
        assertThrows(IllegalStateException.class,
                () -> store().write(tenant(), "kept", new ByteArrayInputStream(new byte[20]), 20));
        assertEquals(one, files(), "after a duplicate");

        assertTrue(store().delete(tenant(), "kept"));
        assertEquals(List.of(), entries(), "after the last blob was deleted");
    }

    @ParameterizedTest(name = "blob id \"{0}\"")
    @ValueSource(strings = {"", ".", "..", "../x", "a/b", "a\\b", "x.meta", "sp ace", "ü",
            "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                    + "01234567890123456789012345678"})
    @DisplayName("ids that are not plain file names are refused")
    void badBlobIdsAreRefused(String id) throws IOException {
        assertThrows(IllegalArgumentException.class,
                () -> store().write(tenant(), id, new ByteArrayInputStream(new byte[1]), 1));
        assertThrows(IllegalArgumentException.class, () -> store().open(tenant(), id));
        assertThrows(IllegalArgumentException.class, () -> store().find(tenant(), id));
        assertThrows(IllegalArgumentException.class, () -> store().delete(tenant(), id));
        assertEquals(List.of(), entries());
    }

    @ParameterizedTest(name = "tenant \"{0}\"")
    @ValueSource(strings = {".", "..", "../other", "a/b", "t 1"})
    @DisplayName("tenants that are not plain file names are refused")
    void badTenantsAreRefused(String tenant) throws IOException {
        assertThrows(IllegalArgumentException.class,
                () -> store().write(TenantId.of(tenant), "x", new ByteArrayInputStream(new byte[1]), 1));
        assertThrows(IllegalArgumentException.class, () -> store().find(TenantId.of(tenant), "x"));
        assertEquals(List.of(), entries());
    }

    @Test
    @DisplayName("ids starting with dots stay inside the tenant's directory")
    void dotsInTheShardStayInside() throws IOException {
        store().write(tenant(), "..a", new ByteArrayInputStream(new byte[3]), 3);
        store().write(tenant(), ".b", new ByteArrayInputStream(new byte[4]), 4);

        Path tenantDirectory = Path.of(tenant().value());
        Path dots = tenantDirectory.resolve("__");
        Path dotB = tenantDirectory.resolve("_b");
        assertEquals(List.of(dots.resolve("..a"), dots.resolve("..a.meta"), dotB.resolve(".b"), dotB.resolve(".b.meta")),
                files());
        assertEquals(3, store().find(tenant(), "..a").orElseThrow().size());
    }

    @Test
    @DisplayName("a blob whose sidecar is missing does not exist")
    void contentWithoutSidecarIsNoBlob() throws IOException {
        store().write(tenant(), "half", new ByteArrayInputStream(new byte[5]), 5);
        Files.delete(root.resolve(tenant().value()).resolve("ha").resolve("half.meta"));

        assertEquals(Optional.empty(), store().find(tenant(), "half"));
        assertThrows(NotFoundException.class, () -> store().open(tenant(), "half"));
        assertEquals(5, store().write(tenant(), "half", new ByteArrayInputStream(new byte[5]), 5).size(),
                "the id can be written again");
    }
}
