package dev.supportkit.core.internal.security;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.work.PlanTask;
import dev.supportkit.api.work.WorkPlan;
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
    private final boolean planVisible;

    /**
     * @param settings the engine's settings: whether customers see work plans ({@code supportkit.work.*})
     */
    @jakarta.inject.Inject
    public CustomerView(dev.supportkit.core.internal.config.EngineSettings settings) {
        this(settings.work().planVisibleToCustomer());
    }

    /**
     * @param planVisible whether customers see a request's work plan (without executors' notes)
     */
    public CustomerView(boolean planVisible) {
        this.planVisible = planVisible;
    }

    /**
     * Returns what the actor may see of a service's result.
     *
     * @param actor  who called, or null
     * @param result what the service returned
     * @return the result, with internal parts removed for a customer representative
     */
    public Object of(Actor actor, Object result) {
        if (actor == null || actor.role() != Role.CUSTOMER_REPRESENTATIVE || result == null) {
            return result;
        }
        return visible(result);
    }

    private Object visible(Object value) {
        if (value instanceof Request request) {
            if (request.vendorCase().isEmpty() && (request.workPlan().isEmpty() || planVisible
                    && request.workPlan().get().tasks().stream().allMatch(t -> t.doneNote().isEmpty()))) {
                return request;
            }
            Request.Builder seen = request.toBuilder().vendorCase(null);
            return seen.workPlan(planVisible ? request.workPlan().map(CustomerView::withoutNotes).orElse(null) : null)
                    .build();
        }
        if (value instanceof Article article) {
            return article.sourceRequest().isEmpty() ? article : new Article(article.id(), article.version(),
                    article.status(), article.problem(), article.symptoms(), article.steps(), article.systemModels(),
                    article.systemVersions(), article.typical(), article.customerVisible(), Optional.empty(),
                    article.author(), article.updatedAt());
        }
        if (value instanceof List<?> list && !list.isEmpty()
                && (list.get(0) instanceof Request || list.get(0) instanceof Article)) {
            return list.stream().map(this::visible).toList();
        }
        if (value instanceof RequestPage page) {
            return new RequestPage(page.requests().stream().map(r -> (Request) visible(r)).toList(), page.nextCursor());
        }
        if (value instanceof Stream<?> stream) {
            return stream.map(this::visible);
        }
        if (value instanceof Optional<?> optional && optional.isPresent()) {
            return optional.map(this::visible);
        }
        return value;
    }

    /** The plan's milestones: its tasks without the executors' notes on finishing them. */
    private static WorkPlan withoutNotes(WorkPlan plan) {
        return new WorkPlan(plan.state(), plan.revision(), plan.tasks().stream().map(t -> new PlanTask(t.key(),
                t.executor(), t.description(), t.workingTime(), t.due(), t.dependsOn(), t.approved(), t.status(),
                t.doneAt(), Optional.empty())).toList(), plan.approvedBy(), plan.approvedAt());
    }
}
