package dev.supportkit.core.internal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.crm.CrmParty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Intake recognises a caller given by phone number or e-mail address: directory, CRM, or the unknown caller. */
class IntakeCallerLookupTest {
    private static final RepresentativeId UNKNOWN = RepresentativeId.of("rep-unknown-caller");
    private static final OrganizationId UNKNOWN_ORG = OrganizationId.of("org-unknown-callers");

    /** A CRM adapter whose caller lookup the test scripts. */
    static final class ScriptedCrm implements CrmAdapterFactory {
        final AtomicInteger asked = new AtomicInteger();
        volatile Function<String, Optional<CrmParty>> answer = caller -> Optional.empty();
        volatile Optional<Instant> paused = Optional.empty();

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public CrmAdapter create(ProviderContext context) {
            return new CrmAdapter() {
                @Override
                public void pushRequest(Request request, String idempotencyKey) {
                }

                @Override
                public Optional<CrmParty> findCaller(TenantId tenant, String phoneOrEmail) {
                    asked.incrementAndGet();
                    return answer.apply(phoneOrEmail);
                }

                @Override
                public Optional<Instant> pausedUntil() {
                    return paused;
                }
            };
        }
    }

    private final ScriptedCrm crm = new ScriptedCrm();

    private EngineFixture engine(boolean withUnknown, String timeout) {
        Map<String, String> settings = new HashMap<>();
        settings.put("supportkit.intake.caller-lookup.timeout", timeout);
        if (withUnknown) {
            settings.put("supportkit.intake.unknown-caller.representative", UNKNOWN.value());
        }
        EngineFixture fx = new EngineFixture(settings, builder -> builder.crmAdapter(crm));
        fx.engine.directory().saveOrganization(fx.admin, new Organization(UNKNOWN_ORG, "Unknown callers", null));
        fx.engine.directory().saveRepresentative(fx.admin, new Representative(UNKNOWN, UNKNOWN_ORG,
                "Unknown caller", "unknown-callers@support.example", null, false));
        return fx;
    }

    private static ContactDraft.Builder byCaller(EngineFixture fx, String caller) {
        return fx.draft().organization(null).representative(null).system(null).caller(caller);
    }

    private static RequestEvent.CallerLookedUp lookup(EngineFixture fx, Request request) {
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, request.id());
        List<RequestEvent.CallerLookedUp> found = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (entry.event() instanceof RequestEvent.CallerLookedUp event) {
                assertEquals(Visibility.INTERNAL, entry.visibility(), "the customer does not see the lookup");
                found.add(event);
            }
        }
        assertEquals(1, found.size(), "one lookup entry: " + entries);
        return found.get(0);
    }

    @Test
    @DisplayName("a caller whose number a representative of the directory has is registered for them, no CRM asked")
    void directoryFirst() {
        try (EngineFixture fx = engine(true, "2s")) {
            Request request = fx.registered(byCaller(fx, "+7 (495) 000-00-00"));
            assertEquals(fx.otherOrgRep, request.representative());
            assertEquals(fx.otherOrg, request.organization());
            assertEquals("DIRECTORY", lookup(fx, request).outcome());
            assertEquals(0, crm.asked.get(), "the CRM is not asked");
        }
    }

    @Test
    @DisplayName("a caller the CRM knows becomes a representative of the organisation with the company's INN")
    void crmByInn() {
        crm.answer = caller -> caller.equals("+7 916 555-44-33") ? Optional.of(CrmParty.builder().crmContactId("77")
                .contactName("Пётр Иванов").phone("+7 (916) 555-44-33").crmCompanyId("12").companyName("Ромашка")
                .taxNumber("7701234567").build()) : Optional.empty();
        try (EngineFixture fx = engine(true, "2s")) {
            Request request = fx.registered(byCaller(fx, "+7 916 555-44-33"));
            assertEquals(RepresentativeId.of("crm-scripted-ct-77"), request.representative());
            assertEquals(fx.org, request.organization(), "the directory's organisation with INN 7701234567");
            Representative rep = fx.engine.directory().representatives(fx.admin, fx.org).stream()
                    .filter(r -> r.id().equals(request.representative())).findFirst().orElseThrow();
            assertEquals("+79165554433", rep.phone());
            RequestEvent.CallerLookedUp event = lookup(fx, request);
            assertEquals("CRM", event.outcome());
            assertEquals("scripted", event.source());

            // the next call from the same number is recognised in the directory, without asking the CRM again
            int asked = crm.asked.get();
            Request again = fx.registered(byCaller(fx, "+79165554433"));
            assertEquals(request.representative(), again.representative());
            assertEquals("DIRECTORY", lookup(fx, again).outcome());
            assertEquals(asked, crm.asked.get());
        }
    }

    @Test
    @DisplayName("a CRM company without a matching INN is imported as an organisation of its own")
    void crmCompanyImported() {
        crm.answer = caller -> Optional.of(CrmParty.builder().crmContactId("5").contactName("Anna Lee")
                .email("anna@lee.example").crmCompanyId("9").companyName("Lee Ltd").taxNumber("5005005005").build());
        try (EngineFixture fx = engine(false, "2s")) {
            Request request = fx.registered(byCaller(fx, "Anna@Lee.example"));
            assertEquals(OrganizationId.of("crm-scripted-co-9"), request.organization());
            assertEquals("5005005005", fx.engine.directory().organization(fx.admin, request.organization())
                    .taxNumber());
        }
    }

    @Test
    @DisplayName("a CRM that fails, hangs or is paused leaves the contact to the unknown-caller representative")
    void crmDown() {
        try (EngineFixture fx = engine(true, "300ms")) {
            crm.answer = caller -> {
                throw new IllegalStateException("503 Service Unavailable");
            };
            Request failed = fx.registered(byCaller(fx, "+74957770000"));
            assertEquals(UNKNOWN, failed.representative());
            assertEquals(UNKNOWN_ORG, failed.organization());
            RequestEvent.CallerLookedUp event = lookup(fx, failed);
            assertEquals("UNAVAILABLE", event.outcome());
            assertEquals("scripted", event.source());
            assertTrue(event.detail().contains("503"), event.detail());

            CountDownLatch release = new CountDownLatch(1);
            crm.answer = caller -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            };
            try {
                Request slow = fx.registered(byCaller(fx, "+74957770001"));
                assertEquals(UNKNOWN, slow.representative());
                assertTrue(lookup(fx, slow).detail().contains("no answer within 300 ms"), lookup(fx, slow).detail());
            } finally {
                release.countDown();
            }

            crm.paused = Optional.of(fx.clock.instant().plusSeconds(600));
            int asked = crm.asked.get();
            Request paused = fx.registered(byCaller(fx, "+74957770002"));
            assertEquals(UNKNOWN, paused.representative());
            assertEquals(asked, crm.asked.get(), "a paused CRM is not asked");
            assertTrue(lookup(fx, paused).detail().contains("paused until"));
        }
    }

    @Test
    @DisplayName("a caller found nowhere: the unknown-caller representative, or refused naming the setting")
    void unknownCaller() {
        try (EngineFixture fx = engine(true, "2s")) {
            Request request = fx.registered(byCaller(fx, "+74951112233"));
            assertEquals(UNKNOWN, request.representative());
            assertEquals("UNKNOWN", lookup(fx, request).outcome());
        }
        try (EngineFixture fx = engine(false, "2s")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> fx.registered(byCaller(fx, "+74951112233")));
            assertTrue(e.getMessage().contains("contact.caller [recognised]"), e.getMessage());
            assertTrue(e.getMessage().contains("supportkit.intake.unknown-caller.representative"), e.getMessage());
            ValidationException bad = assertThrows(ValidationException.class,
                    () -> fx.registered(byCaller(fx, "call me maybe")));
            assertTrue(bad.getMessage().contains("contact.caller [phone-or-email]"), bad.getMessage());
        }
    }

    @Test
    @DisplayName("a draft naming its representative is registered as it is: the caller is not looked up")
    void representativeGiven() {
        crm.answer = caller -> {
            throw new AssertionError("not asked");
        };
        try (EngineFixture fx = engine(true, "2s")) {
            Request request = fx.registered(fx.draft().caller("+74951112233"));
            assertEquals(fx.rep, request.representative());
            assertTrue(fx.engine.journal().entries(fx.auditor, request.id()).stream()
                    .noneMatch(e -> e.event() instanceof RequestEvent.CallerLookedUp));
            assertEquals(0, crm.asked.get());
        }
    }

    @Test
    @DisplayName("the README's caller configuration is read as documented")
    void readmeExample(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("**Callers by phone or e-mail.**"));
        int open = section.indexOf("```yaml\n") + 8;
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("supportkit.yaml"),
                section.substring(open, section.indexOf("```\n", open)));
        dev.supportkit.core.SupportEngine engine = dev.supportkit.core.SupportEngine.builder()
                .clock(new dev.supportkit.core.testing.MutableClock(EngineFixture.START)).environment(Map.of())
                .configFile(config).set("supportkit.jobs.poll-interval-ms", "0").crmAdapter(crm).build();
        try (EngineFixture fx = new EngineFixture(TenantId.of("acme"), engine)) {
            fx.engine.directory().saveOrganization(fx.admin, new Organization(UNKNOWN_ORG, "Unknown callers", null));
            fx.engine.directory().saveRepresentative(fx.admin, new Representative(RepresentativeId.of("rep-unknown"),
                    UNKNOWN_ORG, "Unknown caller", "unknown-callers@support.example", null, false));
            Request request = fx.registered(byCaller(fx, "+74951112233"));
            assertEquals(RepresentativeId.of("rep-unknown"), request.representative(), "the README's setting");
        }
    }

    @Test
    @DisplayName("a caller timeout above 30 seconds is refused at start")
    void timeoutBounded() {
        Exception e = assertThrows(Exception.class, () -> engine(true, "1m").close());
        assertTrue(e.getMessage().contains("supportkit.intake.caller-lookup.timeout"), e.getMessage());
    }
}
