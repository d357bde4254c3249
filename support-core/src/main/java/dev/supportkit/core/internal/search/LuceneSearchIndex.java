package dev.supportkit.core.internal.search;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.search.SearchHit;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The {@code lucene} search index: an embedded Apache Lucene index, in memory or in a directory.
 *
 * <p><b>Layout.</b> Every document has exact-match fields for its tenant, kind and id, one unique key
 * field made of all three (a write replaces the document with the same key), its system models (one
 * value per model, or {@link #ALL_MODELS} when it applies to every model) and whether customers may read
 * it. Its title and body are each indexed twice: analysed for Russian ({@link #TITLE_RU},
 * {@link #BODY_RU}), keeping the words with Cyrillic letters, and for English ({@link #TITLE_EN},
 * {@link #BODY_EN}), keeping the others; so English terms in a Russian text are stemmed as English.
 *
 * <p><b>Queries.</b> The query text is split into words here (never by Lucene's query parser, so no
 * user text is syntax, and nothing the user types makes a search fail). Each word becomes one clause
 * that matches it in the title or the body of its language, stemmed as that language, scoring the
 * better of those matches: a title match counts {@link #TITLE_BOOST} times a body match. A document matches
 * when it matches at least one word, and matching more words scores higher. Tenant, kinds, system model
 * and visibility are filters that do not change the score. Hits come in score order, ties broken by
 * kind and then id, so equal scores always come out in the same order.
 *
 * <p><b>Writes</b> are visible to the next search: each write refreshes the near-real-time reader
 * before it returns, and on a persistent index also commits, so a returned write survives a restart.
 * The index is safe for concurrent use; a persistent directory can be open in one index at a time.
 */
public final class LuceneSearchIndex implements SearchIndex {
    /** Field: tenant, kind and id together; the unique key a write replaces by. */
    public static final String KEY = "key";
    /** Field: the tenant id, exact. */
    public static final String TENANT = "tenant";
    /** Field: the document kind's name, exact. */
    public static final String KIND = "kind";
    /** Field: the document id, exact. */
    public static final String ID = "id";
    /** Field: a system model the document applies to, exact; one value per model. */
    public static final String MODEL = "model";
    /** Field: {@code true} when customers may read the document, else {@code false}. */
    public static final String VISIBLE = "visible";
    /** Field: the title, analysed for Russian. */
    public static final String TITLE_RU = "title_ru";
    /** Field: the title, analysed for English. */
    public static final String TITLE_EN = "title_en";
    /** Field: the body, analysed for Russian. */
    public static final String BODY_RU = "body_ru";
    /** Field: the body, analysed for English. */
    public static final String BODY_EN = "body_en";
    /**
     * The {@link #MODEL} value of a document that applies to every model; it starts with a NUL
     * character, which no model name contains.
     */
    public static final String ALL_MODELS = "\u0000all-models";
    /** How much more a match in the title counts than a match in the body. */
    public static final float TITLE_BOOST = 3f;
    /**
     * At most this many distinct words of a query text are searched for. When a text has more (a
     * request's description, say), the rarest in the index are kept, as Lucene's {@code MoreLikeThis}
     * keeps the most telling terms: they decide the ranking, while the commonest words add little to it
     * and most of the cost of a search. Words found nowhere in the index are left out first.
     */
    public static final int MAX_QUERY_WORDS = 16;

    /** Doc-values field: the kind's ordinal, for ordering ties. */
    static final String KIND_ORDER = "kind_order";
    /** Doc-values field: the id, for ordering ties. */
    static final String ID_ORDER = "id_order";
    /** Commit user-data key naming the index layout version. */
    static final String LAYOUT_KEY = "supportkit.search.layout";
    /** The layout version this class writes and reads. */
    static final String LAYOUT = "1";

    /** How much the other matches of one word add to its best match. */
    private static final float TIE_BREAKER = 0.1f;
    /** At most this many distinct words of a text are considered when choosing the rarest. */
    private static final int CONSIDERED_WORDS = 1_000;
    private static final DocumentKind[] KINDS = DocumentKind.values();
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE,
            new SortField(KIND_ORDER, SortField.Type.LONG), new SortField(ID_ORDER, SortField.Type.STRING));

    private final Directory directory;
    private final boolean persistent;
    private final String location;
    private final Analysis analysis;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LuceneSearchIndex(Directory directory, boolean persistent, String location) throws IOException {
        this.directory = directory;
        this.persistent = persistent;
        this.location = location;
        this.analysis = new Analysis();
        IndexWriter opened = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig(analysis.fields)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(persistent);
            opened = new IndexWriter(directory, config);
            opened.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT).entrySet());
            if (persistent) {
                opened.commit(); // a new index carries its layout from the start
            }
            this.writer = opened;
            this.searchers = new SearcherManager(opened, new SearcherFactory());
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                try {
                    opened.rollback();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            analysis.close();
            throw e;
        }
    }

    /**
     * Creates an empty index held in memory; nothing survives {@link #close()}.
     *
     * @return the index
     * @throws ProviderException when it cannot be created
     */
    public static LuceneSearchIndex inMemory() {
        Directory directory = new ByteBuffersDirectory();
        try {
            return new LuceneSearchIndex(directory, false, "in memory");
        } catch (IOException e) {
            closeQuietly(directory, e);
            throw new ProviderException(LuceneSearchIndexFactory.ID, "the in-memory index cannot be created: "
                    + e, e);
        }
    }

    /**
     * Opens the persistent index in a directory, creating the directory and an empty index when there
     * is none yet.
     *
     * @param path the index directory
     * @return the index
     * @throws ProviderException when the directory cannot be created or opened, is in use by another
     *                           index, or holds something other than a SupportKit search index
     */
    public static LuceneSearchIndex open(Path path) {
        Path absolute = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
        Directory directory = null;
        try {
            Files.createDirectories(absolute);
            directory = FSDirectory.open(absolute);
            checkLayout(directory, absolute);
            return new LuceneSearchIndex(directory, true, "'" + absolute + "'");
        } catch (LockObtainFailedException e) {
            closeQuietly(directory, e);
            throw new ProviderException(LuceneSearchIndexFactory.ID, "the index directory '" + absolute
                    + "' is in use by another index (another engine or process): " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(directory, e);
            throw new ProviderException(LuceneSearchIndexFactory.ID, "the index directory '" + absolute
                    + "' cannot be opened: " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(directory, e);
            throw e;
        }
    }

    private static void checkLayout(Directory directory, Path path) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        String layout = SegmentInfos.readLatestCommit(directory).getUserData().get(LAYOUT_KEY);
        if (layout == null) {
            throw new ProviderException(LuceneSearchIndexFactory.ID, "'" + path + "' holds a Lucene index that "
                    + "is not a SupportKit search index; give the search index a directory of its own", null);
        }
        if (!LAYOUT.equals(layout)) {
            throw new ProviderException(LuceneSearchIndexFactory.ID, "the search index in '" + path
                    + "' has layout " + layout + " but this version reads layout " + LAYOUT
                    + "; delete the directory and re-index from storage", null);
        }
    }

    @Override
    public void index(Collection<IndexedDocument> documents) {
        Objects.requireNonNull(documents, "documents");
        List<IndexedDocument> copy = List.copyOf(documents);
        if (copy.isEmpty()) {
            return;
        }
        // Every document is checked before any is written, so a rejected one leaves the batch unwritten.
        copy.forEach(LuceneSearchIndex::checkIndexable);
        write("indexing " + copy.size() + " document(s)", () -> {
            for (IndexedDocument document : copy) {
                writer.updateDocument(key(document.tenant(), document.kind(), document.id()), toLucene(document));
            }
        });
    }

    @Override
    public void remove(TenantId tenant, DocumentKind kind, String id) {
        Term key = key(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(kind, "kind"),
                Objects.requireNonNull(id, "id"));
        write("removing " + kind + " " + id, () -> writer.deleteDocuments(key));
    }

    @Override
    public void clear(TenantId tenant) {
        Term term = new Term(TENANT, Objects.requireNonNull(tenant, "tenant").value());
        write("clearing tenant " + tenant, () -> writer.deleteDocuments(term));
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        ensureOpen();
        return read("searching", searcher -> {
            Query lucene = luceneQuery(query, searcher.getIndexReader());
            if (lucene == null) {
                return List.of();
            }
            // Hit counts are not needed: stop counting at the limit, so low-scoring blocks are skipped early.
            TopFieldDocs top = searcher.search(lucene, new TopFieldCollectorManager(ORDER, query.limit(), null,
                    query.limit()));
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                FieldDoc hit = (FieldDoc) scoreDoc;
                DocumentKind kind = KINDS[((Long) hit.fields[1]).intValue()];
                String id = ((BytesRef) hit.fields[2]).utf8ToString();
                hits.add(new SearchHit(kind, id, (Float) hit.fields[0]));
            }
            return List.copyOf(hits);
        });
    }

    /**
     * The Lucene query of a search: the text must match, tenant, kinds, model and visibility filter.
     *
     * @param query  the search
     * @param reader the index searched, whose document frequencies choose the words of a long text
     * @return the query, or null when the text holds no searchable word
     */
    Query luceneQuery(SearchQuery query, IndexReader reader) throws IOException {
        Query text = textQuery(query.text(), reader);
        if (text == null) {
            return null;
        }
        BooleanQuery.Builder filtered = new BooleanQuery.Builder()
                .add(text, Occur.MUST)
                .add(new TermQuery(new Term(TENANT, query.tenant().value())), Occur.FILTER);
        if (!query.kinds().isEmpty() && !query.kinds().containsAll(EnumSet.allOf(DocumentKind.class))) {
            BooleanQuery.Builder kinds = new BooleanQuery.Builder();
            query.kinds().forEach(kind -> kinds.add(new TermQuery(new Term(KIND, kind.name())), Occur.SHOULD));
            filtered.add(kinds.build(), Occur.FILTER);
        }
        query.systemModel().ifPresent(model -> filtered.add(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(MODEL, model)), Occur.SHOULD)
                .add(new TermQuery(new Term(MODEL, ALL_MODELS)), Occur.SHOULD)
                .build(), Occur.FILTER));
        if (query.customerVisibleOnly()) {
            filtered.add(new TermQuery(new Term(VISIBLE, "true")), Occur.FILTER);
        }
        return filtered.build();
    }

    @Override
    public long count(TenantId tenant) {
        Query query = new TermQuery(new Term(TENANT, Objects.requireNonNull(tenant, "tenant").value()));
        return read("counting", searcher -> (long) searcher.count(query));
    }

    /**
     * The text part of a search: one clause per distinct word, any of which may match; of a text with
     * more than {@link #MAX_QUERY_WORDS} distinct words, the rarest.
     *
     * @param text   the user's text
     * @param reader the index searched
     * @return the query, or null when the text holds no searchable word
     */
    Query textQuery(String text, IndexReader reader) throws IOException {
        List<Word> words = new ArrayList<>();
        Set<Query> seen = new LinkedHashSet<>();
        for (String surface : new LinkedHashSet<>(Analysis.terms(analysis.words, TITLE_RU, text))) {
            if (words.size() == CONSIDERED_WORDS) {
                break; // a pasted log or document: its first words are enough to choose from
            }
            List<Term> terms = new ArrayList<>();
            for (String term : Analysis.terms(analysis.fields, TITLE_RU, surface)) {
                terms.add(new Term(TITLE_RU, term));
                terms.add(new Term(BODY_RU, term));
            }
            for (String term : Analysis.terms(analysis.fields, TITLE_EN, surface)) {
                terms.add(new Term(TITLE_EN, term));
                terms.add(new Term(BODY_EN, term));
            }
            if (terms.isEmpty()) {
                continue; // a stop word
            }
            List<Query> alternatives = new ArrayList<>(terms.size());
            for (Term term : terms) {
                Query clause = new TermQuery(term);
                boolean title = term.field().equals(TITLE_RU) || term.field().equals(TITLE_EN);
                alternatives.add(title ? new BoostQuery(clause, TITLE_BOOST) : clause);
            }
            Query clause = new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
            if (seen.add(clause)) { // another form of a word already there adds nothing
                words.add(new Word(clause, terms, words.size()));
            }
        }
        if (words.size() > MAX_QUERY_WORDS) {
            words = rarest(words, reader);
        }
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        words.forEach(word -> any.add(word.clause(), Occur.SHOULD));
        return any.build();
    }

    /** The {@link #MAX_QUERY_WORDS} words found in the fewest documents (but in some), in text order. */
    private static List<Word> rarest(List<Word> words, IndexReader reader) throws IOException {
        List<Word> found = new ArrayList<>();
        Map<Word, Long> documents = new HashMap<>();
        for (Word word : words) {
            long frequency = 0;
            for (Term term : word.terms()) {
                frequency += reader.docFreq(term);
            }
            if (frequency > 0) {
                found.add(word);
                documents.put(word, frequency);
            }
        }
        return found.stream()
                .sorted(Comparator.comparing((Word w) -> documents.get(w)).thenComparingInt(Word::position))
                .limit(MAX_QUERY_WORDS)
                .sorted(Comparator.comparingInt(Word::position))
                .toList();
    }

    /** A distinct word of a query text: its clause, the terms it searches and its place in the text. */
    private record Word(Query clause, List<Term> terms, int position) {
    }

    /**
     * Rejects a document Lucene would refuse part-way through a batch: an exact value (the key built
     * from tenant, kind and id, a model) longer than Lucene's longest term.
     */
    private static void checkIndexable(IndexedDocument document) {
        int keyBytes = key(document.tenant(), document.kind(), document.id()).bytes().length;
        if (keyBytes > IndexWriter.MAX_TERM_LENGTH) {
            throw new IllegalArgumentException("document " + document.kind() + " '"
                    + document.id().substring(0, Math.min(40, document.id().length())) + "…' of tenant "
                    + document.tenant() + ": tenant, kind and id take " + keyBytes + " bytes in UTF-8, at most "
                    + IndexWriter.MAX_TERM_LENGTH + " are allowed; nothing of the batch was indexed");
        }
        for (String model : document.systemModels()) {
            int modelBytes = new BytesRef(model).length;
            if (modelBytes > IndexWriter.MAX_TERM_LENGTH) {
                throw new IllegalArgumentException("document " + document.kind() + " '" + document.id()
                        + "' of tenant " + document.tenant() + ": a system model of " + modelBytes
                        + " bytes in UTF-8, at most " + IndexWriter.MAX_TERM_LENGTH
                        + " are allowed; nothing of the batch was indexed");
            }
        }
    }

    private static Term key(TenantId tenant, DocumentKind kind, String id) {
        // The tenant's length first, so no tenant/id pair can spell another's key.
        return new Term(KEY, tenant.value().length() + ":" + tenant.value() + ":" + kind.name() + ":" + id);
    }

    private static Document toLucene(IndexedDocument source) {
        Document document = new Document();
        document.add(new StringField(KEY, key(source.tenant(), source.kind(), source.id()).text(), Field.Store.NO));
        document.add(new StringField(TENANT, source.tenant().value(), Field.Store.NO));
        document.add(new StringField(KIND, source.kind().name(), Field.Store.NO));
        document.add(new NumericDocValuesField(KIND_ORDER, source.kind().ordinal()));
        document.add(new StringField(ID, source.id(), Field.Store.NO));
        document.add(new SortedDocValuesField(ID_ORDER, new BytesRef(source.id())));
        if (source.systemModels().isEmpty()) {
            document.add(new StringField(MODEL, ALL_MODELS, Field.Store.NO));
        } else {
            source.systemModels().forEach(model -> document.add(new StringField(MODEL, model, Field.Store.NO)));
        }
        document.add(new StringField(VISIBLE, Boolean.toString(source.customerVisible()), Field.Store.NO));
        document.add(new TextField(TITLE_RU, source.title(), Field.Store.NO));
        document.add(new TextField(TITLE_EN, source.title(), Field.Store.NO));
        document.add(new TextField(BODY_RU, source.body(), Field.Store.NO));
        document.add(new TextField(BODY_EN, source.body(), Field.Store.NO));
        return document;
    }

    /** A change to the index. */
    private interface Change {
        void apply() throws IOException;
    }

    /** A read of the index. */
    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Applies a change, makes it visible to the next search and, on a persistent index, durable. */
    private void write(String what, Change change) {
        ensureOpen();
        try {
            change.apply();
            searchers.maybeRefreshBlocking();
            if (persistent) {
                writer.commit();
            }
        } catch (AlreadyClosedException e) {
            throw closedOrBroken(what, e);
        } catch (IOException e) {
            throw failure(what, e);
        }
    }

    private <T> T read(String what, Read<T> read) {
        ensureOpen();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (AlreadyClosedException e) {
            throw closedOrBroken(what, e);
        } catch (IOException e) {
            throw failure(what, e);
        }
        try {
            return read.apply(searcher);
        } catch (AlreadyClosedException e) {
            throw closedOrBroken(what, e);
        } catch (IOException e) {
            throw failure(what, e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException | AlreadyClosedException e) {
                // the reader is closed with the manager; nothing to give back
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("The Lucene search index " + location + " is closed");
        }
    }

    private RuntimeException closedOrBroken(String what, AlreadyClosedException e) {
        if (closed.get()) {
            return new IllegalStateException("The Lucene search index " + location + " is closed", e);
        }
        Throwable tragedy = writer.getTragicException();
        return failure(what, tragedy instanceof Exception ? (Exception) tragedy : e);
    }

    private ProviderException failure(String what, Exception e) {
        return new ProviderException(LuceneSearchIndexFactory.ID, what + " in the index " + location + " failed: "
                + e, e);
    }

    /** Closes the reader, the writer (committing a persistent index) and the directory. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Exception problem = null;
        for (AutoCloseable part : new AutoCloseable[] {searchers, writer, directory, analysis}) {
            try {
                part.close();
            } catch (Exception e) {
                if (problem == null) {
                    problem = e;
                } else {
                    problem.addSuppressed(e);
                }
            }
        }
        if (problem != null) {
            throw failure("closing", problem);
        }
    }

    private static void closeQuietly(Directory directory, Exception cause) {
        if (directory == null) {
            return;
        }
        try {
            directory.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "LuceneSearchIndex[" + location + "]";
    }
}
