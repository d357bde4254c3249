package dev.supportkit.spi.notification;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A file sent with a notification (a digest's report, for instance). Channels that carry files (e-mail) send it
 * as an attachment; the others leave it out and say so in their documentation.
 *
 * @param fileName  the file's name as the recipient sees it: 1 to 200 characters, no path separators or control
 *                  characters (Cyrillic is fine)
 * @param mediaType its media type, {@code type/subtype} (e.g. {@code text/csv; charset=UTF-8} without parameters:
 *                  {@code text/csv})
 * @param content   its bytes, at most {@link #MAX_BYTES}; copied in and out
 */
public record NotificationAttachment(String fileName, String mediaType, byte[] content) {
    /** The largest attachment: 10 MiB. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}");

    /**
     * Checks and copies the parts.
     *
     * @param fileName  the file's name
     * @param mediaType its media type
     * @param content   its bytes
     * @throws ValidationException naming {@code attachment.fileName}, {@code attachment.mediaType} or
     *                             {@code attachment.content} and the rule broken
     */
    public NotificationAttachment {
        List<FieldError> errors = new ArrayList<>();
        if (fileName == null || fileName.isBlank() || fileName.length() > 200) {
            errors.add(new FieldError("attachment.fileName", "length", "must be 1 to 200 characters"));
        } else if (fileName.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            errors.add(new FieldError("attachment.fileName", "characters",
                    "must not hold path separators or control characters"));
        }
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            errors.add(new FieldError("attachment.mediaType", "format", "must be type/subtype, e.g. text/csv"));
        }
        if (content == null) {
            errors.add(new FieldError("attachment.content", "required", "is required"));
        } else if (content.length > MAX_BYTES) {
            errors.add(new FieldError("attachment.content", "size", "must be at most " + MAX_BYTES + " bytes, got "
                    + content.length));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        content = content.clone();
    }

    /**
     * Returns a copy of the bytes.
     *
     * @return the file's content
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NotificationAttachment that && fileName.equals(that.fileName)
                && mediaType.equals(that.mediaType) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * fileName.hashCode() + mediaType.hashCode()) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "NotificationAttachment[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
