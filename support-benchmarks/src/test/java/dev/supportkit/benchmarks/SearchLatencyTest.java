package dev.supportkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.spi.search.IndexedDocument;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The search benchmark at a smoke size: it runs, its searches find things, its figures are sane. */
class SearchLatencyTest {

    @Test
    @DisplayName("a tiny run indexes, searches, finds something for most searches and reports p50 and p99")
    void smoke() throws Exception {
        SearchLatency.Measurement m = SearchLatency.measure(2_000, 200, java.time.Duration.ofMillis(300));
        assertEquals(200, m.all().count());
        assertEquals(200, m.russian().count() + m.english().count());
        assertEquals(200, m.baseline().count());
        assertTrue(m.russian().count() > 0 && m.english().count() > 0);
        assertTrue(m.hitRate() > 0.5, "searches found something " + m.hitRate() * 100 + "% of the time");
        assertTrue(m.all().percentile(50) > 0 && m.all().percentile(99) >= m.all().percentile(50));

        List<Result> results = SearchLatency.results(m);
        assertEquals(List.of("search-latency-p50-2000-articles", "search-latency-p99-2000-articles"),
                results.stream().map(Result::name).toList());
        assertEquals("p99 < 10 ms", results.get(1).target());
        assertEquals(m.all().percentile(99), results.get(1).value());
        assertEquals(results.get(1).value() < 10, results.get(1).met());
    }

    @Test
    @DisplayName("the corpus is reproducible, half Russian, spread over models, visibility, kinds and tenants")
    void corpus() {
        SearchCorpus corpus = SearchCorpus.generate(1_000, 7);
        assertEquals(corpus.articles().stream().map(a -> a.document().title()).toList(),
                SearchCorpus.generate(1_000, 7).articles().stream().map(a -> a.document().title()).toList());
        List<IndexedDocument> documents = corpus.articles().stream().map(SearchCorpus.Article::document).toList();
        assertEquals(500, corpus.articles().stream().filter(a -> a.language() == SearchCorpus.Language.RUSSIAN)
                .count());
        assertTrue(documents.stream().anyMatch(d -> d.systemModels().isEmpty()));
        assertTrue(documents.stream().anyMatch(d -> d.systemModels().size() > 1));
        assertTrue(documents.stream().anyMatch(d -> !d.customerVisible()));
        assertEquals(2, documents.stream().map(IndexedDocument::tenant).distinct().count());
        assertEquals(2, documents.stream().map(IndexedDocument::kind).distinct().count());
        assertTrue(documents.stream().mapToInt(d -> d.body().split(" ").length).average().orElse(0) > 30);

        // queries use word forms other than the dictionary form
        Set<String> dictionaryForms = SearchCorpus.lexicon(SearchCorpus.Language.RUSSIAN).stream()
                .map(forms -> forms[0]).collect(Collectors.toSet());
        List<SearchCorpus.Query> queries = corpus.queries(200, 1, 4);
        assertTrue(queries.stream().filter(q -> q.language() == SearchCorpus.Language.RUSSIAN)
                .flatMap(q -> Arrays.stream(q.query().text().split(" ")))
                .anyMatch(word -> !dictionaryForms.contains(word)));
        assertTrue(queries.stream().anyMatch(q -> q.query().systemModel().isPresent()));
        assertTrue(queries.stream().anyMatch(q -> q.query().customerVisibleOnly()));
    }

    @Test
    @DisplayName("percentiles are nearest-rank")
    void percentiles() {
        Latencies latencies = new Latencies();
        for (int i = 100; i >= 1; i--) {
            latencies.add(i);
        }
        assertEquals(50, latencies.percentile(50));
        assertEquals(99, latencies.percentile(99));
        assertEquals(100, latencies.percentile(100));
        assertEquals(1, latencies.percentile(1));
    }
}
