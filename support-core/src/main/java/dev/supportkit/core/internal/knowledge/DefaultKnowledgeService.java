package dev.supportkit.core.internal.knowledge;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleDraft;
import dev.supportkit.api.knowledge.ArticleId;
import dev.supportkit.api.knowledge.ArticleStatus;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.api.knowledge.KnowledgeHit;
import dev.supportkit.api.knowledge.KnowledgeKind;
import dev.supportkit.api.knowledge.KnowledgeQuery;
import dev.supportkit.api.knowledge.KnowledgeRef;
import dev.supportkit.api.knowledge.KnowledgeService;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.intake.QuestionnaireCatalog;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.search.SearchHit;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchQuery;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The solution base and the FAQ (A/01.3, A/02.3, B/01.6). Articles and FAQ entries live in storage as
 * versioned catalogue records; the search index holds a derived copy of what readers may find
 * (published articles, active FAQ entries). The index is written after each commit; a tenant's index is
 * rebuilt from storage the first time this engine searches it while it is empty, and on
 * {@link #reindex(Actor)}.
 */
public final class DefaultKnowledgeService implements KnowledgeService {
    /** Longest article problem and FAQ question. */
    static final int TITLE_MAX = 300;
    /** Most system models one article or FAQ entry is for. */
    static final int MAX_MODELS = 50;
    /** Longest symptoms and FAQ answer. */
    static final int TEXT_MAX = 10_000;
    /** Longest solution step. */
    static final int STEP_MAX = 2000;
    /** Most solution steps. */
    static final int STEPS_MAX = 100;
    /** Longest hit summary. */
    static final int SUMMARY_MAX = 300;

    private static final Logger LOG = LoggerFactory.getLogger(DefaultKnowledgeService.class);
    private static final Set<RequestStatus> RESOLVED = EnumSet.of(RequestStatus.RESOLVED, RequestStatus.SIGNED_OFF,
            RequestStatus.CLOSED);

    private final RequestCommands commands;
    private final KnowledgeStore store;
    private final SearchIndex index;
    private final QuestionnaireCatalog questionnaires;
    private final Set<TenantId> loaded = ConcurrentHashMap.newKeySet();

    /**
     * @param commands the unit-of-work runner (storage, access policy, clock)
     * @param store    articles and FAQ entries in storage
     * @param index    the search index
     * @param questionnaires the questionnaires, for the question texts of a request's answers
     */
    @Inject
    public DefaultKnowledgeService(RequestCommands commands, KnowledgeStore store, SearchIndex index,
                                   QuestionnaireCatalog questionnaires) {
        this.commands = commands;
        this.store = store;
        this.index = index;
        this.questionnaires = questionnaires;
    }

    @Override
    public Article createArticle(Actor actor, ArticleDraft draft) {
        commands.policy().require(actor, Permission.WRITE_KNOWLEDGE);
        validate(draft);
        ArticleId id = newArticleId();
        Article article = commands.write(tx -> {
            Article created = article(id, 1, ArticleStatus.DRAFT, draft, Optional.empty(), actor, commands.now());
            store.save(tx, actor.tenant(), created);
            return created;
        });
        LOG.debug("Article {} drafted by {}", id, actor.id());
        return article;
    }

    @Override
    public Article reviseArticle(Actor actor, ArticleId id, int version, ArticleDraft draft) {
        commands.policy().require(actor, Permission.WRITE_KNOWLEDGE);
        validate(draft);
        return change(actor, id, version, "revise", EnumSet.allOf(ArticleStatus.class), current ->
                article(id, version + 1, ArticleStatus.DRAFT, draft, current.sourceRequest(), actor, commands.now()));
    }

    @Override
    public Article submitArticleForReview(Actor actor, ArticleId id, int version) {
        commands.policy().require(actor, Permission.WRITE_KNOWLEDGE);
        return change(actor, id, version, "submit for review", EnumSet.of(ArticleStatus.DRAFT), current -> {
            if (current.steps().isEmpty()) {
                new FieldErrors().add("article.steps", "required",
                        "an article needs at least one solution step before review").throwIfAny();
            }
            return withStatus(current, ArticleStatus.IN_REVIEW, actor);
        });
    }

    @Override
    public Article publishArticle(Actor actor, ArticleId id, int version) {
        commands.policy().require(actor, Permission.REVIEW_KNOWLEDGE);
        return change(actor, id, version, "publish", EnumSet.of(ArticleStatus.IN_REVIEW),
                current -> withStatus(current, ArticleStatus.PUBLISHED, actor));
    }

    @Override
    public Article returnArticleToDraft(Actor actor, ArticleId id, int version) {
        commands.policy().require(actor, Permission.REVIEW_KNOWLEDGE);
        return change(actor, id, version, "return to draft", EnumSet.of(ArticleStatus.IN_REVIEW),
                current -> withStatus(current, ArticleStatus.DRAFT, actor));
    }

    @Override
    public Article archiveArticle(Actor actor, ArticleId id, int version) {
        commands.policy().require(actor, Permission.REVIEW_KNOWLEDGE);
        return change(actor, id, version, "archive", EnumSet.of(ArticleStatus.PUBLISHED),
                current -> withStatus(current, ArticleStatus.ARCHIVED, actor));
    }

    /**
     * Applies one article change: checks the version and the status, stores the new version, then brings
     * the index up to date with what readers may now find.
     */
    private Article change(Actor actor, ArticleId id, int version, String action, Set<ArticleStatus> from,
                           java.util.function.Function<Article, Article> decide) {
        Article saved = commands.write(tx -> {
            Article current = store.latest(tx, actor.tenant(), id)
                    .orElseThrow(() -> new NotFoundException("article", id));
            if (current.version() != version) {
                throw new ConcurrencyConflictException("article", id, version, current.version());
            }
            if (!from.contains(current.status())) {
                throw new InvalidTransitionException("article " + current.status(), action);
            }
            Article next = decide.apply(current);
            store.save(tx, actor.tenant(), next);
            return next;
        });
        refreshIndex(actor.tenant(), id);
        return saved;
    }

    /** Makes the index hold the article's published version, or nothing when it has none. */
    private void refreshIndex(TenantId tenant, ArticleId id) {
        Optional<Article> published = commands.read(tx -> store.published(tx, tenant, id));
        writeIndex(tenant, i -> published.ifPresentOrElse(
                a -> i.index(List.of(KnowledgeStore.document(tenant, a))),
                () -> i.remove(tenant, DocumentKind.ARTICLE, id.value())));
    }

    /**
     * Writes to the index after a commit. Storage already holds the change, so a failing index loses
     * nothing: the tenant is marked for a rebuild before its next search.
     */
    private void writeIndex(TenantId tenant, Consumer<SearchIndex> write) {
        try {
            write.accept(index);
        } catch (RuntimeException e) {
            loaded.remove(tenant);
            LOG.warn("Search index update failed for tenant {}; it will be rebuilt from storage before the next "
                    + "search", tenant, e);
        }
    }

    @Override
    public Article draftArticleFromRequest(Actor actor, RequestId requestId) {
        commands.policy().require(actor, Permission.WRITE_KNOWLEDGE);
        return commands.writeBookkeeping(tx -> {
            Request request = commands.load(tx, actor, requestId);
            if (!RESOLVED.contains(request.status()) || request.resolution().isEmpty()) {
                throw new InvalidTransitionException(request.status().name(), "draft an article from");
            }
            var resolution = request.resolution().get();
            StringBuilder symptoms = new StringBuilder(request.description());
            answersInWords(tx, request).forEach(line -> symptoms.append('\n').append(line));
            List<String> steps = new ArrayList<>();
            steps.add(resolution.summary());
            Set<String> models = modelOf(tx, request).map(Set::of).orElse(Set.of());
            ArticleDraft draft = new ArticleDraft(clip(request.subject(), TITLE_MAX),
                    clip("Cause: " + resolution.cause() + "\n" + symptoms, TEXT_MAX), steps, models, null, false,
                    false);
            ArticleId id = newArticleId();
            Instant now = commands.now();
            Article article = article(id, 1, ArticleStatus.DRAFT, draft, Optional.of(request.id()), actor, now);
            store.save(tx, actor.tenant(), article);
            commands.appendBookkeeping(tx, actor, request, new JournalDraft(LaborFunction.A_01_3,
                    Visibility.INTERNAL, null, new RequestEvent.SolutionDrafted(id.value()),
                    "Solution put into the solution base as draft article " + id + " by " + actor.displayName()),
                    now);
            return article;
        });
    }

    /** The request's questionnaire answers as "question: answer" lines, in the questionnaire's order. */
    private List<String> answersInWords(StorageTransaction tx, Request request) {
        Map<String, List<String>> answers = request.intake().answers();
        if (answers.isEmpty()) {
            return List.of();
        }
        Map<String, String> questionText = new java.util.HashMap<>();
        request.intake().questionnaire().flatMap(ref -> questionnaires.version(tx, request.tenant(), ref.id(),
                        ref.version()))
                .ifPresent(q -> q.questions().forEach(question -> questionText.put(question.key(), question.text())));
        List<String> lines = new ArrayList<>();
        answers.forEach((key, values) -> lines.add(questionText.getOrDefault(key, key) + ": "
                + String.join(", ", values)));
        return lines;
    }

    /**
     * Brings a tenant's solution base in line with files (see {@link KnowledgeFiles}): an article or FAQ
     * entry that is missing or whose content differs gets a new version, published (files are the reviewed
     * source), authored by {@code file:<name>}; identical content is left alone, so loading the same files
     * at every start changes nothing. Invalid content fails with every problem listed.
     *
     * @param tenant   the tenant
     * @param contents what the files hold
     * @return how many articles and entries got a new version
     * @throws dev.supportkit.api.error.ConfigurationException naming the file and field of every problem
     */
    public int importFiles(TenantId tenant, KnowledgeFiles.Contents contents) {
        List<String> problems = new ArrayList<>();
        for (KnowledgeFiles.ArticleFile file : contents.articles()) {
            try {
                validate(file.draft());
            } catch (dev.supportkit.api.error.ValidationException e) {
                e.errors().forEach(err -> problems.add(file.source() + ": " + err.field() + ": " + err.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new dev.supportkit.api.error.ConfigurationException(problems);
        }
        Instant now = commands.now();
        List<Article> changedArticles = new ArrayList<>();
        List<FaqEntry> changedFaq = new ArrayList<>();
        commands.write(tx -> {
            // The latest versions in two queries, not one per file document: a base may hold many thousands.
            Map<ArticleId, Article> latestArticles = new HashMap<>();
            store.allLatest(tx, tenant).forEach(a -> latestArticles.put(a.id(), a));
            Map<FaqId, FaqEntry> latestFaq = new HashMap<>();
            store.allFaq(tx, tenant).forEach(e -> latestFaq.put(e.id(), e));
            for (KnowledgeFiles.ArticleFile file : contents.articles()) {
                Actor author = Actor.staff("file:" + clip(file.source(), 60), file.source(), Role.ADMINISTRATOR,
                        tenant);
                Article latest = latestArticles.get(file.id());
                Article candidate = article(file.id(), latest == null ? 1 : latest.version() + 1,
                        ArticleStatus.PUBLISHED, file.draft(), Optional.empty(), author, now);
                if (latest != null && latest.status() == ArticleStatus.PUBLISHED && sameContent(latest, candidate)) {
                    continue;
                }
                store.save(tx, tenant, candidate);
                changedArticles.add(candidate);
            }
            for (KnowledgeFiles.FaqFile file : contents.faq()) {
                Optional<FaqEntry> current = Optional.ofNullable(latestFaq.get(file.id()));
                FaqEntry candidate = new FaqEntry(file.id(), current.map(FaqEntry::version).orElse(0) + 1,
                        file.question(), file.answer(), normalise(file.systemModels()), true,
                        "file:" + clip(file.source(), 60), now);
                if (current.isPresent() && current.get().active() && current.get().question().equals(candidate.question())
                        && current.get().answer().equals(candidate.answer())
                        && current.get().systemModels().equals(candidate.systemModels())) {
                    continue;
                }
                store.save(tx, tenant, candidate);
                changedFaq.add(candidate);
            }
            return null;
        });
        // One index write for the whole import: each candidate is now its article's published version.
        List<IndexedDocument> documents = new ArrayList<>(changedArticles.size() + changedFaq.size());
        changedArticles.forEach(a -> documents.add(KnowledgeStore.document(tenant, a)));
        changedFaq.forEach(e -> documents.add(KnowledgeStore.document(tenant, e)));
        writeIndex(tenant, i -> i.index(documents));
        if (!changedArticles.isEmpty() || !changedFaq.isEmpty()) {
            LOG.info("Solution base of tenant {} updated from files: {} articles, {} FAQ entries", tenant,
                    changedArticles.size(), changedFaq.size());
        }
        return changedArticles.size() + changedFaq.size();
    }

    private static boolean sameContent(Article a, Article b) {
        return a.problem().equals(b.problem()) && a.symptoms().equals(b.symptoms()) && a.steps().equals(b.steps())
                && a.systemModels().equals(b.systemModels()) && a.systemVersions().equals(b.systemVersions())
                && a.typical() == b.typical() && a.customerVisible() == b.customerVisible();
    }

    @Override
    public Article article(Actor actor, ArticleId id) {
        commands.policy().require(actor, Permission.READ_KNOWLEDGE);
        return commands.read(tx -> {
            if (isCustomer(actor)) {
                return store.published(tx, actor.tenant(), id).filter(Article::customerVisible)
                        .orElseThrow(() -> new NotFoundException("article", id));
            }
            return store.latest(tx, actor.tenant(), id).orElseThrow(() -> new NotFoundException("article", id));
        });
    }

    @Override
    public List<Article> articleHistory(Actor actor, ArticleId id) {
        commands.policy().require(actor, Permission.READ_KNOWLEDGE_DRAFTS);
        List<Article> history = commands.read(tx -> store.history(tx, actor.tenant(), id));
        if (history.isEmpty()) {
            throw new NotFoundException("article", id);
        }
        return history;
    }

    @Override
    public List<Article> articles(Actor actor, Optional<ArticleStatus> status) {
        commands.policy().require(actor, Permission.READ_KNOWLEDGE_DRAFTS);
        return commands.read(tx -> store.allLatest(tx, actor.tenant())).stream()
                .filter(a -> status.map(s -> a.status() == s).orElse(true)).toList();
    }

    @Override
    public FaqEntry saveFaqEntry(Actor actor, FaqId id, int version, String question, String answer,
                                 Set<String> systemModels) {
        commands.policy().require(actor, Permission.WRITE_KNOWLEDGE);
        FieldErrors errors = new FieldErrors();
        errors.required("faq.id", id);
        errors.requiredText("faq.question", question, TITLE_MAX);
        errors.requiredText("faq.answer", answer, TEXT_MAX);
        validateModels(errors, "faq.systemModels", systemModels);
        if (version < 0) {
            errors.add("faq.version", "not-negative", "must be 0 for a new entry or the version last read");
        }
        errors.throwIfAny();
        FaqEntry saved = commands.write(tx -> {
            int stored = store.faq(tx, actor.tenant(), id).map(FaqEntry::version).orElse(0);
            if (stored != version) {
                throw new ConcurrencyConflictException("faq", id, version, stored);
            }
            FaqEntry entry = new FaqEntry(id, version + 1, question.strip(), answer.strip(),
                    normalise(systemModels), true, actor.id(), commands.now());
            store.save(tx, actor.tenant(), entry);
            return entry;
        });
        writeIndex(actor.tenant(), i -> i.index(List.of(KnowledgeStore.document(actor.tenant(), saved))));
        return saved;
    }

    @Override
    public FaqEntry retireFaqEntry(Actor actor, FaqId id, int version) {
        commands.policy().require(actor, Permission.WRITE_KNOWLEDGE);
        FaqEntry saved = commands.write(tx -> {
            FaqEntry current = store.faq(tx, actor.tenant(), id).orElseThrow(() -> new NotFoundException("faq", id));
            if (current.version() != version) {
                throw new ConcurrencyConflictException("faq", id, version, current.version());
            }
            if (!current.active()) {
                throw new InvalidTransitionException("faq retired", "retire");
            }
            FaqEntry entry = new FaqEntry(id, version + 1, current.question(), current.answer(),
                    current.systemModels(), false, actor.id(), commands.now());
            store.save(tx, actor.tenant(), entry);
            return entry;
        });
        writeIndex(actor.tenant(), i -> i.remove(actor.tenant(), DocumentKind.FAQ, id.value()));
        return saved;
    }

    @Override
    public List<FaqEntry> faq(Actor actor, Optional<SystemId> system) {
        commands.policy().require(actor, Permission.READ_KNOWLEDGE);
        return commands.read(tx -> {
            Optional<String> model = modelOf(tx, actor, system, "faq.system");
            Predicate<Set<String>> mayRead = readableModels(tx, actor);
            return store.allFaq(tx, actor.tenant()).stream().filter(FaqEntry::active)
                    .filter(e -> model.map(m -> e.systemModels().isEmpty() || e.systemModels().contains(m))
                            .orElse(true))
                    .filter(e -> mayRead.test(e.systemModels()))
                    .toList();
        });
    }

    @Override
    public List<KnowledgeHit> search(Actor actor, KnowledgeQuery query) {
        commands.policy().require(actor, Permission.READ_KNOWLEDGE);
        FieldErrors errors = new FieldErrors();
        if (errors.required("query", query)) {
            errors.requiredText("query.text", query.text(), 1000);
            if (query.limit() < 1 || query.limit() > 100) {
                errors.add("query.limit", "range", "must be 1 to 100, was " + query.limit());
            }
        }
        errors.throwIfAny();
        Optional<String> model = commands.read(tx -> modelOf(tx, actor, query.system(), "query.system"));
        return find(actor, query.text(), model, query.kinds(), query.limit());
    }

    @Override
    public List<KnowledgeHit> suggestionsFor(Actor actor, RequestId requestId) {
        commands.policy().require(actor, Permission.READ_KNOWLEDGE);
        ensureLoaded(actor.tenant());
        return commands.read(tx -> {
            Request request = commands.load(tx, actor, requestId);
            Optional<String> model = modelOf(tx, request);
            return find(tx, actor, KnowledgeService.suggestionText(request), model, Set.of(), MAX_SUGGESTIONS);
        });
    }

    @Override
    public int reindex(Actor actor) {
        commands.policy().require(actor, Permission.REINDEX_KNOWLEDGE);
        return rebuild(actor.tenant());
    }

    private int rebuild(TenantId tenant) {
        List<IndexedDocument> documents = commands.read(tx -> store.searchable(tx, tenant));
        index.clear(tenant);
        index.index(documents);
        loaded.add(tenant);
        LOG.info("Search index of tenant {} rebuilt from storage: {} documents", tenant, documents.size());
        return documents.size();
    }

    private List<KnowledgeHit> find(Actor actor, String text, Optional<String> model, Set<KnowledgeKind> kinds,
                                    int limit) {
        ensureLoaded(actor.tenant());
        return commands.read(tx -> find(tx, actor, text, model, kinds, limit));
    }

    /** Searches the index, then reads each hit's current version from storage (the index may lag). */
    private List<KnowledgeHit> find(StorageTransaction tx, Actor actor, String text, Optional<String> model,
                                    Set<KnowledgeKind> kinds, int limit) {
        Set<DocumentKind> documentKinds = EnumSet.noneOf(DocumentKind.class);
        kinds.forEach(k -> documentKinds.add(DocumentKind.valueOf(k.name())));
        boolean customer = isCustomer(actor);
        Predicate<Set<String>> mayRead = readableModels(tx, actor);
        List<SearchHit> hits = index.search(new SearchQuery(actor.tenant(), text, model, documentKinds, customer,
                limit));
        List<KnowledgeHit> result = new ArrayList<>();
        for (SearchHit hit : hits) {
            if (hit.kind() == DocumentKind.ARTICLE) {
                store.published(tx, actor.tenant(), ArticleId.of(hit.id()))
                        .filter(a -> !customer || a.customerVisible() && mayRead.test(a.systemModels()))
                        .ifPresent(a -> result.add(new KnowledgeHit(KnowledgeRef.article(a.id()), a.version(),
                                a.problem(), clip(a.steps().isEmpty() ? a.symptoms() : a.steps().get(0), SUMMARY_MAX),
                                a.typical(), hit.score())));
            } else {
                store.faq(tx, actor.tenant(), FaqId.of(hit.id())).filter(FaqEntry::active)
                        .filter(e -> mayRead.test(e.systemModels()))
                        .ifPresent(e -> result.add(new KnowledgeHit(KnowledgeRef.faq(e.id()), e.version(),
                                e.question(), clip(e.answer(), SUMMARY_MAX), true, hit.score())));
            }
        }
        return result;
    }

    private void ensureLoaded(TenantId tenant) {
        if (!loaded.contains(tenant)) {
            if (index.count(tenant) > 0) {
                loaded.add(tenant);
            } else {
                rebuild(tenant);
            }
        }
    }

    private Optional<String> modelOf(StorageTransaction tx, Actor actor, Optional<SystemId> system, String field) {
        if (system.isEmpty()) {
            return Optional.empty();
        }
        SupportedSystem found = system(tx, actor.tenant(), system.get())
                .filter(s -> commands.policy().canSeeOrganization(actor, s.organization()))
                .orElse(null);
        if (found == null) {
            new FieldErrors().add(field, "exists", "no supported system '" + system.get() + "' is visible")
                    .throwIfAny();
        }
        return Optional.of(found.model());
    }

    private static Optional<String> modelOf(StorageTransaction tx, Request request) {
        if (request.system().isEmpty()) {
            return Optional.empty();
        }
        Optional<SupportedSystem> system = system(tx, request.tenant(), request.system().get());
        return system.map(SupportedSystem::model);
    }

    private static Optional<SupportedSystem> system(StorageTransaction tx, TenantId tenant, SystemId id) {
        return tx.findDirectoryEntry(tenant, SupportedSystem.class, id.value());
    }

    /**
     * Which knowledge a reader may see by its system models: staff everything; a customer representative
     * what is for every model (no models named) or for a model one of their organisation's systems has, so an
     * entry about another customer's equipment does not reveal that equipment.
     */
    private static Predicate<Set<String>> readableModels(StorageTransaction tx, Actor actor) {
        if (!isCustomer(actor)) {
            return models -> true;
        }
        // the organisation's models are read once, and only if some entry names models at all
        Set<String> own = new HashSet<>();
        boolean[] read = new boolean[1];
        return models -> {
            if (models.isEmpty()) {
                return true;
            }
            if (!read[0]) {
                tx.listDirectoryEntries(actor.tenant(), SupportedSystem.class, actor.organization())
                        .forEach(system -> own.add(system.model().strip()));
                read[0] = true;
            }
            return models.stream().anyMatch(m -> own.contains(m.strip()));
        };
    }

    private static boolean isCustomer(Actor actor) {
        return actor.role() == Role.CUSTOMER_REPRESENTATIVE;
    }

    private static void validate(ArticleDraft draft) {
        FieldErrors errors = new FieldErrors();
        if (!errors.required("article", draft)) {
            errors.throwIfAny();
        }
        errors.requiredText("article.problem", draft.problem(), TITLE_MAX);
        errors.maxLength("article.symptoms", draft.symptoms(), TEXT_MAX);
        errors.maxLength("article.systemVersions", draft.systemVersions(), 200);
        if (draft.steps().size() > STEPS_MAX) {
            errors.add("article.steps", "max-size", "at most " + STEPS_MAX + " steps, got " + draft.steps().size());
        }
        for (int i = 0; i < draft.steps().size(); i++) {
            errors.requiredText("article.steps[" + i + "]", draft.steps().get(i), STEP_MAX);
        }
        validateModels(errors, "article.systemModels", draft.systemModels());
        errors.throwIfAny();
    }

    private static void validateModels(FieldErrors errors, String field, Set<String> models) {
        if (models == null || !errors.maxSize(field, models, MAX_MODELS)) {
            return;
        }
        for (String model : models) {
            if (model == null || model.isBlank() || model.length() > 100) {
                errors.add(field, "model", "every model must be 1 to 100 non-blank characters, got "
                        + (model == null ? "null" : model.length() + " characters"));
            } else if (!errors.characters(field, model, true)) {
                return;
            }
        }
    }

    private static Article article(ArticleId id, int version, ArticleStatus status, ArticleDraft draft,
                                   Optional<RequestId> source, Actor actor, Instant now) {
        return new Article(id, version, status, draft.problem().strip(),
                draft.symptoms() == null ? "" : draft.symptoms().strip(),
                draft.steps().stream().map(String::strip).toList(), normalise(draft.systemModels()),
                Optional.ofNullable(draft.systemVersions()).map(String::strip).filter(v -> !v.isEmpty()),
                draft.typical(), draft.customerVisible(), source, actor.id(), now);
    }

    private Article withStatus(Article current, ArticleStatus status, Actor actor) {
        return new Article(current.id(), current.version() + 1, status, current.problem(), current.symptoms(),
                current.steps(), current.systemModels(), current.systemVersions(), current.typical(),
                current.customerVisible(), current.sourceRequest(), actor.id(), commands.now());
    }

    private static Set<String> normalise(Set<String> models) {
        Set<String> result = new LinkedHashSet<>();
        if (models != null) {
            models.forEach(m -> result.add(m.strip()));
        }
        return result;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A new article id: {@code KB-} and 12 random hexadecimal digits. */
    private static ArticleId newArticleId() {
        return ArticleId.of("KB-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase());
    }
}
