package dev.supportkit.core.internal.security;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestPage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a customer representative may see of the values a service returns, applied once, where a call
 * leaves the engine: the internal parts are removed, whichever service returned them.
 * <ul>
 *   <li>a {@link Request}: its vendor case (vendor, case number, internal summary and answer) is internal;</li>
 *   <li>an {@link Article}: the request it was drafted from may be another organisation's;</li>
 *   <li>lists and optionals of these, element by element.</li>
 * </ul>
 * Staff, auditors and administrators see everything. Journal entries and knowledge are filtered by
 * visibility where they are read; this covers the fields of values a customer may otherwise see.
 */
public final class CustomerView {
    private CustomerView() {
    }

    /**
     * Returns what the actor may see of a service's result.
     *
     * @param actor  who called, or null
     * @param result what the service returned
     * @return the result, with internal parts removed for a customer representative
     */
    public static Object of(Actor actor, Object result) {
        if (actor == null || actor.role() != Role.CUSTOMER_REPRESENTATIVE || result == null) {
            return result;
        }
        return visible(result);
    }

    private static Object visible(Object value) {
        if (value instanceof Request request) {
            return request.vendorCase().isEmpty() ? request : request.toBuilder().vendorCase(null).build();
        }
        if (value instanceof Article article) {
            return article.sourceRequest().isEmpty() ? article : new Article(article.id(), article.version(),
                    article.status(), article.problem(), article.symptoms(), article.steps(), article.systemModels(),
                    article.systemVersions(), article.typical(), article.customerVisible(), Optional.empty(),
                    article.author(), article.updatedAt());
        }
        if (value instanceof List<?> list && !list.isEmpty()
                && (list.get(0) instanceof Request || list.get(0) instanceof Article)) {
            return list.stream().map(CustomerView::visible).toList();
        }
        if (value instanceof RequestPage page) {
            return new RequestPage(page.requests().stream().map(r -> (Request) visible(r)).toList(), page.nextCursor());
        }
        if (value instanceof Stream<?> stream) {
            return stream.map(CustomerView::visible);
        }
        if (value instanceof Optional<?> optional && optional.isPresent()) {
            return optional.map(CustomerView::visible);
        }
        return value;
    }
}
