package dev.supportkit.benchmarks;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Priority;
import dev.supportkit.core.SupportEngine;
import java.util.List;
import java.util.Map;

/** An engine on the JDBC plugin over a benchmark schema, with one customer in its directory. */
final class Fixture implements AutoCloseable {
    static final TenantId TENANT = TenantId.of("bench");
    static final OrganizationId ORG = OrganizationId.of("org-1");
    static final RepresentativeId REP = RepresentativeId.of("rep-1");
    static final SystemId SYSTEM = SystemId.of("sys-1");

    final SupportEngine engine;
    final Actor admin = Actor.staff("admin", "Admin", Role.ADMINISTRATOR, TENANT);
    final Actor operator = Actor.staff("op", "Operator", Role.FIRST_LINE_OPERATOR, TENANT);

    Fixture(BenchDatabase db, int poolSize) {
        this(db, poolSize, Map.of());
    }

    /**
     * @param db       the schema to store in
     * @param poolSize connections in the pool
     * @param settings further engine settings
     */
    Fixture(BenchDatabase db, int poolSize, Map<String, String> settings) {
        this(db, poolSize, settings, builder -> { });
    }

    /**
     * @param db        the schema to store in
     * @param poolSize  connections in the pool
     * @param settings  further engine settings
     * @param customize applied to the builder before it builds (event sinks, listeners)
     */
    Fixture(BenchDatabase db, int poolSize, Map<String, String> settings,
            java.util.function.Consumer<SupportEngine.Builder> customize) {
        SupportEngine.Builder builder = SupportEngine.builder().environment(Map.of());
        settings.forEach(builder::set);
        customize.accept(builder);
        engine = db.storeIn(builder, poolSize).build();
        engine.directory().saveOrganization(admin, new Organization(ORG, "Benchmark LLC", "7700000000"));
        engine.directory().saveRepresentative(admin, new Representative(REP, ORG, "Irina Petrova",
                "irina@example.com", null, false));
        engine.directory().saveSystem(admin, new SupportedSystem(SYSTEM, ORG, "PBX", "Nordtel", "NT-300", false,
                List.of()));
    }

    /**
     * A phone contact of typical size. Always a new request: the customer's open request about the same system
     * would otherwise take every further contact.
     */
    static ContactDraft contact() {
        return ContactDraft.builder().organization(ORG).representative(REP).system(SYSTEM).channel(Channel.PHONE)
                .priority(Priority.HIGH).subject("No incoming calls reach the office")
                .text("Since 09:00 callers hear a busy tone; internal calls work. Restarting did not help.")
                .newRequest(true).build();
    }

    @Override
    public void close() {
        engine.close();
    }
}
