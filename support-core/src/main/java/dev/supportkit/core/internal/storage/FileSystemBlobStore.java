package dev.supportkit.core.internal.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.spi.blob.BlobDigest;
import dev.supportkit.spi.blob.BlobInfo;
import dev.supportkit.spi.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Blobs as files under a root directory: the content at {@code <root>/<tenant>/<shard>/<id>}, where the
 * shard is the first two characters of the id (a dot among them written as {@code _}, so no shard is
 * {@code .} or {@code ..}), and its size and SHA-256 digest in a small sidecar file {@code <id>.meta} next
 * to it.
 *
 * <p>A write streams the content into a temporary file in the blob's own directory, enforcing the size
 * limit while copying, forces it to disk, and then moves it into place atomically
 * ({@link StandardCopyOption#ATOMIC_MOVE}); the sidecar is written the same way after the content, so a blob
 * exists exactly when its sidecar does. On any failure the temporary files are deleted, and so are the
 * directories the write left empty. Temporary files are named {@code +<id>.<random>.tmp}; {@code +} is
 * never part of an id, so they cannot be mistaken for a blob.
 *
 * <p>Tenant and blob identifiers must match {@code [A-Za-z0-9._-]{1,128}} and must not be {@code .} or
 * {@code ..}; a blob id must not end with {@code .meta} (the sidecar's name). Anything else is refused with
 * {@link IllegalArgumentException}, so no identifier can reach outside the root. Ids that differ only in
 * case name the same file on a case-insensitive file system: use a case-sensitive one.
 *
 * <p>Thread-safe within one JVM: the moment a blob comes into place or is deleted is serialised by a lock
 * of this instance, so use one instance per root. Failures of the file system are reported as
 * {@link UncheckedIOException}.
 */
public final class FileSystemBlobStore implements BlobStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final String META_SUFFIX = ".meta";
    /** Not a character of any id, so a temporary file never has a blob's name. */
    private static final String TEMP_PREFIX = "+";

    private final Path root;
    /** Serialises creating, committing and deleting blobs, and removing directories left empty. */
    private final Object lock = new Object();

    /** Where one blob's files are. */
    private record Location(Path directory, Path content, Path meta) {
    }

    /**
     * Creates a store over a directory; it and the directories below it are created when the first blob is
     * written.
     *
     * @param root the directory all blobs are kept under
     */
    public FileSystemBlobStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public BlobInfo write(TenantId tenant, String blobId, InputStream content, long maxBytes) {
        Location at = locate(tenant, blobId);
        Objects.requireNonNull(content, "content");
        BlobDigest digest = new BlobDigest(blobId, maxBytes);
        Path[] temporaries = new Path[2]; // the content's and the sidecar's, once created
        try {
            synchronized (lock) {
                if (Files.exists(at.meta())) {
                    throw BlobCopy.alreadyExists(tenant, blobId);
                }
                Files.createDirectories(at.directory());
                temporaries[0] = Files.createTempFile(at.directory(), TEMP_PREFIX + blobId + ".", ".tmp");
                temporaries[1] = Files.createTempFile(at.directory(), TEMP_PREFIX + blobId + ".", ".meta.tmp");
            }
            BlobInfo info;
            try (FileChannel channel = FileChannel.open(temporaries[0], StandardOpenOption.WRITE)) {
                info = BlobCopy.copy(blobId, digest, content, Channels.newOutputStream(channel));
                channel.force(true);
            }
            writeDurably(temporaries[1], ("size=" + info.size() + "\nsha256=" + info.sha256() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            commit(tenant, blobId, at, temporaries[0], temporaries[1]);
            return info;
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("writing blob '" + blobId + "' of tenant '"
                    + tenant + "' under " + root + " failed: " + e, e);
            discard(at, temporaries, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            discard(at, temporaries, e);
            throw e;
        }
    }

    /** Moves the content and then the sidecar into place, unless the blob was written meanwhile. */
    private void commit(TenantId tenant, String blobId, Location at, Path contentTemp, Path metaTemp)
            throws IOException {
        synchronized (lock) {
            if (Files.exists(at.meta())) {
                throw BlobCopy.alreadyExists(tenant, blobId); // written by another thread while this one copied
            }
            Files.move(contentTemp, at.content(), StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(metaTemp, at.meta(), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(at.content());
                throw e;
            }
        }
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            out.write(bytes);
            channel.force(true);
        }
    }

    /**
     * After a failed write: deletes its temporary files and the directories it leaves empty; a failure to do
     * so is added to the write's own failure.
     */
    private void discard(Location at, Path[] temporaries, Throwable failure) {
        synchronized (lock) {
            try {
                for (Path temporary : temporaries) {
                    if (temporary != null) {
                        Files.deleteIfExists(temporary);
                    }
                }
                removeIfEmpty(at.directory());
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Removes the shard directory and then the tenant directory, each only when empty. Holds the lock. */
    private void removeIfEmpty(Path shard) throws IOException {
        for (Path directory = shard; !directory.equals(root); directory = directory.getParent()) {
            try {
                if (!Files.deleteIfExists(directory)) {
                    return;
                }
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    @Override
    public InputStream open(TenantId tenant, String blobId) {
        Location at = locate(tenant, blobId);
        try {
            if (Files.exists(at.meta())) {
                return Files.newInputStream(at.content());
            }
        } catch (NoSuchFileException e) {
            // deleted since the check: not found
        } catch (IOException e) {
            throw new UncheckedIOException("opening blob file " + at.content() + " failed: " + e, e);
        }
        throw new NotFoundException("blob", blobId);
    }

    @Override
    public Optional<BlobInfo> find(TenantId tenant, String blobId) {
        Location at = locate(tenant, blobId);
        Properties meta = new Properties();
        try {
            meta.load(new StringReader(Files.readString(at.meta(), StandardCharsets.US_ASCII)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading blob metadata " + at.meta() + " failed: " + e, e);
        }
        try {
            return Optional.of(new BlobInfo(blobId, Long.parseLong(meta.getProperty("size", "")),
                    meta.getProperty("sha256", "")));
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("blob metadata " + at.meta() + " is damaged: " + e, e));
        }
    }

    @Override
    public boolean delete(TenantId tenant, String blobId) {
        Location at = locate(tenant, blobId);
        synchronized (lock) {
            try {
                if (!Files.deleteIfExists(at.meta())) {
                    return false;
                }
                Files.deleteIfExists(at.content());
                removeIfEmpty(at.directory());
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("deleting blob file " + at.content() + " failed: " + e, e);
            }
        }
    }

    private Location locate(TenantId tenant, String blobId) {
        String tenantName = checkName("tenant", Objects.requireNonNull(tenant, "tenant").value());
        String id = checkName("blob id", Objects.requireNonNull(blobId, "blobId"));
        if (id.endsWith(META_SUFFIX)) {
            throw new IllegalArgumentException("a blob id must not end with '" + META_SUFFIX + "', got '" + id + "'");
        }
        String shard = id.substring(0, Math.min(2, id.length())).replace('.', '_');
        Path directory = root.resolve(tenantName).resolve(shard);
        return new Location(directory, directory.resolve(id), directory.resolve(id + META_SUFFIX));
    }

    private static String checkName(String what, String name) {
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("a " + what + " for a file blob store must be 1 to 128 characters "
                    + "of [A-Za-z0-9._-] and not '.' or '..', got '" + name + "'");
        }
        return name;
    }

    @Override
    public String toString() {
        return "FileSystemBlobStore[" + root + "]";
    }
}
