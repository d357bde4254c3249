package dev.supportkit.core.internal.intake;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import dev.supportkit.core.internal.config.EngineSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Questionnaire versions in the storage catalogue (kind {@value #KIND}, id = questionnaire id, version =
 * questionnaire version, data = the JSON of the {@link Questionnaire}). A stored version never changes; the
 * catalogue's primary key makes a concurrent definition of the same version a conflict.
 */
public final class QuestionnaireCatalog {
    /** The catalogue kind of questionnaires. */
    public static final String KIND = "questionnaire";
    private static final int CACHE_LIMIT = 2_000;

    private final JacksonCodec codec;
    private final Clock clock;
    private final Duration ttl;
    /** Decoded versions, by tenant, id and version; checked against the stored text on every use. */
    private final Map<String, Cached> decoded = new ConcurrentHashMap<>();
    /** The latest versions read on this node for choosing contacts' questionnaires, by tenant. */
    private final Map<TenantId, Latest> latest = new ConcurrentHashMap<>();

    private record Cached(String data, Questionnaire questionnaire) {
    }

    private record Latest(List<Questionnaire> questionnaires, Instant expiresAt) {
    }

    /**
     * @param codec    the engine's JSON codec
     * @param clock    the engine's clock
     * @param settings the engine's settings: the list of latest versions used to choose a contact's
     *                 questionnaire is reused on this node for {@code supportkit.directory.cache-seconds}
     */
    @Inject
    public QuestionnaireCatalog(JacksonCodec codec, Clock clock, EngineSettings settings) {
        this.codec = codec;
        this.clock = clock;
        this.ttl = settings.directoryCacheTtl();
    }

    /**
     * Stores a version after checking it: its version must be 1 or one more than the latest stored; a stored
     * version may be defined again only with the same content.
     *
     * @param tx     the open transaction
     * @param tenant the tenant
     * @param q      the definition
     * @return the stored version
     * @throws dev.supportkit.api.error.ValidationException for an invalid definition
     *         ({@code questionnaire.<field>}), a version out of sequence ({@code questionnaire.version
     *         [next-version]}) or a changed stored version ({@code questionnaire.version [immutable]})
     */
    public Questionnaire define(StorageTransaction tx, TenantId tenant, Questionnaire q) {
        FieldErrors errors = new FieldErrors();
        QuestionnaireRules.check(q, QuestionnaireRules.Naming.API, errors);
        errors.throwIfAny();
        Questionnaire canonical = QuestionnaireRules.canonical(q);
        Optional<Questionnaire> stored = version(tx, tenant, q.id(), q.version());
        if (stored.isPresent()) {
            if (!stored.get().equals(canonical)) {
                errors.add("questionnaire.version", "immutable", "version " + q.version() + " of questionnaire '"
                        + q.id() + "' is stored with different content; define version "
                        + (latest(tx, tenant, q.id()).map(Questionnaire::version).orElse(q.version()) + 1)
                        + " instead");
                errors.throwIfAny();
            }
            return stored.get();
        }
        int latest = tx.findCatalogRecord(tenant, KIND, q.id().value()).map(CatalogRecord::version).orElse(0);
        if (q.version() != latest + 1) {
            errors.add("questionnaire.version", "next-version", "must be " + (latest + 1) + " (the latest stored "
                    + "version of '" + q.id() + "' is " + (latest == 0 ? "none" : Integer.toString(latest)) + ")");
            errors.throwIfAny();
        }
        tx.insertCatalogRecord(new CatalogRecord(tenant, KIND, q.id().value(), q.version(), Optional.empty(),
                clock.instant(), codec.toJson(canonical)));
        forget(tenant);
        return canonical;
    }

    /**
     * Drops the latest versions kept on this node for a tenant; call it again after the defining transaction
     * committed, so that a contact registered meanwhile cannot keep the list from before.
     *
     * @param tenant the tenant
     */
    public void forget(TenantId tenant) {
        latest.remove(tenant);
    }

    /**
     * One version.
     *
     * @param tx      the open transaction
     * @param tenant  the tenant
     * @param id      the questionnaire
     * @param version the version
     * @return the version, if stored
     */
    public Optional<Questionnaire> version(StorageTransaction tx, TenantId tenant, QuestionnaireId id, int version) {
        if (id == null || version < 1) {
            return Optional.empty();
        }
        return tx.findCatalogRecordVersion(tenant, KIND, id.value(), version).map(this::decode);
    }

    /**
     * The latest version.
     *
     * @param tx     the open transaction
     * @param tenant the tenant
     * @param id     the questionnaire
     * @return its latest version, if any is stored
     */
    public Optional<Questionnaire> latest(StorageTransaction tx, TenantId tenant, QuestionnaireId id) {
        return tx.findCatalogRecord(tenant, KIND, id.value()).map(this::decode);
    }

    /**
     * The latest version of every questionnaire.
     *
     * @param tx     the open transaction
     * @param tenant the tenant
     * @return ordered by id
     */
    public List<Questionnaire> all(StorageTransaction tx, TenantId tenant) {
        return tx.listCatalogRecords(tenant, KIND, Optional.empty()).stream().map(this::decode)
                .sorted(Comparator.comparing(q -> q.id().value())).toList();
    }

    /**
     * The latest version of the most specific questionnaire for a system model and a problem category: one
     * naming both beats one naming the model, which beats one naming the category, which beats one naming
     * neither; a questionnaire naming a model or category that differs does not apply. Models and categories
     * are compared ignoring case; among equally specific ones the smallest id wins.
     *
     * @param tx       the open transaction
     * @param tenant   the tenant
     * @param model    the supported system's model, if known
     * @param category the problem category, if known
     * @return the questionnaire, if one applies
     */
    public Optional<Questionnaire> bestFor(StorageTransaction tx, TenantId tenant, Optional<String> model,
                                           Optional<String> category) {
        return best(all(tx, tenant), model, category);
    }

    /**
     * As {@link #bestFor}, over the latest versions read on this node within the directory cache's time
     * ({@code supportkit.directory.cache-seconds}): a version defined through this node applies at once, one
     * defined through another node at the latest when that time runs out. Used for every contact, so that a
     * registration does not read every questionnaire.
     *
     * @param tx       the open transaction
     * @param tenant   the tenant
     * @param model    the supported system's model, if known
     * @param category the problem category, if known
     * @return the questionnaire, if one applies
     */
    public Optional<Questionnaire> bestForContact(StorageTransaction tx, TenantId tenant, Optional<String> model,
                                                  Optional<String> category) {
        if (ttl.isZero()) {
            return bestFor(tx, tenant, model, category);
        }
        Instant now = clock.instant();
        Latest kept = latest.get(tenant);
        if (kept == null || !kept.expiresAt().isAfter(now)) {
            if (latest.size() >= CACHE_LIMIT) {
                latest.clear();
            }
            kept = new Latest(all(tx, tenant), now.plus(ttl));
            latest.put(tenant, kept);
        }
        return best(kept.questionnaires(), model, category);
    }

    private static Optional<Questionnaire> best(List<Questionnaire> candidates, Optional<String> model,
                                                Optional<String> category) {
        Questionnaire best = null;
        int bestScore = -1;
        for (Questionnaire q : candidates) {
            int score = score(q, model, category);
            if (score > bestScore) {
                best = q;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** 3 for both, 2 for the model, 1 for the category, 0 for neither; -1 when it does not apply. */
    private static int score(Questionnaire q, Optional<String> model, Optional<String> category) {
        if (q.systemModel().isPresent() && !same(q.systemModel(), model)) {
            return -1;
        }
        if (q.category().isPresent() && !same(q.category(), category)) {
            return -1;
        }
        return (q.systemModel().isPresent() ? 2 : 0) + (q.category().isPresent() ? 1 : 0);
    }

    private static boolean same(Optional<String> wanted, Optional<String> actual) {
        return actual.filter(a -> !a.isBlank())
                .map(a -> a.strip().toLowerCase(Locale.ROOT).equals(wanted.get().strip().toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    private Questionnaire decode(CatalogRecord record) {
        String key = record.tenant().value() + "\n" + record.id() + "\n" + record.version();
        Cached cached = decoded.get(key);
        if (cached != null && cached.data().equals(record.data())) {
            return cached.questionnaire();
        }
        Questionnaire q = codec.fromJson(record.data(), Questionnaire.class);
        if (decoded.size() >= CACHE_LIMIT) {
            decoded.clear();
        }
        decoded.put(key, new Cached(record.data(), q));
        return q;
    }
}
