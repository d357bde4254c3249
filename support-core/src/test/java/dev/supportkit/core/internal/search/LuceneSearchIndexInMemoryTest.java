package dev.supportkit.core.internal.search;

import dev.supportkit.spi.search.SearchIndex;

/** The index behaviour on an in-memory index (no {@code directory} setting). */
class LuceneSearchIndexInMemoryTest extends LuceneSearchIndexContract {
    @Override
    SearchIndex openIndex() {
        return LuceneSearchIndex.inMemory();
    }
}
