package dev.supportkit.core.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportkit.api.TenantId;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.search.SearchHit;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several threads index and search one index at once. */
class LuceneSearchIndexConcurrencyTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final int WRITERS = 4;
    private static final int READERS = 2;
    private static final int DOCUMENTS_PER_WRITER = 40;

    @TempDir
    Path dir;

    @Test
    @DisplayName("in memory: every thread's write is visible to its next search, and nothing is lost")
    void inMemory() throws Exception {
        try (SearchIndex index = LuceneSearchIndex.inMemory()) {
            run(index);
        }
    }

    @Test
    @DisplayName("on disk: every thread's write is visible to its next search, and nothing is lost")
    void onDisk() throws Exception {
        try (SearchIndex index = LuceneSearchIndex.open(dir.resolve("index"))) {
            run(index);
        }
        try (SearchIndex reopened = LuceneSearchIndex.open(dir.resolve("index"))) {
            assertEquals(WRITERS * DOCUMENTS_PER_WRITER, reopened.count(ACME));
        }
    }

    private static void run(SearchIndex index) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                results.add(pool.submit(worker(start, () -> {
                    int seen = 0;
                    for (int i = 0; i < DOCUMENTS_PER_WRITER; i++) {
                        String marker = "mark" + writer + "x" + i;
                        index.index(List.of(new IndexedDocument(ACME, DocumentKind.ARTICLE, writer + "-" + i,
                                "Телефон не звонит " + marker, "Проверьте кабель", Set.of(), true)));
                        List<SearchHit> hits = index.search(new SearchQuery(ACME, marker, Optional.empty(), Set.of(),
                                false, 10));
                        assertEquals(List.of(writer + "-" + i), hits.stream().map(SearchHit::id).toList(),
                                "own write not visible to the next search");
                        seen++;
                    }
                    return seen;
                })));
            }
            for (int r = 0; r < READERS; r++) {
                results.add(pool.submit(worker(start, () -> {
                    int searches = 0;
                    for (int i = 0; i < DOCUMENTS_PER_WRITER * 2; i++) {
                        List<SearchHit> hits = index.search(new SearchQuery(ACME, "телефоны кабель", Optional.empty(),
                                Set.of(), false, 1000));
                        List<SearchHit> sorted = new ArrayList<>(hits);
                        sorted.sort((a, b) -> Double.compare(b.score(), a.score()));
                        assertEquals(sorted.stream().map(SearchHit::score).toList(),
                                hits.stream().map(SearchHit::score).toList(), "hits out of score order");
                        index.count(ACME);
                        searches++;
                    }
                    return searches;
                })));
            }
            start.countDown();
            int writes = 0;
            for (int i = 0; i < results.size(); i++) {
                int done = results.get(i).get(60, TimeUnit.SECONDS);
                if (i < WRITERS) {
                    writes += done;
                }
            }
            assertEquals(WRITERS * DOCUMENTS_PER_WRITER, writes);
            assertEquals(WRITERS * DOCUMENTS_PER_WRITER, index.count(ACME));
            assertEquals(WRITERS * DOCUMENTS_PER_WRITER, index.search(new SearchQuery(ACME, "телефон",
                    Optional.empty(), Set.of(), false, 1000)).size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Callable<T> worker(CountDownLatch start, Callable<T> body) {
        return () -> {
            start.await();
            return body.call();
        };
    }
}
