package dev.supportkit.api.knowledge;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The single solution base and the FAQ (A/01.3 "put solutions into the base", A/02.3, B/01.6).
 * Articles are written by staff, reviewed by an intake lead or a group lead, and found by search once
 * published; customers find only published customer-visible articles and FAQ entries. Commands that
 * change an article take the version last read and fail with
 * {@link dev.supportkit.api.error.ConcurrencyConflictException} when it changed meanwhile.
 */
public interface KnowledgeService {
    /**
     * Writes a new article, as a draft.
     *
     * @param actor staff (not an auditor)
     * @param draft the content
     * @return version 1, {@link ArticleStatus#DRAFT}
     */
    Article createArticle(Actor actor, ArticleDraft draft);

    /**
     * Changes an article's content. The new version is a draft; when the article was published, its
     * published version stays searchable until the new version is published.
     *
     * @param actor   staff (not an auditor)
     * @param id      the article
     * @param version the version last read
     * @param draft   the new content
     * @return the new version
     */
    Article reviseArticle(Actor actor, ArticleId id, int version, ArticleDraft draft);

    /**
     * Sends a draft for review; it must have at least one solution step.
     *
     * @param actor   staff (not an auditor)
     * @param id      the article
     * @param version the version last read
     * @return the new version, {@link ArticleStatus#IN_REVIEW}
     */
    Article submitArticleForReview(Actor actor, ArticleId id, int version);

    /**
     * Approves an article in review; search finds it from now on.
     *
     * @param actor   an intake lead or a group lead
     * @param id      the article
     * @param version the version last read
     * @return the new version, {@link ArticleStatus#PUBLISHED}
     */
    Article publishArticle(Actor actor, ArticleId id, int version);

    /**
     * Sends an article in review back to its author.
     *
     * @param actor   an intake lead or a group lead
     * @param id      the article
     * @param version the version last read
     * @return the new version, {@link ArticleStatus#DRAFT}
     */
    Article returnArticleToDraft(Actor actor, ArticleId id, int version);

    /**
     * Withdraws a published article; search no longer finds it.
     *
     * @param actor   an intake lead or a group lead
     * @param id      the article
     * @param version the version last read
     * @return the new version, {@link ArticleStatus#ARCHIVED}
     */
    Article archiveArticle(Actor actor, ArticleId id, int version);

    /**
     * "Put the solution into the base": drafts an article from a resolved request, pre-filled with its
     * subject (the problem), its description and questionnaire answers (the symptoms), its resolution
     * (the steps) and its system's model. The request's journal records it.
     *
     * @param actor   staff (not an auditor)
     * @param request a resolved, signed-off or closed request
     * @return the new draft, with the request as its source
     */
    Article draftArticleFromRequest(Actor actor, RequestId request);

    /**
     * An article: for staff its latest version, for a customer representative its latest published
     * version, and only when it is customer-visible.
     *
     * @param actor anyone of the tenant
     * @param id    the article
     * @return the article
     */
    Article article(Actor actor, ArticleId id);

    /**
     * Every version of an article, oldest first.
     *
     * @param actor staff
     * @param id    the article
     * @return the versions
     */
    List<Article> articleHistory(Actor actor, ArticleId id);

    /**
     * The latest version of every article, optionally only those in one status, ordered by id.
     *
     * @param actor  staff
     * @param status only this status, if present
     * @return the articles
     */
    List<Article> articles(Actor actor, Optional<ArticleStatus> status);

    /**
     * Creates or changes a FAQ entry; it is found by search at once.
     *
     * @param actor        staff (not an auditor)
     * @param id           the entry
     * @param version      0 for a new entry, else the version last read
     * @param question     the question; required, at most 300 characters
     * @param answer       the answer; required, at most 10000 characters
     * @param systemModels the system models it is about; empty for every model
     * @return the stored version
     */
    FaqEntry saveFaqEntry(Actor actor, FaqId id, int version, String question, String answer,
                          Set<String> systemModels);

    /**
     * Retires a FAQ entry; it is no longer shown or found.
     *
     * @param actor   staff (not an auditor)
     * @param id      the entry
     * @param version the version last read
     * @return the new version, inactive
     */
    FaqEntry retireFaqEntry(Actor actor, FaqId id, int version);

    /**
     * The active FAQ entries, optionally only those about one supported system's model, ordered by id.
     *
     * @param actor  anyone of the tenant (a customer representative only for their organisation's systems)
     * @param system only entries about this system's model (or about every model), if present
     * @return the entries
     */
    List<FaqEntry> faq(Actor actor, Optional<SystemId> system);

    /**
     * Searches published articles and active FAQ entries, best match first. A customer representative
     * finds only customer-visible knowledge.
     *
     * @param actor anyone of the tenant
     * @param query the query
     * @return the hits
     */
    List<KnowledgeHit> search(Actor actor, KnowledgeQuery query);

    /** The most hits {@link #suggestionsFor(Actor, RequestId)} returns. */
    int MAX_SUGGESTIONS = 5;

    /**
     * Suggests knowledge for a request: a search for its {@link #suggestionText(Request) suggestion text},
     * filtered by its system's model, of every knowledge kind the actor may read.
     *
     * @param actor staff, or the request's customer representative (customer-visible knowledge only)
     * @param request the request
     * @return at most {@value #MAX_SUGGESTIONS} hits, best first
     */
    List<KnowledgeHit> suggestionsFor(Actor actor, RequestId request);

    /**
     * The text searched for a request's suggestions: its subject, description, questionnaire answers and
     * problem category (the category's parts as words).
     *
     * @param request the request
     * @return the text
     */
    static String suggestionText(Request request) {
        StringBuilder text = new StringBuilder(request.subject()).append(' ').append(request.description());
        request.intake().answers().values().forEach(values -> values.forEach(v -> text.append(' ').append(v)));
        request.category().ifPresent(c -> text.append(' ').append(c.replace('/', ' ').replace('-', ' ')));
        return text.toString();
    }

    /**
     * Rebuilds the tenant's search index from storage, e.g. after replacing the index provider.
     *
     * @param actor an administrator
     * @return how many documents were indexed
     */
    int reindex(Actor actor);
}
