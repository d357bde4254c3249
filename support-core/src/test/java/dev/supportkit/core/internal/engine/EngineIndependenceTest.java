package dev.supportkit.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.supportkit.api.SupportServices;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.consulting.ConsultingService;
import dev.supportkit.api.directory.DirectoryService;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.escalation.EscalationService;
import dev.supportkit.api.intake.IntakeService;
import dev.supportkit.api.journal.JournalService;
import dev.supportkit.api.knowledge.KnowledgeService;
import dev.supportkit.api.quality.QualityService;
import dev.supportkit.api.reports.ReportService;
import dev.supportkit.api.resolution.ResolutionService;
import dev.supportkit.api.scheduling.SchedulingService;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.guice.SupportKitModule;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Engines share nothing; the public Guice module exposes one engine's services. */
class EngineIndependenceTest {

    @Test
    @DisplayName("two engines in one JVM are independent")
    void twoEnginesShareNothing() {
        try (EngineFixture first = new EngineFixture(); EngineFixture second = new EngineFixture()) {
            Request request = first.registered();
            assertThrows(NotFoundException.class, () -> second.engine.quality().request(second.auditor, request.id()));
            assertEquals(0, second.engine.quality().requests(second.auditor, RequestQuery.all()).size());
            assertNotSame(first.engine.intake(), second.engine.intake());
        }
    }

    @Test
    @DisplayName("a closed engine refuses further calls")
    void closedEngine() {
        EngineFixture fx = new EngineFixture();
        fx.close();
        assertThrows(IllegalStateException.class, fx.engine::intake);
        fx.engine.close(); // closing twice is harmless
    }

    @Test
    @DisplayName("the Guice module binds the engine and every service as singletons of one engine")
    void guiceModule() {
        Injector injector = Guice.createInjector(new SupportKitModule(SupportEngine.builder()
                .clock(new MutableClock(EngineFixture.START)).environment(Map.of())));
        SupportEngine engine = injector.getInstance(SupportEngine.class);
        try {
            assertSame(engine, injector.getInstance(SupportEngine.class));
            assertSame(engine, injector.getInstance(SupportServices.class));
            assertSame(engine.intake(), injector.getInstance(IntakeService.class));
            assertSame(engine.consulting(), injector.getInstance(ConsultingService.class));
            assertSame(engine.knowledge(), injector.getInstance(KnowledgeService.class));
            assertSame(engine.escalation(), injector.getInstance(EscalationService.class));
            assertSame(engine.scheduling(), injector.getInstance(SchedulingService.class));
            assertSame(engine.resolution(), injector.getInstance(ResolutionService.class));
            assertSame(engine.quality(), injector.getInstance(QualityService.class));
            assertSame(engine.journal(), injector.getInstance(JournalService.class));
            assertSame(engine.reports(), injector.getInstance(ReportService.class));
            assertSame(engine.directory(), injector.getInstance(DirectoryService.class));
            // the services work end to end through the injected engine
            EngineFixture fx = new EngineFixture(TenantId.of("guice"), engine);
            Request request = fx.registered();
            assertEquals(request, injector.getInstance(QualityService.class).request(fx.auditor, request.id()));
        } finally {
            engine.close();
        }
    }
}
