package dev.supportkit.benchmarks;

import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.search.SearchHit;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchIndexFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search latency of the built-in {@code lucene} index over a generated solution base
 * ({@link SearchCorpus}: half Russian, half English, several models, some internal) held in a
 * directory, as an engine with {@code supportkit.providers.lucene.directory} holds it. Each search is a
 * one- to four-word text in either language, most with a model filter, half for a customer reader,
 * asking for the best 10. Searches run one at a time, after a warm-up of the same mix (which also lets
 * the merges that follow the indexing finish).
 *
 * <p>The baseline, measured in the same run on the same committed index and alternating with the
 * searches, is the least a full-text search can cost there: raw Lucene, one {@link TermQuery} for the
 * stem of the search's first word in the body field of its language, unfiltered, the best 10 by score.
 * The ratio is what the rest costs: analysing the text twice, every word against four fields, the
 * filters and the stable order. The target is absolute: p99 under 10 ms.
 */
final class SearchLatency {
    private static final Logger LOG = LoggerFactory.getLogger(SearchLatency.class);
    private static final long SEED = 20_261_125L;
    private static final int BATCH = 1_000;
    private static final double TARGET_MS = 10.0;
    private static final String BASELINE = "raw Lucene on the same index: one TermQuery (the first word's stem, "
            + "body field of its language), no filters, best 10";
    /** The built-in index's fields holding a document's body analysed for Russian and for English. */
    private static final String BODY_RU = "body_ru";
    private static final String BODY_EN = "body_en";

    /**
     * What one run measured.
     *
     * @param articles        documents indexed
     * @param indexingMillis  time to index them, in batches of 1,000, each committed
     * @param all             latency of every measured search
     * @param russian         latency of the Russian searches
     * @param english         latency of the English searches
     * @param baseline        latency of the baseline term queries
     * @param hitRate         the share of searches that found something
     */
    record Measurement(int articles, double indexingMillis, Latencies all, Latencies russian, Latencies english,
                       Latencies baseline, double hitRate) {
    }

    private SearchLatency() {
    }

    static List<Result> run(Settings settings) throws Exception {
        Measurement m = measure(settings.searchArticles(), settings.searchQueries(), settings.warmup());
        LOG.info(String.format(Locale.ROOT, "search: indexed %d documents in %.1f s (%.0f documents/s); %d searches,"
                        + " %.0f%% found something; Russian p50 %.2f ms p99 %.2f ms, English p50 %.2f ms p99 %.2f ms",
                m.articles(), m.indexingMillis() / 1000, m.articles() / (m.indexingMillis() / 1000), m.all().count(),
                m.hitRate() * 100, m.russian().percentile(50), m.russian().percentile(99), m.english().percentile(50),
                m.english().percentile(99)));
        return results(m);
    }

    static List<Result> results(Measurement m) {
        return Result.percentiles("search-latency", "-" + m.articles() + "-articles", m.all(), m.baseline(), TARGET_MS,
                BASELINE);
    }

    /**
     * Indexes a generated corpus in a temporary directory and times searches against the baseline.
     *
     * @param size     documents to index
     * @param measured searches to time
     * @param warmup   how long searches (and baseline queries) run first, not timed
     * @return the measurement
     */
    static Measurement measure(int size, int measured, Duration warmup) throws Exception {
        SearchCorpus corpus = SearchCorpus.generate(size, SEED);
        List<SearchCorpus.Query> warmupQueries = corpus.queries(1_000, 1, 4);
        List<SearchCorpus.Query> queries = corpus.queries(measured, 1, 4);
        Path directory = Files.createTempDirectory("supportkit-search-bench");
        try {
            try (SearchIndex index = lucene(Map.of("directory", directory.toString()));
                 Analyzer russian = new RussianAnalyzer(); Analyzer english = new EnglishAnalyzer()) {
                List<IndexedDocument> documents = corpus.articles().stream().map(SearchCorpus.Article::document)
                        .toList();
                double indexingMillis = LoadRunner.millis(() -> {
                    for (int from = 0; from < documents.size(); from += BATCH) {
                        index.index(documents.subList(from, Math.min(documents.size(), from + BATCH)));
                    }
                });
                Latencies all = new Latencies();
                Latencies ru = new Latencies();
                Latencies en = new Latencies();
                Latencies baseline = new Latencies();
                int found = 0;
                try (FSDirectory files = FSDirectory.open(directory);
                     DirectoryReader reader = DirectoryReader.open(files)) {
                    IndexSearcher raw = new IndexSearcher(reader);
                    if (reader.numDocs() != size) {
                        throw new IllegalStateException("the committed index holds " + reader.numDocs()
                                + " documents, not " + size);
                    }
                    int[] next = {0};
                    LoadRunner.repeatFor(warmup, () -> {
                        SearchCorpus.Query query = warmupQueries.get(next[0]++ % warmupQueries.size());
                        index.search(query.query());
                        raw.search(baselineQuery(query, russian, english), 10);
                    });
                    for (int i = 0; i < queries.size(); i++) {
                        SearchCorpus.Query query = queries.get(i);
                        boolean russianText = query.language() == SearchCorpus.Language.RUSSIAN;
                        TermQuery term = baselineQuery(query, russian, english);
                        List<List<SearchHit>> hits = new ArrayList<>(1);
                        TopDocs[] top = new TopDocs[1];
                        LoadRunner.ThrowingRunnable api = () -> hits.add(index.search(query.query()));
                        LoadRunner.ThrowingRunnable base = () -> top[0] = raw.search(term, 10);
                        double apiMillis;
                        double baseMillis;
                        if (i % 2 == 0) {
                            apiMillis = LoadRunner.millis(api);
                            baseMillis = LoadRunner.millis(base);
                        } else {
                            baseMillis = LoadRunner.millis(base);
                            apiMillis = LoadRunner.millis(api);
                        }
                        all.add(apiMillis);
                        (russianText ? ru : en).add(apiMillis);
                        baseline.add(baseMillis);
                        if (!hits.get(0).isEmpty()) {
                            found++;
                        }
                    }
                }
                return new Measurement(size, indexingMillis, all, ru, en, baseline, found / (double) measured);
            }
        } finally {
            delete(directory);
        }
    }

    /** The baseline's query: the stem of the search's first word in the body field of its language. */
    private static TermQuery baselineQuery(SearchCorpus.Query query, Analyzer russian, Analyzer english)
            throws IOException {
        boolean russianText = query.language() == SearchCorpus.Language.RUSSIAN;
        return new TermQuery(new Term(russianText ? BODY_RU : BODY_EN,
                stem(russianText ? russian : english, query.firstWord())));
    }

    /**
     * The engine's built-in {@code lucene} index, as the engine creates it.
     *
     * @param settings its settings ({@code directory} for a persistent index; none for one in memory)
     * @return the index
     */
    static SearchIndex lucene(Map<String, String> settings) {
        return Providers.create(SearchIndexFactory.class, "lucene", Clock.systemUTC(), settings);
    }

    /** The first term an analyser makes of a word, or the word itself when it makes none. */
    private static String stem(Analyzer analyzer, String word) throws IOException {
        try (TokenStream stream = analyzer.tokenStream("body", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String first = stream.incrementToken() ? term.toString() : word.toLowerCase(Locale.ROOT);
            stream.end();
            return first;
        }
    }

    /** Deletes a directory and everything in it. */
    static void delete(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
