package dev.supportkit.api.work;

import java.io.InputStream;

/**
 * A file to attach, read once as a stream: the engine never holds it whole in memory. The caller keeps
 * ownership of the stream and closes it.
 *
 * @param name        the file's name as the user gave it: 1 to 255 characters, one line, without '/' or '\'
 * @param contentType its media type, e.g. {@code application/pdf}; it must be one that configuration allows
 *                    ({@code supportkit.work.attachments.types})
 * @param content     the bytes: at least one, at most {@code supportkit.work.attachments.max-bytes}
 */
public record FileUpload(String name, String contentType, InputStream content) {
    /**
     * @param name        the file's name
     * @param contentType its media type
     * @param content     the bytes
     * @return the upload
     */
    public static FileUpload of(String name, String contentType, InputStream content) {
        return new FileUpload(name, contentType, content);
    }
}
