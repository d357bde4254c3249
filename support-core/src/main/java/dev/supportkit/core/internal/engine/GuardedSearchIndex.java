package dev.supportkit.core.internal.engine;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.search.SearchHit;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchQuery;
import java.util.Collection;
import java.util.List;

/**
 * Wraps the configured search index so that any failure of the index itself, including a third-party
 * provider's unexpected runtime exception, reaches the engine as a {@link ProviderException} naming the
 * provider, as {@link GuardedStorage} does for storage. The engine's own exceptions pass unchanged.
 */
final class GuardedSearchIndex implements SearchIndex {
    private final String providerId;
    private final SearchIndex delegate;

    GuardedSearchIndex(String providerId, SearchIndex delegate) {
        this.providerId = providerId;
        this.delegate = delegate;
    }

    @Override
    public void index(Collection<IndexedDocument> documents) {
        ProviderCalls.guard(providerId, "indexing", () -> delegate.index(documents));
    }

    @Override
    public void remove(TenantId tenant, DocumentKind kind, String id) {
        ProviderCalls.guard(providerId, "removing a document", () -> delegate.remove(tenant, kind, id));
    }

    @Override
    public void clear(TenantId tenant) {
        ProviderCalls.guard(providerId, "clearing a tenant", () -> delegate.clear(tenant));
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        List<SearchHit> hits = ProviderCalls.guard(providerId, "searching", () -> delegate.search(query));
        if (hits == null) {
            throw new ProviderException(providerId, "searching returned no list of hits", null);
        }
        return hits;
    }

    @Override
    public long count(TenantId tenant) {
        return ProviderCalls.guard(providerId, "counting", () -> delegate.count(tenant));
    }

    @Override
    public void close() {
        ProviderCalls.guard(providerId, "closing", delegate::close);
    }
}
