package dev.supportkit.core.internal.knowledge;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleId;
import dev.supportkit.api.knowledge.ArticleStatus;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes articles and FAQ entries as versioned catalogue records, and turns them into search
 * documents. Kinds: {@code article} and {@code faq}.
 */
public final class KnowledgeStore {
    /** Catalogue kind of articles. */
    public static final String ARTICLE = "article";
    /** Catalogue kind of FAQ entries. */
    public static final String FAQ = "faq";

    private final JacksonCodec codec;

    /**
     * @param codec the engine's codec
     */
    @Inject
    public KnowledgeStore(JacksonCodec codec) {
        this.codec = codec;
    }

    /**
     * @param tx     the open transaction
     * @param tenant the tenant
     * @param id     the article
     * @return its latest version, if it exists
     */
    public Optional<Article> latest(StorageTransaction tx, TenantId tenant, ArticleId id) {
        return tx.findCatalogRecord(tenant, ARTICLE, id.value()).map(r -> codec.fromJson(r.data(), Article.class));
    }

    /**
     * @param tx     the open transaction
     * @param tenant the tenant
     * @param id     the article
     * @return every version, oldest first
     */
    public List<Article> history(StorageTransaction tx, TenantId tenant, ArticleId id) {
        return tx.findCatalogHistory(tenant, ARTICLE, id.value()).stream()
                .map(r -> codec.fromJson(r.data(), Article.class)).toList();
    }

    /**
     * The version readers and search see: the latest published version, unless the article was archived
     * after it.
     *
     * @param tx     the open transaction
     * @param tenant the tenant
     * @param id     the article
     * @return the published version, if there is one
     */
    public Optional<Article> published(StorageTransaction tx, TenantId tenant, ArticleId id) {
        return published(history(tx, tenant, id));
    }

    /**
     * @param history an article's versions, oldest first
     * @return the version readers and search see, if there is one
     */
    static Optional<Article> published(List<Article> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            ArticleStatus status = history.get(i).status();
            if (status == ArticleStatus.ARCHIVED) {
                return Optional.empty();
            }
            if (status == ArticleStatus.PUBLISHED) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * @param tx     the open transaction
     * @param tenant the tenant
     * @return the latest version of every article, by id
     */
    public List<Article> allLatest(StorageTransaction tx, TenantId tenant) {
        return tx.listCatalogRecords(tenant, ARTICLE, Optional.empty()).stream()
                .map(r -> codec.fromJson(r.data(), Article.class)).toList();
    }

    /**
     * Stores a new article version.
     *
     * @param tx      the open transaction
     * @param tenant  the tenant
     * @param article the version
     */
    public void save(StorageTransaction tx, TenantId tenant, Article article) {
        tx.insertCatalogRecord(new CatalogRecord(tenant, ARTICLE, article.id().value(), article.version(),
                Optional.of(article.status().name()), article.updatedAt(), codec.toJson(article)));
    }

    /**
     * @param tx     the open transaction
     * @param tenant the tenant
     * @param id     the entry
     * @return its latest version, if it exists
     */
    public Optional<FaqEntry> faq(StorageTransaction tx, TenantId tenant, FaqId id) {
        return tx.findCatalogRecord(tenant, FAQ, id.value()).map(r -> codec.fromJson(r.data(), FaqEntry.class));
    }

    /**
     * @param tx     the open transaction
     * @param tenant the tenant
     * @return the latest version of every FAQ entry, by id
     */
    public List<FaqEntry> allFaq(StorageTransaction tx, TenantId tenant) {
        return tx.listCatalogRecords(tenant, FAQ, Optional.empty()).stream()
                .map(r -> codec.fromJson(r.data(), FaqEntry.class)).toList();
    }

    /**
     * Stores a new FAQ entry version.
     *
     * @param tx     the open transaction
     * @param tenant the tenant
     * @param entry  the version
     */
    public void save(StorageTransaction tx, TenantId tenant, FaqEntry entry) {
        tx.insertCatalogRecord(new CatalogRecord(tenant, FAQ, entry.id().value(), entry.version(),
                Optional.empty(), entry.updatedAt(), codec.toJson(entry)));
    }

    /**
     * Everything search should find in a tenant: published articles and active FAQ entries.
     *
     * @param tx     the open transaction
     * @param tenant the tenant
     * @return the search documents
     */
    public List<IndexedDocument> searchable(StorageTransaction tx, TenantId tenant) {
        List<IndexedDocument> documents = new ArrayList<>();
        for (Article latest : allLatest(tx, tenant)) {
            Optional<Article> published = latest.status() == ArticleStatus.PUBLISHED ? Optional.of(latest)
                    : published(tx, tenant, latest.id());
            published.ifPresent(a -> documents.add(document(tenant, a)));
        }
        for (FaqEntry entry : allFaq(tx, tenant)) {
            if (entry.active()) {
                documents.add(document(tenant, entry));
            }
        }
        return documents;
    }

    /**
     * @param tenant  the tenant
     * @param article a published article version
     * @return its search document
     */
    public static IndexedDocument document(TenantId tenant, Article article) {
        StringBuilder body = new StringBuilder(article.symptoms());
        article.steps().forEach(step -> body.append('\n').append(step));
        article.systemVersions().ifPresent(v -> body.append('\n').append(v));
        return new IndexedDocument(tenant, DocumentKind.ARTICLE, article.id().value(), article.problem(),
                body.toString(), article.systemModels(), article.customerVisible());
    }

    /**
     * @param tenant the tenant
     * @param entry  an active FAQ entry
     * @return its search document
     */
    public static IndexedDocument document(TenantId tenant, FaqEntry entry) {
        return new IndexedDocument(tenant, DocumentKind.FAQ, entry.id().value(), entry.question(), entry.answer(),
                entry.systemModels(), true);
    }
}
