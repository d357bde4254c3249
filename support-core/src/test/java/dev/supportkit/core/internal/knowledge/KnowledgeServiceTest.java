package dev.supportkit.core.internal.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleDraft;
import dev.supportkit.api.knowledge.ArticleStatus;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.api.knowledge.KnowledgeHit;
import dev.supportkit.api.knowledge.KnowledgeKind;
import dev.supportkit.api.knowledge.KnowledgeQuery;
import dev.supportkit.api.knowledge.KnowledgeRef;
import dev.supportkit.api.knowledge.KnowledgeService;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.SharedStorageFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The solution base and the FAQ through the engine, on the embedded Lucene index. */
class KnowledgeServiceTest {
    private static final String MODEL = "NT-PBX 300";

    private final EngineFixture fx = new EngineFixture();
    private final KnowledgeService kb = fx.engine.knowledge();

    @AfterEach
    void close() {
        fx.close();
    }

    private static ArticleDraft draft(String problem, String symptoms, List<String> steps, Set<String> models,
                                      boolean typical, boolean customerVisible) {
        return new ArticleDraft(problem, symptoms, steps, models, null, typical, customerVisible);
    }

    private Article publish(ArticleDraft draft) {
        Article a = kb.createArticle(fx.operator, draft);
        a = kb.submitArticleForReview(fx.operator, a.id(), a.version());
        return kb.publishArticle(fx.intakeLead, a.id(), a.version());
    }

    private List<KnowledgeRef> refs(List<KnowledgeHit> hits) {
        return hits.stream().map(KnowledgeHit::ref).toList();
    }

    private static Set<String> fields(ValidationException e) {
        return e.errors().stream().map(err -> err.field() + " [" + err.rule() + "]")
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    @DisplayName("an article goes draft → in review → published, each change a new version kept in its history")
    void lifeCycle() {
        Article a = kb.createArticle(fx.operator, draft("Calls drop after 30 seconds", "Outside calls drop",
                List.of("Restart the trunk card"), Set.of(MODEL), true, true));
        assertEquals(1, a.version());
        assertEquals(ArticleStatus.DRAFT, a.status());
        assertTrue(a.id().value().startsWith("KB-"), a.id().value());
        assertEquals("spc-anna", a.author());

        assertTrue(kb.search(fx.operator, KnowledgeQuery.of("calls drop")).isEmpty(), "drafts are not searchable");
        Article review = kb.submitArticleForReview(fx.operator, a.id(), 1);
        assertEquals(ArticleStatus.IN_REVIEW, review.status());
        assertTrue(kb.search(fx.operator, KnowledgeQuery.of("calls drop")).isEmpty(), "in review is not searchable");
        Article published = kb.publishArticle(fx.groupLead, a.id(), 2);
        assertEquals(3, published.version());
        assertEquals("spc-galina", published.author());

        assertEquals(List.of(KnowledgeRef.article(a.id())), refs(kb.search(fx.operator, KnowledgeQuery.of("calls drop"))));
        assertEquals(List.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED),
                kb.articleHistory(fx.auditor, a.id()).stream().map(Article::status).toList());
        assertEquals(List.of(published), kb.articles(fx.operator, Optional.of(ArticleStatus.PUBLISHED)));
        assertTrue(kb.articles(fx.operator, Optional.of(ArticleStatus.DRAFT)).isEmpty());
    }

    @Test
    @DisplayName("a revised published article stays searchable in its published wording until the revision is published")
    void revisionKeepsPublishedVersion() {
        Article v3 = publish(draft("Voicemail is silent", "No greeting plays", List.of("Re-record the greeting"),
                Set.of(), true, true));
        Article v4 = kb.reviseArticle(fx.operator, v3.id(), 3, draft("Voicemail greeting is missing",
                "No greeting plays", List.of("Upload the greeting file again"), Set.of(), true, true));
        assertEquals(ArticleStatus.DRAFT, v4.status());

        assertEquals(v3, kb.article(fx.customer, v3.id()), "the customer reads the published version");
        assertEquals(v4, kb.article(fx.operator, v3.id()), "staff read the latest version");
        List<KnowledgeHit> hits = kb.search(fx.customer, KnowledgeQuery.of("voicemail silent"));
        assertEquals(1, hits.size());
        assertEquals(3, hits.get(0).version());
        assertEquals("Re-record the greeting", hits.get(0).summary());

        Article v5 = kb.submitArticleForReview(fx.operator, v3.id(), 4);
        Article v6 = kb.publishArticle(fx.intakeLead, v3.id(), v5.version());
        assertEquals(6, kb.search(fx.customer, KnowledgeQuery.of("greeting file")).get(0).version());
        assertEquals(v6, kb.article(fx.customer, v3.id()));
    }

    @Test
    @DisplayName("archiving withdraws an article from search and from customers; illegal steps and stale versions are refused")
    void archiveAndIllegalChanges() {
        Article a = kb.createArticle(fx.operator, draft("Fax garbled", null, List.of("Lower the baud rate"), Set.of(),
                true, true));
        assertThrows(InvalidTransitionException.class, () -> kb.publishArticle(fx.intakeLead, a.id(), 1),
                "a draft is not published without review");
        assertThrows(InvalidTransitionException.class, () -> kb.archiveArticle(fx.intakeLead, a.id(), 1));
        Article review = kb.submitArticleForReview(fx.operator, a.id(), 1);
        assertThrows(ConcurrencyConflictException.class, () -> kb.publishArticle(fx.intakeLead, a.id(), 1),
                "a reviewer acting on an old version is refused");
        Article back = kb.returnArticleToDraft(fx.intakeLead, a.id(), review.version());
        assertEquals(ArticleStatus.DRAFT, back.status());
        Article published = kb.publishArticle(fx.intakeLead, a.id(),
                kb.submitArticleForReview(fx.operator, a.id(), back.version()).version());
        assertEquals(1, kb.search(fx.operator, KnowledgeQuery.of("fax")).size());

        Article archived = kb.archiveArticle(fx.groupLead, a.id(), published.version());
        assertEquals(ArticleStatus.ARCHIVED, archived.status());
        assertTrue(kb.search(fx.operator, KnowledgeQuery.of("fax")).isEmpty());
        assertThrows(NotFoundException.class, () -> kb.article(fx.customer, a.id()));
        assertThrows(NotFoundException.class, () -> kb.articleHistory(fx.operator,
                dev.supportkit.api.knowledge.ArticleId.of("KB-NONE")));
    }

    @Test
    @DisplayName("every invalid article field is reported at once and nothing is stored")
    void invalidArticle() {
        ValidationException e = assertThrows(ValidationException.class, () -> kb.createArticle(fx.operator,
                new ArticleDraft(" ", "x".repeat(10_001), List.of("ok", " ", "y".repeat(2001)), Set.of(" "),
                        "v".repeat(201), true, true)));
        assertEquals(Set.of("article.problem [required]", "article.symptoms [max-length]",
                "article.steps[1] [required]", "article.steps[2] [max-length]", "article.systemModels [model]",
                "article.systemVersions [max-length]"), fields(e));
        assertTrue(kb.articles(fx.auditor, Optional.empty()).isEmpty());

        Article empty = kb.createArticle(fx.operator, draft("No steps yet", null, List.of(), Set.of(), true, true));
        ValidationException noSteps = assertThrows(ValidationException.class,
                () -> kb.submitArticleForReview(fx.operator, empty.id(), 1));
        assertEquals(Set.of("article.steps [required]"), fields(noSteps));
        assertEquals(ArticleStatus.DRAFT, kb.article(fx.operator, empty.id()).status());
    }

    @Test
    @DisplayName("search finds other word forms in Russian and in English")
    void morphology() {
        Article ru = publish(draft("Не проходят входящие звонки", "Абоненты слышат короткие гудки",
                List.of("Проверьте настройки транка"), Set.of(), true, true));
        Article en = publish(draft("Dropped calls on the trunk", "Calls are dropping after a minute",
                List.of("Update the firmware"), Set.of(), true, true));

        assertEquals(List.of(KnowledgeRef.article(ru.id())),
                refs(kb.search(fx.operator, KnowledgeQuery.of("входящий звонок не проходит"))));
        assertEquals(List.of(KnowledgeRef.article(ru.id())), refs(kb.search(fx.operator, KnowledgeQuery.of("абонентов"))));
        assertEquals(List.of(KnowledgeRef.article(en.id())), refs(kb.search(fx.operator, KnowledgeQuery.of("drop"))));
        assertEquals(List.of(KnowledgeRef.article(en.id())),
                refs(kb.search(fx.operator, KnowledgeQuery.of("firmware updates"))));
    }

    @Test
    @DisplayName("customers find customer-visible knowledge only; staff find internal articles too")
    void visibility() {
        Article internal = publish(draft("Trunk card replacement procedure", null, List.of("Order card TC-2"),
                Set.of(), false, false));
        Article open = publish(draft("Trunk card LED is red", null, List.of("Reseat the trunk card"), Set.of(), true,
                true));
        assertEquals(Set.of(KnowledgeRef.article(internal.id()), KnowledgeRef.article(open.id())),
                Set.copyOf(refs(kb.search(fx.operator, KnowledgeQuery.of("trunk card")))));
        assertEquals(List.of(KnowledgeRef.article(open.id())),
                refs(kb.search(fx.customer, KnowledgeQuery.of("trunk card"))));
        assertThrows(NotFoundException.class, () -> kb.article(fx.customer, internal.id()));
        assertEquals(internal.version(), kb.article(fx.auditor, internal.id()).version());
    }

    @Test
    @DisplayName("knowledge for another system model is left out when searching for a system")
    void systemModelFilter() {
        fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(SystemId.of("sys-cctv"), fx.org, "CCTV",
                "Vision", "V-100", false, List.of()));
        Article pbx = publish(draft("Reboot loop", null, List.of("Reset to factory settings"), Set.of(MODEL), true,
                true));
        Article cctv = publish(draft("Reboot loop after update", null, List.of("Roll back the update"),
                Set.of("V-100"), true, true));
        Article any = publish(draft("Reboot loop on power loss", null, List.of("Check the UPS"), Set.of(), true,
                true));

        assertEquals(Set.of(KnowledgeRef.article(pbx.id()), KnowledgeRef.article(any.id())),
                Set.copyOf(refs(kb.search(fx.customer, KnowledgeQuery.forSystem("reboot loop", fx.system)))));
        assertEquals(Set.of(KnowledgeRef.article(cctv.id()), KnowledgeRef.article(any.id())),
                Set.copyOf(refs(kb.search(fx.customer, KnowledgeQuery.forSystem("reboot loop",
                        SystemId.of("sys-cctv"))))));
        ValidationException foreign = assertThrows(ValidationException.class, () -> kb.search(fx.otherCustomer,
                KnowledgeQuery.forSystem("reboot loop", fx.system)));
        assertEquals(Set.of("query.system [exists]"), fields(foreign), "another customer's system is not visible");
    }

    @Test
    @DisplayName("another tenant on the same engine finds none of this tenant's knowledge")
    void tenantIsolation() {
        Article a = publish(draft("Echo on the line", null, List.of("Enable echo cancellation"), Set.of(), true,
                true));
        kb.saveFaqEntry(fx.operator, FaqId.of("faq-echo"), 0, "Why is there an echo?", "Enable echo cancellation.",
                Set.of());
        Actor stranger = Actor.staff("spc-x", "Stranger", Role.FIRST_LINE_OPERATOR, TenantId.of("globex"));
        assertEquals(2, kb.search(fx.operator, KnowledgeQuery.of("echo")).size());
        assertTrue(kb.search(stranger, KnowledgeQuery.of("echo")).isEmpty());
        assertThrows(NotFoundException.class, () -> kb.article(stranger, a.id()));
        assertTrue(kb.faq(stranger, Optional.empty()).isEmpty());
    }

    @Test
    @DisplayName("knowledge about a model only another organisation has is not shown to a customer, by faq or search")
    void otherOrganisationsModelsStayHidden() {
        fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(SystemId.of("sys-b-only"), fx.otherOrg,
                "Their PBX", "Other", "B-ONLY-9", false, List.of()));
        FaqEntry theirs = kb.saveFaqEntry(fx.operator, FaqId.of("faq-b-only"), 0, "How to reset the B-ONLY-9 trunk?",
                "Hold the reset button for ten seconds.", Set.of("B-ONLY-9"));
        assertTrue(kb.faq(fx.customer, Optional.empty()).stream().noneMatch(e -> e.id().equals(theirs.id())));
        assertTrue(refs(kb.search(fx.customer, KnowledgeQuery.of("reset trunk button"))).stream()
                .noneMatch(r -> r.equals(KnowledgeRef.faq(theirs.id()))));
        assertTrue(kb.faq(fx.otherCustomer, Optional.empty()).stream().anyMatch(e -> e.id().equals(theirs.id())),
                "the organisation that has the model sees it");
        assertEquals(List.of(KnowledgeRef.faq(theirs.id())),
                refs(kb.search(fx.otherCustomer, KnowledgeQuery.of("reset trunk button"))));
    }

    @Test
    @DisplayName("FAQ entries are versioned, filtered by system model, found by search, and retired")
    void faq() {
        FaqEntry forward = kb.saveFaqEntry(fx.operator, FaqId.of("faq-forward"), 0, "Как настроить переадресацию?",
                "Наберите *21* и номер телефона.", Set.of(MODEL));
        FaqEntry other = kb.saveFaqEntry(fx.operator, FaqId.of("faq-cctv"), 0, "How to export video?",
                "Use the archive menu.", Set.of("V-100"));
        assertEquals(1, forward.version());
        assertThrows(ConcurrencyConflictException.class, () -> kb.saveFaqEntry(fx.operator, FaqId.of("faq-forward"),
                0, "Duplicate?", "No.", Set.of()), "version 0 means new: an existing id conflicts");
        FaqEntry v2 = kb.saveFaqEntry(fx.intakeLead, FaqId.of("faq-forward"), 1, "Как настроить переадресацию вызовов?",
                "Наберите *21* и номер телефона, затем #.", Set.of(MODEL));
        assertEquals(2, v2.version());

        assertEquals(List.of(v2), kb.faq(fx.customer, Optional.of(fx.system)));
        assertEquals(List.of(v2), kb.faq(fx.customer, Optional.empty()),
                "the V-100 entry is about equipment the customer's organisation does not have");
        assertEquals(List.of(other, v2), kb.faq(fx.operator, Optional.empty()), "staff see every entry");
        List<KnowledgeHit> hits = kb.search(fx.customer, new KnowledgeQuery("переадресация вызова", Optional.empty(),
                Set.of(KnowledgeKind.FAQ), 10));
        assertEquals(List.of(KnowledgeRef.faq(v2.id())), refs(hits));
        assertTrue(hits.get(0).typical());
        assertEquals("Наберите *21* и номер телефона, затем #.", hits.get(0).summary());

        FaqEntry retired = kb.retireFaqEntry(fx.operator, v2.id(), 2);
        assertFalse(retired.active());
        assertTrue(kb.search(fx.customer, KnowledgeQuery.of("переадресация")).isEmpty());
        assertEquals(List.of(), kb.faq(fx.customer, Optional.empty()));
        assertEquals(List.of(other), kb.faq(fx.operator, Optional.empty()));
        assertThrows(InvalidTransitionException.class, () -> kb.retireFaqEntry(fx.operator, v2.id(), 3));

        ValidationException invalid = assertThrows(ValidationException.class, () -> kb.saveFaqEntry(fx.operator,
                null, -1, "", "a".repeat(10_001), Set.of()));
        assertEquals(Set.of("faq.id [required]", "faq.question [required]", "faq.answer [max-length]",
                "faq.version [not-negative]"), fields(invalid));
    }

    @Test
    @DisplayName("suggestions for a request come from its words and its system's model")
    void suggestions() {
        FaqEntry faq = kb.saveFaqEntry(fx.operator, FaqId.of("faq-incoming"), 0, "Почему не проходят входящие звонки?",
                "Проверьте, оплачен ли номер, и перезагрузите АТС.", Set.of(MODEL));
        kb.saveFaqEntry(fx.operator, FaqId.of("faq-cctv"), 0, "Почему не проходят входящие звонки на камеру?",
                "Камеры не принимают звонки.", Set.of("V-100"));
        Request request = fx.engine.intake().registerContact(fx.customer, fx.draft()
                .subject("Не проходят входящие").text("С утра не проходит ни один входящий звонок").build());

        List<KnowledgeHit> hits = kb.suggestionsFor(fx.customer, request.id());
        assertEquals(List.of(KnowledgeRef.faq(faq.id())), refs(hits), "the other model's entry is left out");
        assertThrows(NotFoundException.class, () -> kb.suggestionsFor(fx.otherCustomer, request.id()));
    }

    @Test
    @DisplayName("putting a resolved request's solution into the base drafts an article from it and journals it")
    void draftFromRequest() {
        Request resolved = fx.requestIn(RequestStatus.RESOLVED, SupportLine.SECOND_LINE);
        Article draft = kb.draftArticleFromRequest(fx.engineer, resolved.id());

        assertEquals(ArticleStatus.DRAFT, draft.status());
        assertEquals(resolved.subject(), draft.problem());
        assertEquals(List.of("Restarted the trunk"), draft.steps());
        assertTrue(draft.symptoms().contains("Cause: Trunk hung"), draft.symptoms());
        assertTrue(draft.symptoms().contains(resolved.description()), draft.symptoms());
        assertEquals(Set.of(MODEL), draft.systemModels());
        assertEquals(Optional.of(resolved.id()), draft.sourceRequest());
        assertFalse(draft.customerVisible(), "a drafted solution is internal until its reviewer decides");

        Request after = fx.engine.quality().request(fx.auditor, resolved.id());
        assertEquals(resolved.version(), after.version(), "the request itself does not change");
        List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, resolved.id());
        JournalEntry last = journal.get(journal.size() - 1);
        assertEquals(new RequestEvent.SolutionDrafted(draft.id().value()), last.event());
        assertEquals(LaborFunction.A_01_3, last.function());
        assertEquals(Visibility.INTERNAL, last.visibility());
        assertTrue(fx.engine.journal().verify(fx.auditor, resolved.id()).intact());

        Request open = fx.registered();
        assertThrows(InvalidTransitionException.class, () -> kb.draftArticleFromRequest(fx.operator, open.id()));
    }

    @Test
    @DisplayName("a second engine on the same storage rebuilds its in-memory index before its first search")
    void rebuildsIndexFromStorage() {
        SharedStorageFactory storage = new SharedStorageFactory();
        SupportEngine first = engine(storage);
        EngineFixture one = new EngineFixture(TenantId.of("acme"), first);
        Article a = one.engine.knowledge().createArticle(one.operator, draft("Hold music is loud", null,
                List.of("Lower the hold volume"), Set.of(), true, true));
        a = one.engine.knowledge().submitArticleForReview(one.operator, a.id(), 1);
        one.engine.knowledge().publishArticle(one.intakeLead, a.id(), 2);
        first.close();

        try (SupportEngine second = engine(storage)) {
            EngineFixture two = new EngineFixture(TenantId.of("acme"), second);
            assertEquals(1, two.engine.knowledge().search(two.customer, KnowledgeQuery.of("hold music")).size());
            assertEquals(1, two.engine.knowledge().reindex(two.admin));
        }
    }

    @Test
    @DisplayName("a failing index write loses nothing: the article is stored and the index is rebuilt before the next search")
    void failingIndexWriteHeals() {
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(1);
        dev.supportkit.spi.search.SearchIndexFactory failingOnce = new dev.supportkit.spi.search.SearchIndexFactory() {
            @Override
            public String id() {
                return "lucene";
            }

            @Override
            public dev.supportkit.spi.search.SearchIndex create(dev.supportkit.spi.ProviderContext context) {
                dev.supportkit.spi.search.SearchIndex real =
                        new dev.supportkit.core.internal.search.LuceneSearchIndexFactory().create(context);
                return new dev.supportkit.spi.search.SearchIndex() {
                    @Override
                    public void index(java.util.Collection<dev.supportkit.spi.search.IndexedDocument> documents) {
                        if (!documents.isEmpty() && failures.getAndDecrement() > 0) {
                            throw new dev.supportkit.api.error.ProviderException("lucene", "index disk full", null);
                        }
                        real.index(documents);
                    }

                    @Override
                    public void remove(TenantId tenant, dev.supportkit.spi.search.DocumentKind kind, String id) {
                        real.remove(tenant, kind, id);
                    }

                    @Override
                    public void clear(TenantId tenant) {
                        real.clear(tenant);
                    }

                    @Override
                    public List<dev.supportkit.spi.search.SearchHit> search(dev.supportkit.spi.search.SearchQuery q) {
                        return real.search(q);
                    }

                    @Override
                    public long count(TenantId tenant) {
                        return real.count(tenant);
                    }

                    @Override
                    public void close() {
                        real.close();
                    }
                };
            }
        };
        try (SupportEngine engine = SupportEngine.builder().clock(fx.clock).environment(Map.of())
                .searchIndex(failingOnce).set("supportkit.jobs.poll-interval-ms", "0").build()) {
            EngineFixture one = new EngineFixture(TenantId.of("acme"), engine);
            KnowledgeService knowledge = one.engine.knowledge();
            assertTrue(knowledge.search(one.operator, KnowledgeQuery.of("anything")).isEmpty(), "tenant loaded");
            Article a = knowledge.createArticle(one.operator, draft("Ringback tone missing", null,
                    List.of("Enable ringback on the trunk"), Set.of(), true, true));
            a = knowledge.submitArticleForReview(one.operator, a.id(), 1);
            Article published = knowledge.publishArticle(one.intakeLead, a.id(), 2);

            assertEquals(0, failures.get(), "the index write failed once");
            assertEquals(ArticleStatus.PUBLISHED, knowledge.article(one.operator, a.id()).status());
            assertEquals(List.of(KnowledgeRef.article(published.id())),
                    refs(knowledge.search(one.operator, KnowledgeQuery.of("ringback tone"))));
        }
    }

    private SupportEngine engine(SharedStorageFactory storage) {
        return SupportEngine.builder().clock(fx.clock).environment(Map.of()).storage(storage)
                .set("supportkit.jobs.poll-interval-ms", "0").build();
    }

    @Test
    @DisplayName("a search query is validated")
    void invalidQuery() {
        ValidationException e = assertThrows(ValidationException.class, () -> kb.search(fx.operator,
                new KnowledgeQuery(" ", Optional.empty(), Set.of(), 0)));
        assertEquals(Set.of("query.text [required]", "query.limit [range]"), fields(e));
        assertTrue(e.errors().stream().map(FieldError::message).allMatch(m -> !m.isBlank()));
    }
}
