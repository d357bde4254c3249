package dev.supportkit.core.internal.search;

import dev.supportkit.spi.search.SearchIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The index behaviour on a persistent index in a directory. */
class LuceneSearchIndexOnDiskTest extends LuceneSearchIndexContract {
    @TempDir
    Path dir;

    @Override
    SearchIndex openIndex() {
        return LuceneSearchIndex.open(dir.resolve("index"));
    }
}
