package dev.supportkit.core.knowledge;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleDraft;
import dev.supportkit.api.knowledge.ArticleId;
import dev.supportkit.api.knowledge.ArticleStatus;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.api.knowledge.KnowledgeHit;
import dev.supportkit.api.knowledge.KnowledgeQuery;
import dev.supportkit.api.knowledge.KnowledgeService;
import dev.supportkit.api.request.RequestId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The solution base and the FAQ (A/01.3, A/02.3, B/01.6). */
public final class DefaultKnowledgeService implements KnowledgeService {
    /** Creates the service. */
    @Inject
    public DefaultKnowledgeService() {
    }

    private static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Article createArticle(Actor actor, ArticleDraft draft) {
        throw todo();
    }

    @Override
    public Article reviseArticle(Actor actor, ArticleId id, int version, ArticleDraft draft) {
        throw todo();
    }

    @Override
    public Article submitArticleForReview(Actor actor, ArticleId id, int version) {
        throw todo();
    }

    @Override
    public Article publishArticle(Actor actor, ArticleId id, int version) {
        throw todo();
    }

    @Override
    public Article returnArticleToDraft(Actor actor, ArticleId id, int version) {
        throw todo();
    }

    @Override
    public Article archiveArticle(Actor actor, ArticleId id, int version) {
        throw todo();
    }

    @Override
    public Article draftArticleFromRequest(Actor actor, RequestId request) {
        throw todo();
    }

    @Override
    public Article article(Actor actor, ArticleId id) {
        throw todo();
    }

    @Override
    public List<Article> articleHistory(Actor actor, ArticleId id) {
        throw todo();
    }

    @Override
    public List<Article> articles(Actor actor, Optional<ArticleStatus> status) {
        throw todo();
    }

    @Override
    public FaqEntry saveFaqEntry(Actor actor, FaqId id, int version, String question, String answer,
                                 Set<String> systemModels) {
        throw todo();
    }

    @Override
    public FaqEntry retireFaqEntry(Actor actor, FaqId id, int version) {
        throw todo();
    }

    @Override
    public List<FaqEntry> faq(Actor actor, Optional<SystemId> system) {
        throw todo();
    }

    @Override
    public List<KnowledgeHit> search(Actor actor, KnowledgeQuery query) {
        throw todo();
    }

    @Override
    public List<KnowledgeHit> suggestionsFor(Actor actor, RequestId request) {
        throw todo();
    }

    @Override
    public int reindex(Actor actor) {
        throw todo();
    }
}
