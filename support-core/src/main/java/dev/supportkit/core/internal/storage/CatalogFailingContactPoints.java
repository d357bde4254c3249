package dev.supportkit.core.internal.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.Channel;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.spi.notification.ContactPointFailure;
import dev.supportkit.spi.notification.FailingContactPoints;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageTransaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Failing contact points kept as catalogue documents of the engine's storage, one per tenant, channel and
 * address; each mark or clear is a new version (kept as a history), so two engines marking one point never
 * lose a change. {@link #find} reads a mark inside the delivery's own transaction.
 */
public final class CatalogFailingContactPoints implements FailingContactPoints {
    /** The catalogue kind of the marks. */
    public static final String KIND = "failing-contact-point";
    /** The lookup key of a version that marks its point failing (a cleared one has {@code cleared}). */
    static final String FAILING = "failing";
    private static final int WRITE_ATTEMPTS = 5;

    private final StorageProvider storage;
    private final JacksonCodec codec;
    private final String providerId;
    private final Clock clock;

    /**
     * Creates the marks a provider sets in its own name.
     *
     * @param storage    the engine's storage
     * @param codec      the engine's JSON codec
     * @param providerId the id of the provider that marks, recorded with each mark
     * @param clock      the engine's clock
     */
    public CatalogFailingContactPoints(StorageProvider storage, JacksonCodec codec, String providerId, Clock clock) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ContactPointFailure markFailing(TenantId tenant, ContactPoint point, String reason) {
        List<FieldError> errors = problems(tenant, point);
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "required", "is required and must not be blank"));
        }
        throwIfAny(errors);
        String kept = reason.strip().length() > MAX_REASON_LENGTH
                ? reason.strip().substring(0, MAX_REASON_LENGTH - 1) + "…" : reason.strip();
        ContactPointFailure failure = new ContactPointFailure(normalized(point), kept, providerId, clock.instant());
        write(tenant, failure.point(), FAILING, data(failure));
        return failure;
    }

    @Override
    public Optional<ContactPointFailure> failure(TenantId tenant, ContactPoint point) {
        throwIfAny(problems(tenant, point));
        return storage.read(tx -> find(tx, codec, tenant, point));
    }

    @Override
    public boolean clear(TenantId tenant, ContactPoint point) {
        throwIfAny(problems(tenant, point));
        if (failure(tenant, point).isEmpty()) {
            return false;
        }
        Map<String, Object> cleared = new LinkedHashMap<>();
        cleared.put("failing", false);
        cleared.put("clearedBy", providerId);
        cleared.put("at", clock.instant().toString());
        write(tenant, normalized(point), "cleared", cleared);
        return true;
    }

    /**
     * Reads the mark on a contact point in a transaction already open.
     *
     * @param tx     the transaction
     * @param codec  the engine's JSON codec
     * @param tenant the tenant
     * @param point  the contact point
     * @return its mark, or empty when it is not marked failing
     */
    public static Optional<ContactPointFailure> find(StorageTransaction tx, JacksonCodec codec, TenantId tenant,
                                              ContactPoint point) {
        if (point == null || point.channel() == null || point.address() == null) {
            return Optional.empty();
        }
        ContactPoint normal = normalized(point);
        return tx.findCatalogRecord(tenant, KIND, id(normal))
                .filter(r -> r.key().filter(FAILING::equals).isPresent())
                .map(r -> codec.fromJson(r.data(), Map.class))
                .map(d -> new ContactPointFailure(normal, String.valueOf(d.get("reason")),
                        String.valueOf(d.get("reportedBy")), Instant.parse(String.valueOf(d.get("since")))));
    }

    private void write(TenantId tenant, ContactPoint point, String key, Map<String, Object> data) {
        String id = id(point);
        for (int attempt = 1; ; attempt++) {
            try {
                storage.inTransaction(tx -> {
                    int latest = tx.findCatalogRecord(tenant, KIND, id).map(CatalogRecord::version).orElse(0);
                    tx.insertCatalogRecord(new CatalogRecord(tenant, KIND, id, latest + 1, Optional.of(key),
                            clock.instant(), codec.toJson(data)));
                    return null;
                });
                return;
            } catch (ConcurrencyConflictException e) {
                if (attempt == WRITE_ATTEMPTS) { // another engine wrote the same point each time: it is its mark
                    throw e;
                }
            }
        }
    }

    private static Map<String, Object> data(ContactPointFailure failure) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("failing", true);
        data.put("channel", failure.point().channel().name());
        data.put("address", failure.point().address());
        data.put("reason", failure.reason());
        data.put("reportedBy", failure.reportedBy());
        data.put("since", failure.since().toString());
        return data;
    }

    private static List<FieldError> problems(TenantId tenant, ContactPoint point) {
        List<FieldError> errors = new ArrayList<>();
        if (tenant == null) {
            errors.add(new FieldError("tenant", "required", "is required"));
        }
        if (point == null) {
            errors.add(new FieldError("point", "required", "is required"));
            return errors;
        }
        if (point.channel() == null) {
            errors.add(new FieldError("point.channel", "required", "is required"));
        }
        if (point.address() == null || point.address().isBlank()) {
            errors.add(new FieldError("point.address", "required", "is required and must not be blank"));
        }
        return errors;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The point as marks are kept: an e-mail address in lower case, any address without surrounding spaces. */
    private static ContactPoint normalized(ContactPoint point) {
        String address = point.address().strip();
        return new ContactPoint(point.channel(), Channel.EMAIL.equals(point.channel())
                ? address.toLowerCase(Locale.ROOT) : address);
    }

    /** The document id: the channel and a digest of the address (an address may be longer than an id). */
    private static String id(ContactPoint normal) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normal.address().getBytes(StandardCharsets.UTF_8));
            return normal.channel().name() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
