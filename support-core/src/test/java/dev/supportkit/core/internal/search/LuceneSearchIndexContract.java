package dev.supportkit.core.internal.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.search.SearchHit;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the {@code lucene} index does, run against an in-memory and an on-disk index by the
 * subclasses.
 */
abstract class LuceneSearchIndexContract {
    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");

    SearchIndex index;

    /**
     * @return a new, empty index
     */
    abstract SearchIndex openIndex();

    @BeforeEach
    void open() {
        index = openIndex();
    }

    @AfterEach
    void close() {
        index.close();
    }

    static IndexedDocument article(String id, String title, String body) {
        return new IndexedDocument(ACME, DocumentKind.ARTICLE, id, title, body, Set.of(), true);
    }

    static SearchQuery query(String text) {
        return new SearchQuery(ACME, text, Optional.empty(), Set.of(), false, 20);
    }

    List<String> ids(SearchQuery query) {
        return index.search(query).stream().map(SearchHit::id).toList();
    }

    List<String> ids(String text) {
        return ids(query(text));
    }

    void index(IndexedDocument... documents) {
        index.index(List.of(documents));
    }

    @Test
    @DisplayName("Russian words are found in other grammatical forms")
    void russianMorphology() {
        index(article("inbound", "Не работает входящая связь", "Абоненты не могут дозвониться до офиса"),
                article("phone", "Телефон не включается", "Проверьте блок питания"),
                article("other", "Настройка почты", "Укажите сервер исходящей почты"));
        assertEquals(List.of("inbound"), ids("входящей связи"));
        assertEquals(List.of("phone"), ids("телефоны"));
        assertEquals(List.of("inbound"), ids("абонент дозвонился"));
    }

    @Test
    @DisplayName("ё and е are the same letter")
    void yoIsE() {
        index(article("account", "Настройка учётной записи", "Создайте её для каждого оператора"),
                article("other", "Учет звонков", ""));
        assertEquals(List.of("account"), ids("учетная"));
        assertEquals(List.of("account"), ids("учётную"));
        assertEquals(List.of("other"), ids("учёт"));
        assertEquals(List.of(), ids("её"), "a stop word written with ё is still a stop word");
    }

    @Test
    @DisplayName("English words are found in other grammatical forms")
    void englishMorphology() {
        index(article("dropped", "Dropped call after transfer", "The caller hears silence"),
                article("mail", "Mail server settings", "Set the outgoing server"));
        assertEquals(List.of("dropped"), ids("calls dropping"));
        assertEquals(List.of("dropped"), ids("transferring callers"));
        assertEquals(List.of("mail"), ids("servers"));
    }

    @Test
    @DisplayName("a document in both languages is found by Russian and by English words; both rank it first")
    void mixedLanguages() {
        index(article("mixed", "Ошибка регистрации SIP: registration failed",
                        "Телефон пишет registration failed, проверьте пароль учётной записи"),
                article("ru", "Ошибка при печати отчёта", "Принтер не отвечает"),
                article("en", "Printing failed", "The printer does not answer"));
        assertEquals(List.of("mixed"), ids("регистрация"));
        assertEquals(List.of("mixed"), ids("sip"));
        assertEquals(Set.of("mixed", "en"), Set.copyOf(ids("failing")));
        assertEquals(Set.of("mixed", "ru"), Set.copyOf(ids("ошибки")));
        assertEquals("mixed", ids("ошибки failing").get(0));
        assertEquals(3, ids("ошибки failing").size());
    }

    @Test
    @DisplayName("a document matches when one word matches, not every document of the tenant")
    void onlyMatchingDocuments() {
        index(article("a", "Телефон не включается", "Проверьте питание"),
                article("b", "Настройка почты", "Сервер"));
        assertEquals(List.of(), ids("факс"));
        assertEquals(List.of("a"), ids("факс телефон"));
    }

    @Test
    @DisplayName("a match in the title outranks a match in the body")
    void titleOutranksBody() {
        // The body match is in a one-word body and the title match in a long title: without the title
        // boost the body match would score higher (BM25 favours short fields).
        index(article("title", "После обновления прошивки телефон перестал регистрироваться на станции",
                        "Сбросьте настройки"),
                article("body", "Сброс настроек", "Телефон"));
        List<SearchHit> hits = index.search(query("телефон"));
        assertEquals(List.of("title", "body"), hits.stream().map(SearchHit::id).toList());
        assertTrue(hits.get(0).score() > hits.get(1).score(), hits::toString);
    }

    @Test
    @DisplayName("a document matching more of the words ranks higher")
    void moreWordsRankHigher() {
        // Each word is in two documents and every title is as long, so only the number matched differs.
        index(article("a-phone", "Телефон и питание", ""),
                article("b-link", "Связь и питание", ""),
                article("z-both", "Телефон и связь", ""));
        List<SearchHit> hits = index.search(query("телефон связь"));
        assertEquals("z-both", hits.get(0).id(), hits::toString);
        assertTrue(hits.get(0).score() > hits.get(1).score(), hits::toString);
        assertEquals(List.of("z-both", "a-phone", "b-link"), hits.stream().map(SearchHit::id).toList());
    }

    @Test
    @DisplayName("of documents alike, the one matching three words ranks above two, above one")
    void moreWordsRankHigherInSimilarDocuments() {
        index(article("one", "Телефон не звонит", "Проверьте кабель"),
                article("two", "Телефон без связи", "Проверьте кабель"),
                article("three", "Телефон без связи с гарнитурой", "Проверьте кабель"));
        assertEquals(List.of("three", "two", "one"), ids("телефон связь гарнитура"));
    }

    @Test
    @DisplayName("equal scores come out by kind, then by id")
    void stableOrder() {
        String title = "Телефон не звонит";
        index(new IndexedDocument(ACME, DocumentKind.FAQ, "a", title, "", Set.of(), true),
                article("c", title, ""),
                new IndexedDocument(ACME, DocumentKind.FAQ, "0", title, "", Set.of(), true),
                article("b", title, ""));
        List<SearchHit> hits = index.search(query("телефон"));
        assertEquals(List.of("ARTICLE b", "ARTICLE c", "FAQ 0", "FAQ a"),
                hits.stream().map(h -> h.kind() + " " + h.id()).toList());
        assertEquals(1, hits.stream().map(SearchHit::score).distinct().count(), hits::toString);
    }

    @Test
    @DisplayName("ties across the limit are cut by kind and id, not by the order of indexing")
    void tiesAcrossTheLimit() {
        List<IndexedDocument> same = new ArrayList<>();
        for (int i = 40; i >= 1; i--) {
            same.add(article(String.format("%02d", i), "Телефон не звонит", "Проверьте кабель"));
            same.add(new IndexedDocument(ACME, DocumentKind.FAQ, String.format("%02d", i), "Телефон не звонит",
                    "Проверьте кабель", Set.of(), true));
        }
        index.index(same);
        assertEquals(List.of("01", "02", "03"),
                ids(new SearchQuery(ACME, "телефон", Optional.empty(), Set.of(), false, 3)));
        List<SearchHit> all = index.search(new SearchQuery(ACME, "телефон", Optional.empty(), Set.of(), false, 80));
        assertEquals(80, all.size());
        assertEquals(DocumentKind.ARTICLE, all.get(39).kind());
        assertEquals("40", all.get(39).id());
        assertEquals(DocumentKind.FAQ, all.get(40).kind());
        assertEquals("01", all.get(40).id());
    }

    @Test
    @DisplayName("a customer reader does not find internal documents; staff find both")
    void visibility() {
        index(article("public", "Телефон не звонит", ""),
                new IndexedDocument(ACME, DocumentKind.ARTICLE, "internal", "Телефон: сброс пароля инженера", "",
                        Set.of(), false));
        assertEquals(List.of("public"), ids(new SearchQuery(ACME, "телефон", Optional.empty(), Set.of(), true, 10)));
        assertEquals(Set.of("public", "internal"),
                Set.copyOf(ids(new SearchQuery(ACME, "телефон", Optional.empty(), Set.of(), false, 10))));
    }

    @Test
    @DisplayName("a model filter finds the model's documents and those for every model")
    void modelFilter() {
        index(new IndexedDocument(ACME, DocumentKind.ARTICLE, "x", "Телефон X", "", Set.of("PBX-X"), true),
                new IndexedDocument(ACME, DocumentKind.ARTICLE, "xy", "Телефон XY", "", Set.of("PBX-X", "PBX-Y"),
                        true),
                new IndexedDocument(ACME, DocumentKind.ARTICLE, "all", "Телефон любой", "", Set.of(), true));
        assertEquals(Set.of("xy", "all"), Set.copyOf(ids(modelQuery("PBX-Y"))));
        assertEquals(Set.of("x", "xy", "all"), Set.copyOf(ids(modelQuery("PBX-X"))));
        assertEquals(List.of("all"), ids(modelQuery("PBX-Z")));
        assertEquals(List.of("all"), ids(modelQuery(LuceneSearchIndex.ALL_MODELS.substring(1))));
        assertEquals(3, ids("телефон").size());
    }

    private static SearchQuery modelQuery(String model) {
        return new SearchQuery(ACME, "телефон", Optional.of(model), Set.of(), false, 10);
    }

    @Test
    @DisplayName("a kind filter finds only those kinds; no kinds means every kind")
    void kindFilter() {
        index(article("article", "Телефон не звонит", ""),
                new IndexedDocument(ACME, DocumentKind.FAQ, "faq", "Почему телефон не звонит?", "", Set.of(), true));
        assertEquals(List.of("faq"), ids(new SearchQuery(ACME, "телефон", Optional.empty(),
                Set.of(DocumentKind.FAQ), false, 10)));
        assertEquals(List.of("article"), ids(new SearchQuery(ACME, "телефон", Optional.empty(),
                Set.of(DocumentKind.ARTICLE), false, 10)));
        assertEquals(2, ids(new SearchQuery(ACME, "телефон", Optional.empty(),
                Set.of(DocumentKind.ARTICLE, DocumentKind.FAQ), false, 10)).size());
        assertEquals(2, ids("телефон").size());
    }

    @Test
    @DisplayName("tenants are isolated: the same id in two tenants, each finds and clears only its own")
    void tenantIsolation() {
        index(article("1", "Телефон не звонит", "acme"),
                new IndexedDocument(GLOBEX, DocumentKind.ARTICLE, "1", "Телефон не звонит", "globex", Set.of(), true),
                new IndexedDocument(GLOBEX, DocumentKind.ARTICLE, "2", "Телефон молчит", "", Set.of(), true));
        assertEquals(List.of("1"), ids(new SearchQuery(ACME, "телефон", Optional.empty(), Set.of(), false, 10)));
        assertEquals(List.of(), ids(new SearchQuery(ACME, "globex", Optional.empty(), Set.of(), false, 10)));
        assertEquals(List.of("1"), ids(new SearchQuery(GLOBEX, "globex", Optional.empty(), Set.of(), false, 10)));
        assertEquals(1, index.count(ACME));
        assertEquals(2, index.count(GLOBEX));

        index.remove(GLOBEX, DocumentKind.ARTICLE, "1");
        assertEquals(1, index.count(ACME), "removing globex's document 1 leaves acme's");
        assertEquals(1, index.count(GLOBEX));

        index.clear(GLOBEX);
        assertEquals(0, index.count(GLOBEX));
        assertEquals(1, index.count(ACME));
        assertEquals(List.of("1"), ids("телефон"));
    }

    @Test
    @DisplayName("a batch with a document Lucene cannot take is rejected whole, naming the document")
    void rejectedBatchWritesNothing() {
        IndexedDocument good = article("good", "Телефон", "Связь");
        IndexedDocument longId = article("x".repeat(40_000), "Телефон", "");
        IndexedDocument longModel = new IndexedDocument(ACME, DocumentKind.FAQ, "faq-1", "Телефон", "",
                Set.of("M".repeat(40_000)), true);
        for (IndexedDocument bad : List.of(longId, longModel)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> index.index(List.of(good, bad)));
            assertTrue(error.getMessage().contains("nothing of the batch was indexed"), error::getMessage);
            assertEquals(List.of(), ids("телефон"));
            assertEquals(0, index.count(ACME));
        }
        index(good);
        assertEquals(List.of("good"), ids("телефон"), "the index works on after a rejected batch");
    }

    @Test
    @DisplayName("indexing the same tenant, kind and id again replaces the document")
    void replace() {
        index(article("1", "Телефон не звонит", ""));
        index(article("1", "Принтер не печатает", ""));
        assertEquals(1, index.count(ACME));
        assertEquals(List.of(), ids("телефон"));
        assertEquals(List.of("1"), ids("принтер"));
        // the same id of another kind is another document
        index(new IndexedDocument(ACME, DocumentKind.FAQ, "1", "Принтер", "", Set.of(), true));
        assertEquals(2, index.count(ACME));
        // within one batch the later document wins
        index(article("2", "Факс", ""), article("2", "Сканер", ""));
        assertEquals(List.of(), ids("факс"));
        assertEquals(List.of("2"), ids("сканер"));
    }

    @Test
    @DisplayName("remove deletes one document; removing an unknown one does nothing")
    void remove() {
        index(article("1", "Телефон", ""), article("2", "Телефон", ""));
        index.remove(ACME, DocumentKind.ARTICLE, "1");
        index.remove(ACME, DocumentKind.ARTICLE, "missing");
        index.remove(ACME, DocumentKind.FAQ, "2");
        assertEquals(List.of("2"), ids("телефон"));
        assertEquals(1, index.count(ACME));
    }

    @Test
    @DisplayName("count counts a tenant's documents, including those with no text")
    void count() {
        assertEquals(0, index.count(ACME));
        index.index(List.of());
        index(article("1", "", ""), article("2", "Телефон", ""),
                new IndexedDocument(ACME, DocumentKind.FAQ, "3", "Вопрос", "Ответ", Set.of("M"), false));
        assertEquals(3, index.count(ACME));
        assertEquals(0, index.count(GLOBEX));
    }

    @Test
    @DisplayName("empty text, blank text and stop words alone find nothing")
    void emptyText() {
        index(article("1", "Не работает и не звонит", "the phone is off"));
        assertEquals(List.of(), ids(""));
        assertEquals(List.of(), ids("   \t\n"));
        assertEquals(List.of(), ids("не и the is"));
        assertEquals(List.of(), ids(new SearchQuery(ACME, null, Optional.empty(), Set.of(), false, 10)));
        assertEquals(List.of(), ids("?!.,;:()"));
    }

    @Test
    @DisplayName("of a text with more than 16 distinct words the rarest are searched; unknown words take no place")
    void longTextsSearchTheirRarestWords() {
        List<IndexedDocument> documents = new ArrayList<>();
        for (int i = 1; i <= LuceneSearchIndex.MAX_QUERY_WORDS; i++) {
            documents.add(article("rare-" + i, "code" + i, "phone"));
        }
        documents.add(article("common-only", "phone", "phone"));
        index.index(documents);
        // The commonest word first, a word found nowhere in the middle: 18 distinct words in all.
        String text = "phone " + IntStream.rangeClosed(1, LuceneSearchIndex.MAX_QUERY_WORDS)
                .mapToObj(i -> (i == 8 ? "nowhereword " : "") + "code" + i).collect(Collectors.joining(" "));
        List<String> found = ids(new SearchQuery(ACME, text, Optional.empty(), Set.of(), false, 100));
        assertEquals(LuceneSearchIndex.MAX_QUERY_WORDS, found.size(), found::toString);
        assertTrue(found.stream().allMatch(id -> id.startsWith("rare-")), found::toString);
        // Up to the limit every word counts, the commonest too.
        assertTrue(ids("phone code1 code2").contains("common-only"));
        // Of a huge text only the first 1,000 distinct words are weighed: a word after them is not searched.
        String unknownWords = IntStream.range(0, 1_000).mapToObj(i -> "nowhere" + i).collect(Collectors.joining(" "));
        assertEquals(List.of(), ids(unknownWords + " code1"));
        assertEquals(List.of("rare-1"), ids(unknownWords.substring(0, unknownWords.lastIndexOf(' ')) + " code1"));
    }

    @Test
    @DisplayName("query syntax, control characters and huge texts are words or nothing, never an error")
    void hostileText() {
        index(article("foo", "foo bar", "Телефон"), article("x", "title x", "[1 TO 5]"));
        List<String> hostile = List.of("\"foo AND (", "foo AND (", "title:x", "*", "?", "\\", "[1 TO 5]", "{a TO}",
                "foo~2", "foo^100", "/fo.*/", "&& || ! + -", "\u0000\u0001\u001f", "\uD83D\uDCDE телефон \uD83D\uDE00",
                "\uD800", "NOT foo", "foo\\", "a".repeat(100_000),
                IntStream.range(0, 10_000).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")),
                IntStream.range(0, 5_000).mapToObj(i -> "телефон" + i + " foo").collect(Collectors.joining(" ")));
        for (String text : hostile) {
            assertDoesNotThrow(() -> index.search(query(text)), () -> text.substring(0, Math.min(40, text.length())));
        }
        assertEquals(List.of("foo"), ids("\"foo AND ("));
        assertEquals(List.of("x"), ids("title: x"), "a field name is a word like any other");
        assertEquals(List.of("x"), ids("[1 TO 5]"), "a range is words like any other");
        assertEquals(List.of("foo"), ids("\uD83D\uDCDE телефон"));
    }

    @Test
    @DisplayName("a search returns at most the limit, the best hits first")
    void limit() {
        List<IndexedDocument> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(article(String.format("%02d", i), "Телефон " + "звонит ".repeat(i % 3), "Связь " + i));
        }
        index.index(many);
        List<String> all = ids(new SearchQuery(ACME, "телефон звонит", Optional.empty(), Set.of(), false, 1000));
        assertEquals(30, all.size());
        List<String> top = ids(new SearchQuery(ACME, "телефон звонит", Optional.empty(), Set.of(), false, 5));
        assertEquals(all.subList(0, 5), top);
        assertEquals(1, ids(new SearchQuery(ACME, "телефон", Optional.empty(), Set.of(), false, 1)).size());
    }

    @Test
    @DisplayName("a closed index refuses calls; closing twice is harmless")
    void closed() {
        index(article("1", "Телефон", ""));
        index.close();
        assertThrows(IllegalStateException.class, () -> index.search(query("телефон")));
        assertThrows(IllegalStateException.class, () -> index.index(List.of(article("2", "x", ""))));
        assertThrows(IllegalStateException.class, () -> index.count(ACME));
        assertDoesNotThrow(index::close);
    }
}
