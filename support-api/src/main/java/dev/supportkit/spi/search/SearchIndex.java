package dev.supportkit.spi.search;

import dev.supportkit.api.TenantId;
import dev.supportkit.spi.Provider;
import java.util.Collection;
import java.util.List;

/**
 * A full-text index of searchable documents (solution-base articles, FAQ entries). Every operation is
 * scoped to a tenant: a search never returns another tenant's document. Writes are visible to the next
 * search on the same index. Implementations must be safe for concurrent use. A failure of the index
 * itself is reported as {@link dev.supportkit.api.error.ProviderException}.
 */
public interface SearchIndex extends Provider {
    /**
     * Adds documents or replaces the documents with the same tenant, kind and id.
     *
     * @param documents the documents
     */
    void index(Collection<IndexedDocument> documents);

    /**
     * Removes a document; nothing happens when it is not indexed.
     *
     * @param tenant the tenant
     * @param kind   the document kind
     * @param id     the document id
     */
    void remove(TenantId tenant, DocumentKind kind, String id);

    /**
     * Removes every document of a tenant, e.g. before re-indexing it from storage.
     *
     * @param tenant the tenant
     */
    void clear(TenantId tenant);

    /**
     * Searches, best match first.
     *
     * @param query the query
     * @return at most {@code query.limit()} hits, ordered by score descending, then by kind and id
     */
    List<SearchHit> search(SearchQuery query);

    /**
     * Counts a tenant's indexed documents.
     *
     * @param tenant the tenant
     * @return the number of documents
     */
    long count(TenantId tenant);
}
