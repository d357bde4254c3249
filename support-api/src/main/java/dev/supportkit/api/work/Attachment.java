package dev.supportkit.api.work;

import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.Objects;

/**
 * A file attached to one journal entry of a request (a contact, a reply, a note, a resolution, an equipment
 * check, a training or works done). It is
 * journalled itself, with its size and SHA-256 digest, so the journal's hash chain covers the file; reading
 * it back checks the content against that digest. It is seen by whoever sees the entry it belongs to.
 *
 * @param id          its id
 * @param request     the request
 * @param entry       the journal sequence of the entry it is attached to
 * @param sequence    the journal sequence of its own entry
 * @param name        the file's name
 * @param contentType its media type
 * @param size        its size in bytes
 * @param sha256      its SHA-256 digest, lower-case hex
 * @param attachedBy  the id of who attached it
 * @param attachedAt  when
 * @param visibility  who may see it: that of the entry it belongs to
 */
public record Attachment(String id, RequestId request, long entry, long sequence, String name, String contentType,
                         long size, String sha256, String attachedBy, Instant attachedAt, Visibility visibility) {
    /**
     * Checks the required parts.
     *
     * @param id          its id
     * @param request     the request
     * @param entry       the entry it is attached to
     * @param sequence    its own entry
     * @param name        the file's name
     * @param contentType its media type
     * @param size        its size
     * @param sha256      its digest
     * @param attachedBy  who attached it
     * @param attachedAt  when
     * @param visibility  who may see it
     */
    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(attachedBy, "attachedBy");
        Objects.requireNonNull(attachedAt, "attachedAt");
        Objects.requireNonNull(visibility, "visibility");
    }
}
