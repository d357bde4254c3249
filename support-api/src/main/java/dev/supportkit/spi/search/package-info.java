/**
 * The search-index SPI: full-text search over the solution base and the FAQ. The engine ships an
 * embedded Apache Lucene index ({@code lucene}); a server-side index (OpenSearch, Elasticsearch) can
 * replace it by supplying a {@link dev.supportkit.spi.search.SearchIndexFactory} and naming it in
 * {@code supportkit.search.provider}. The index is a derived copy: the engine's storage holds the
 * documents, and the engine re-indexes a tenant's documents from storage when asked to.
 */
package dev.supportkit.spi.search;
