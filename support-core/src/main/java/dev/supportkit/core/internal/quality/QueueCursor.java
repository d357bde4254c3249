package dev.supportkit.core.internal.quality;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.DeadlineCondition;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.spi.storage.RequestPosition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The opaque cursor of a queue page: where the page ended, and a fingerprint of the filters and order it
 * belongs to, so that a cursor passed with another query is refused rather than silently giving a wrong
 * page. Base64url text; the same on every node (the fingerprint is computed from a canonical form of the
 * query, not from hash-ordered sets).
 */
final class QueueCursor {
    private static final String VERSION = "q1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** A digest per thread: looking one up costs more than the digest of a query. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private QueueCursor() {
    }

    static String encode(RequestQuery query, RequestPosition position) {
        String text = String.join("|", VERSION, fingerprint(query), Integer.toString(position.priorityRank()),
                position.instant().toString(), position.id().value());
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ValidationException (field {@code query.after}, rule {@code cursor}) for a cursor not made for this query */
    static RequestPosition decode(String cursor, RequestQuery query) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 5);
            if (parts.length != 5 || !parts[0].equals(VERSION) || parts[4].isEmpty()) {
                throw refused("is not a cursor this engine returned");
            }
            if (!parts[1].equals(fingerprint(query))) {
                throw refused("belongs to a query with other filters or another order");
            }
            return new RequestPosition(Integer.parseInt(parts[2]), Instant.parse(parts[3]), RequestId.of(parts[4]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw refused("is not a cursor this engine returned");
        }
    }

    private static ValidationException refused(String why) {
        return new ValidationException(List.of(new FieldError("query.after", "cursor", why)));
    }

    /** A digest of everything in the query but its cursor and page size. */
    static String fingerprint(RequestQuery q) {
        String canonical = String.join(";", ordinals(RequestStatus.values(), q.statuses()),
                text(q.line().map(Enum::name)), text(q.group().map(g -> g.value())),
                q.assignee().kind().name(), text(q.assignee().specialist().map(s -> s.value())),
                ordinals(Priority.values(), q.priorities()),
                text(q.category()), text(q.organization().map(o -> o.value())), text(q.system().map(s -> s.value())),
                text(q.model()), text(q.emergency().map(String::valueOf)),
                q.deadlines().stream().sorted(Comparator.comparing(DeadlineCondition::kind)
                                .thenComparing(DeadlineCondition::window))
                        .map(c -> c.kind() + "/" + c.window()).collect(Collectors.joining(",")),
                text(q.registeredFrom().map(Instant::toString)), text(q.registeredUntil().map(Instant::toString)),
                text(q.updatedFrom().map(Instant::toString)), text(q.updatedUntil().map(Instant::toString)),
                q.sort().name());
        byte[] digest = SHA_256.get().digest(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /** The ordinals of the constants in a set, ascending, joined by commas (the set's order is no one's). */
    private static <E extends Enum<E>> String ordinals(E[] all, Set<E> chosen) {
        StringJoiner joined = new StringJoiner(",");
        for (E constant : all) {
            if (chosen.contains(constant)) {
                joined.add(Integer.toString(constant.ordinal()));
            }
        }
        return joined.toString();
    }

    /** Free text with its length in front, so that no separator inside it can make two queries look alike. */
    private static String text(Optional<String> value) {
        return value.map(v -> v.length() + ":" + v).orElse("-");
    }
}
