package dev.supportkit.core.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.search.SearchHit;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent index in a directory, and the factory's settings. */
class LuceneSearchIndexPersistenceTest {
    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;

    private static IndexedDocument article(String id, String title) {
        return new IndexedDocument(ACME, DocumentKind.ARTICLE, id, title, "", Set.of("PBX-1"), false);
    }

    private static List<String> search(SearchIndex index, String text) {
        return index.search(new SearchQuery(ACME, text, Optional.of("PBX-1"), Set.of(), false, 10)).stream()
                .map(SearchHit::id).toList();
    }

    private static ProviderContext context(Map<String, String> settings) {
        return new ProviderContext() {
            @Override
            public Clock clock() {
                return Clock.fixed(Instant.parse("2026-03-12T06:00:00Z"), ZoneOffset.UTC);
            }

            @Override
            public String nodeId() {
                return "test-node";
            }

            @Override
            public ProviderSettings settings() {
                return new ProviderSettings(settings);
            }

            @Override
            public DataCodec codec() {
                return null;
            }
        };
    }

    @Test
    @DisplayName("documents, replacements and removals survive closing and reopening the directory")
    void survivesReopen() {
        Path path = dir.resolve("search");
        try (SearchIndex index = LuceneSearchIndex.open(path)) {
            index.index(List.of(article("1", "Телефон не звонит"), article("2", "Принтер не печатает"),
                    article("3", "Факс")));
            index.index(List.of(article("2", "Сканер не сканирует")));
            index.remove(ACME, DocumentKind.ARTICLE, "3");
        }
        try (SearchIndex reopened = LuceneSearchIndex.open(path)) {
            assertEquals(2, reopened.count(ACME));
            assertEquals(List.of("1"), search(reopened, "телефоны"));
            assertEquals(List.of("2"), search(reopened, "сканеры"));
            assertEquals(List.of(), search(reopened, "принтер"));
            assertEquals(List.of(), search(reopened, "факс"));
            reopened.index(List.of(article("4", "Dropped calls")));
            assertEquals(List.of("4"), search(reopened, "call dropping"));
        }
    }

    @Test
    @DisplayName("a write is committed when it returns, before the index is closed")
    void writesAreCommitted() throws Exception {
        Path path = dir.resolve("search");
        try (SearchIndex index = LuceneSearchIndex.open(path)) {
            index.index(List.of(article("1", "Телефон"), article("2", "Факс")));
            index.remove(ACME, DocumentKind.ARTICLE, "2");
            try (FSDirectory directory = FSDirectory.open(path);
                 DirectoryReader reader = DirectoryReader.open(directory)) {
                assertEquals(1, reader.numDocs(), "what a crash now would leave on disk");
            }
        }
    }

    @Test
    @DisplayName("a directory already open in another index is refused, naming the directory")
    void oneIndexPerDirectory() {
        Path path = dir.resolve("search");
        try (SearchIndex first = LuceneSearchIndex.open(path)) {
            ProviderException error = assertThrows(ProviderException.class, () -> LuceneSearchIndex.open(path));
            assertEquals("lucene", error.providerId());
            assertTrue(error.getMessage().contains(path.toString()), error::getMessage);
            assertTrue(error.getMessage().contains("in use"), error::getMessage);
            first.index(List.of(article("1", "Телефон")));
            assertEquals(1, first.count(ACME), "the refused open left the first index working");
        }
        try (SearchIndex again = LuceneSearchIndex.open(path)) {
            assertEquals(1, again.count(ACME), "closing released the directory");
        }
    }

    @Test
    @DisplayName("a path that is a file, or a foreign Lucene index, is a provider failure")
    void badDirectories() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        ProviderException notDirectory = assertThrows(ProviderException.class, () -> LuceneSearchIndex.open(file));
        assertTrue(notDirectory.getMessage().contains(file.toString()), notDirectory::getMessage);

        Path foreign = dir.resolve("foreign");
        try (FSDirectory directory = FSDirectory.open(foreign);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.addDocument(new Document());
            writer.commit();
        }
        ProviderException notOurs = assertThrows(ProviderException.class, () -> LuceneSearchIndex.open(foreign));
        assertTrue(notOurs.getMessage().contains("not a SupportKit search index"), notOurs::getMessage);
    }

    @Test
    @DisplayName("the factory opens a persistent index in the configured directory, else one in memory")
    void factory() {
        LuceneSearchIndexFactory factory = new LuceneSearchIndexFactory();
        assertEquals("lucene", factory.id());
        Path path = dir.resolve("configured");
        try (SearchIndex index = factory.create(context(Map.of("directory", path.toString())))) {
            assertInstanceOf(LuceneSearchIndex.class, index);
            index.index(List.of(article("1", "Телефон")));
        }
        try (SearchIndex index = factory.create(context(Map.of("directory", path.toString())))) {
            assertEquals(1, index.count(ACME));
        }
        try (SearchIndex memory = factory.create(context(Map.of())); SearchIndex blank =
                factory.create(context(Map.of("directory", "  ")))) {
            memory.index(List.of(article("1", "Телефон")));
            assertEquals(1, memory.count(ACME));
            assertEquals(0, blank.count(ACME));
        }
        ConfigurationException unknown = assertThrows(ConfigurationException.class,
                () -> factory.create(context(Map.of("directroy", "x", "ram-mb", "5"))));
        assertEquals(2, unknown.problems().size(), unknown::getMessage);
        assertTrue(unknown.problems().get(0).startsWith("supportkit.providers.lucene.directroy: unknown setting"),
                unknown::getMessage);
    }
}
