package dev.supportkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleStatus;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suggestion benchmark at a smoke size, on the PostgreSQL of {@code SUPPORTKIT_BENCH_POSTGRES_URL}:
 * it runs, the engine's suggestions are the baseline search's hits, its figures are sane.
 */
class SuggestionLatencyTest {

    @Test
    @DisplayName("a tiny run registers requests, suggests for each as the baseline search finds, reports p50 and p99")
    void smoke() throws Exception {
        SuggestionLatency.Measurement m = SuggestionLatency.measure(2_000, 40, 120, Duration.ofMillis(300));
        assertEquals(120, m.all().count());
        assertEquals(120, m.baseline().count());
        assertEquals(40, m.requests());
        assertTrue(m.hitRate() > 0.5, "suggestions offered something " + m.hitRate() * 100 + "% of the time");
        assertEquals(1.0, m.agreement(), "share of suggestions equal to the baseline search's hits");
        assertTrue(m.all().percentile(50) > 0 && m.all().percentile(99) >= m.all().percentile(50));
        assertTrue(m.startMillis() > 0);

        List<Result> results = SuggestionLatency.results(m);
        assertEquals(List.of("suggestion-latency-p50-2000-articles", "suggestion-latency-p99-2000-articles"),
                results.stream().map(Result::name).toList());
        assertEquals("p99 < 25 ms", results.get(1).target());
        assertEquals(m.all().percentile(99), results.get(1).value());
        assertEquals(m.baseline().percentile(99), results.get(1).baselineValue());
        assertEquals(results.get(1).value() < 25, results.get(1).met());
    }

    @Test
    @DisplayName("the corpus written as solution-base files loads into an engine as every document of each tenant")
    void solutionBaseFiles(@TempDir Path directory) throws Exception {
        SearchCorpus corpus = SearchCorpus.generate(2_500, 11);
        SuggestionLatency.writeSolutionBase(corpus, directory);
        Map<String, IndexedDocument> expected = corpus.articles().stream().map(SearchCorpus.Article::document)
                .filter(d -> d.tenant().equals(SearchCorpus.TENANT))
                .collect(Collectors.toMap(IndexedDocument::id, Function.identity()));

        try (SupportEngine engine = SupportEngine.builder().environment(Map.of())
                .set("supportkit.knowledge.directory", directory.toString()).build()) {
            Actor reader = Actor.staff("op", "Operator", Role.FIRST_LINE_OPERATOR, SearchCorpus.TENANT);
            List<Article> articles = engine.knowledge().articles(reader, Optional.of(ArticleStatus.PUBLISHED));
            List<FaqEntry> faq = engine.knowledge().faq(reader, Optional.empty());
            assertEquals(expected.size(), articles.size() + faq.size());
            assertEquals(expected.values().stream().filter(d -> d.kind() == DocumentKind.FAQ).count(), faq.size());
            for (Article article : articles) {
                IndexedDocument source = expected.get(article.id().value());
                assertEquals(source.title(), article.problem());
                assertEquals(source.customerVisible(), article.customerVisible());
                assertEquals(source.systemModels(), article.systemModels());
                assertTrue(!article.steps().isEmpty() && source.body().startsWith(article.symptoms()));
            }
            for (FaqEntry entry : faq) {
                assertEquals(expected.get(entry.id().value()).body(), entry.answer());
            }
            Actor other = Actor.staff("op", "Operator", Role.FIRST_LINE_OPERATOR, SearchCorpus.OTHER_TENANT);
            assertEquals(corpus.articles().size() - expected.size(),
                    engine.knowledge().articles(other, Optional.of(ArticleStatus.PUBLISHED)).size()
                            + engine.knowledge().faq(other, Optional.empty()).size());
        }
    }
}
