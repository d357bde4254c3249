package dev.supportkit.core.engine;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.search.SearchHit;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchQuery;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

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
        call("indexing", () -> {
            delegate.index(documents);
            return null;
        });
    }

    @Override
    public void remove(TenantId tenant, DocumentKind kind, String id) {
        call("removing a document", () -> {
            delegate.remove(tenant, kind, id);
            return null;
        });
    }

    @Override
    public void clear(TenantId tenant) {
        call("clearing a tenant", () -> {
            delegate.clear(tenant);
            return null;
        });
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        List<SearchHit> hits = call("searching", () -> delegate.search(query));
        if (hits == null) {
            throw new ProviderException(providerId, "searching returned no list of hits", null);
        }
        return hits;
    }

    @Override
    public long count(TenantId tenant) {
        return call("counting", () -> delegate.count(tenant));
    }

    @Override
    public void close() {
        call("closing", () -> {
            delegate.close();
            return null;
        });
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SupportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException(providerId, operation + " failed: " + e.getMessage(), e);
        }
    }
}
