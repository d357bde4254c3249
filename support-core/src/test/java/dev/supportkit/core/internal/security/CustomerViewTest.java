package dev.supportkit.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleId;
import dev.supportkit.api.knowledge.ArticleStatus;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The customer's view drops the internal parts of what a service returns; staff get it unchanged. */
class CustomerViewTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private final Actor customer = Actor.customer("rep-1", "Irina", TENANT, OrganizationId.of("org-a"));
    private final Actor operator = Actor.staff("spc-1", "Anna", Role.FIRST_LINE_OPERATOR, TENANT);
    private final Article drafted = new Article(ArticleId.of("art-1"), 2, ArticleStatus.PUBLISHED, "Calls drop", "",
            List.of("Restart"), Set.of("NT-PBX 300"), Optional.empty(), true, true,
            Optional.of(RequestId.of("req-of-org-b")), "spc-2", Instant.parse("2026-03-12T06:00:00Z"));

    @Test
    @DisplayName("an article's source request is another organisation's business: dropped for customers, in lists too")
    void articleSourceRequest() {
        Article seen = (Article) new CustomerView(false).of(customer, drafted);
        assertEquals(Optional.empty(), seen.sourceRequest());
        assertEquals(drafted.problem(), seen.problem());
        assertEquals(List.of(seen), new CustomerView(false).of(customer, List.of(drafted)));
        assertEquals(Optional.of(seen), new CustomerView(false).of(customer, Optional.of(drafted)));
        assertSame(drafted, new CustomerView(false).of(operator, drafted), "staff see it unchanged");
    }
}
