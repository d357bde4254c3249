package dev.supportkit.core.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.knowledge.KnowledgeQuery;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.internal.config.SettingsLoader;
import dev.supportkit.core.internal.engine.EngineAssembly;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.search.SearchHit;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchIndexFactory;
import dev.supportkit.spi.search.SearchQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the engine selects, creates, binds and closes its search index. */
class LuceneSearchEngineWiringTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T06:00:00Z"), ZoneOffset.UTC);
    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;

    /** A search index factory that records what the engine does with it. */
    static final class RecordingFactory implements SearchIndexFactory {
        final String id;
        final List<ProviderContext> contexts = new ArrayList<>();
        final List<RecordingIndex> created = new ArrayList<>();

        RecordingFactory(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public SearchIndex create(ProviderContext context) {
            contexts.add(context);
            RecordingIndex index = new RecordingIndex();
            created.add(index);
            return index;
        }
    }

    /** An index that finds nothing and remembers being closed. */
    static final class RecordingIndex implements SearchIndex {
        boolean closed;
        final List<SearchQuery> searches = new ArrayList<>();
        /** Thrown by every search when set, as a third-party index's bug would be. */
        RuntimeException failure;

        @Override
        public void index(Collection<IndexedDocument> documents) {
        }

        @Override
        public void remove(TenantId tenant, DocumentKind kind, String id) {
        }

        @Override
        public void clear(TenantId tenant) {
        }

        @Override
        public List<SearchHit> search(SearchQuery query) {
            searches.add(query);
            if (failure != null) {
                throw failure;
            }
            return List.of();
        }

        @Override
        public long count(TenantId tenant) {
            return 0;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static SupportEngine.Builder builder() {
        return SupportEngine.builder().clock(CLOCK).environment(Map.of());
    }

    @Test
    @DisplayName("an unknown search provider is a configuration problem naming the key and the available ones")
    void unknownProvider() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> builder().set("supportkit.search.provider", "nope").build());
        assertEquals(List.of("supportkit.search.provider: no search index provider 'nope' is available "
                + "(available: lucene)"), error.problems());

        ConfigurationException fromEnvironment = assertThrows(ConfigurationException.class,
                () -> SupportEngine.builder().clock(CLOCK).environment(Map.of("SUPPORTKIT_SEARCH_PROVIDER", "nope"))
                        .build());
        assertTrue(fromEnvironment.getMessage().contains("supportkit.search.provider"), fromEnvironment::getMessage);
    }

    @Test
    @DisplayName("a bad search provider is reported together with the other configuration problems")
    void reportedWithOtherProblems() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> builder()
                .set("supportkit.search.provider", "nope").set("supportkit.storage.provider", "nosuchstore")
                .set("supportkit.search.engine", "x").build());
        assertEquals(3, error.problems().size(), error::getMessage);
        assertTrue(error.getMessage().contains("supportkit.search.provider: no search index provider 'nope'"),
                error::getMessage);
        assertTrue(error.getMessage().contains("supportkit.storage.provider: no storage provider"), error::getMessage);
        assertTrue(error.getMessage().contains("supportkit.search.engine: unknown configuration key"),
                error::getMessage);
    }

    @Test
    @DisplayName("a factory registered on the builder is selected, created once with its settings and closed")
    void builderFactory() {
        RecordingFactory factory = new RecordingFactory("recording-search");
        try (SupportEngine engine = builder().searchIndex(factory)
                .set("supportkit.providers.recording-search.url", "http://search:9200").build()) {
            assertEquals(1, factory.created.size());
            assertEquals("http://search:9200", factory.contexts.get(0).settings().get("url").orElseThrow());
            assertEquals(engine.clock(), factory.contexts.get(0).clock());
            assertEquals(CLOCK.instant(), factory.contexts.get(0).clock().instant());
            assertEquals(engine.nodeId(), factory.contexts.get(0).nodeId());
            assertFalse(factory.created.get(0).closed);
        }
        assertTrue(factory.created.get(0).closed, "closing the engine closes the index");
    }

    @Test
    @DisplayName("a third-party index's unexpected exception reaches the caller as a ProviderException naming it")
    void thirdPartyFailureNamesTheProvider() {
        RecordingFactory factory = new RecordingFactory("recording-search");
        try (SupportEngine engine = builder().searchIndex(factory).build()) {
            factory.created.get(0).failure = new NullPointerException("bug in the plugin");
            Actor operator = Actor.staff("op", "Operator", Role.FIRST_LINE_OPERATOR, ACME);
            ProviderException error = assertThrows(ProviderException.class,
                    () -> engine.knowledge().search(operator, KnowledgeQuery.of("телефон")));
            assertEquals("recording-search", error.providerId());
            assertTrue(error.getMessage().contains("bug in the plugin"), error::getMessage);
            assertInstanceOf(NullPointerException.class, error.getCause());
        }
    }

    @Test
    @DisplayName("a registered factory is not used when configuration selects another provider")
    void configurationWinsOverRegistration() {
        RecordingFactory factory = new RecordingFactory("recording-search");
        try (SupportEngine engine = builder().set("supportkit.search.provider", "lucene").searchIndex(factory)
                .build()) {
            assertEquals(List.of(), factory.created);
        }
    }

    @Test
    @DisplayName("a factory registered with the id lucene replaces the built-in index")
    void replaceBuiltIn() {
        RecordingFactory factory = new RecordingFactory("lucene");
        try (SupportEngine engine = builder().searchIndex(factory).build()) {
            assertEquals(1, factory.created.size());
        }
    }

    @Test
    @DisplayName("the injector binds the created index, guarded; the assembly closes it")
    void bindsTheIndex() {
        RecordingFactory factory = new RecordingFactory("recording-search");
        SettingsLoader.Result loaded = SettingsLoader.load(Optional.empty(), Map.of(),
                Map.of("supportkit.search.provider", "recording-search"));
        EngineAssembly assembly = EngineAssembly.assemble(CLOCK, loaded.settings(), loaded.problems(),
                getClass().getClassLoader(), List.of(), List.of(), List.of(), List.of(factory), List.of(), List.of());
        try {
            SearchQuery query = new SearchQuery(ACME, "телефон", Optional.empty(), Set.of(), false, 5);
            assertEquals(List.of(), assembly.injector().getInstance(SearchIndex.class).search(query));
            assertEquals(List.of(query), factory.created.get(0).searches, "the bound index is the created one");
        } finally {
            assembly.close();
        }
        assertTrue(factory.created.get(0).closed);
    }

    @Test
    @DisplayName("by default the engine binds the built-in Lucene index, in memory")
    void defaultIsLucene() {
        SettingsLoader.Result loaded = SettingsLoader.load(Optional.empty(), Map.of(), Map.of());
        EngineAssembly assembly = EngineAssembly.assemble(CLOCK, loaded.settings(), loaded.problems(),
                getClass().getClassLoader(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        SearchIndex index;
        try {
            index = assembly.injector().getInstance(SearchIndex.class);
            index.index(List.of(new IndexedDocument(ACME, DocumentKind.FAQ, "1", "Телефон", "", Set.of(), true)));
            assertEquals(1, index.search(new SearchQuery(ACME, "телефоны", Optional.empty(), Set.of(), true, 5))
                    .size());
        } finally {
            assembly.close();
        }
        ProviderException closed = assertThrows(ProviderException.class, () -> index.count(ACME),
                "closed with the engine");
        assertEquals("lucene", closed.providerId());
        assertInstanceOf(IllegalStateException.class, closed.getCause());
    }

    @Test
    @DisplayName("the built-in index in a configured directory is held while the engine runs and released on close")
    void persistentDirectory() {
        Path path = dir.resolve("search-index");
        try (SupportEngine engine = builder().set("supportkit.providers.lucene.directory", path.toString())
                .build()) {
            ProviderException held = assertThrows(ProviderException.class, () -> LuceneSearchIndex.open(path));
            assertTrue(held.getMessage().contains("in use"), held::getMessage);
        }
        try (SearchIndex reopened = LuceneSearchIndex.open(path)) {
            assertEquals(0, reopened.count(ACME));
        }
    }

    @Test
    @DisplayName("an unknown setting of the built-in index fails the build, naming the key")
    void unknownLuceneSetting() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> builder().set("supportkit.providers.lucene.directroy", "/tmp/x").build());
        assertTrue(error.getMessage().contains("supportkit.providers.lucene.directroy: unknown setting"),
                error::getMessage);
    }
}
