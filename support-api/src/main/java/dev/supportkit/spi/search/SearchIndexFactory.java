package dev.supportkit.spi.search;

import dev.supportkit.spi.ProviderFactory;

/**
 * Creates the search index. Selected by {@code supportkit.search.provider}; the engine ships
 * {@code lucene}.
 */
public interface SearchIndexFactory extends ProviderFactory<SearchIndex> {
}
