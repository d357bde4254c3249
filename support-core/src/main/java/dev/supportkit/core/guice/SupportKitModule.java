package dev.supportkit.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.supportkit.api.SupportServices;
import dev.supportkit.api.consulting.ConsultingService;
import dev.supportkit.api.knowledge.KnowledgeService;
import dev.supportkit.api.directory.DirectoryService;
import dev.supportkit.api.escalation.EscalationService;
import dev.supportkit.api.intake.IntakeService;
import dev.supportkit.api.journal.JournalService;
import dev.supportkit.api.quality.QualityService;
import dev.supportkit.api.reports.ReportService;
import dev.supportkit.api.resolution.ResolutionService;
import dev.supportkit.api.scheduling.SchedulingService;
import dev.supportkit.core.SupportEngine;
import java.util.Objects;
import java.util.function.Function;

/**
 * For applications that use Guice themselves: binds a {@link SupportEngine} built from the given
 * builder, {@link SupportServices} and every service interface, as singletons. The engine's own
 * internals live in a separate injector and do not leak into the application's.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new SupportKitModule(SupportEngine.builder().configFile(path)));
 * IntakeService intake = injector.getInstance(IntakeService.class);
 * }</pre>
 *
 * The application closes the engine ({@code injector.getInstance(SupportEngine.class).close()}).
 */
public final class SupportKitModule extends AbstractModule {
    private final SupportEngine.Builder builder;

    /**
     * @param builder the configured engine builder; built once, when the engine is first needed
     */
    public SupportKitModule(SupportEngine.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Provides
    @Singleton
    SupportEngine engine() {
        return builder.build();
    }

    @Provides
    @Singleton
    SupportServices services(SupportEngine engine) {
        return engine;
    }

    @Override
    protected void configure() {
        bindService(IntakeService.class, SupportServices::intake);
        bindService(ConsultingService.class, SupportServices::consulting);
        bindService(KnowledgeService.class, SupportServices::knowledge);
        bindService(EscalationService.class, SupportServices::escalation);
        bindService(SchedulingService.class, SupportServices::scheduling);
        bindService(ResolutionService.class, SupportServices::resolution);
        bindService(QualityService.class, SupportServices::quality);
        bindService(JournalService.class, SupportServices::journal);
        bindService(ReportService.class, SupportServices::reports);
        bindService(DirectoryService.class, SupportServices::directory);
    }

    /** Binds a service interface to the engine's instance of it. */
    private <T> void bindService(Class<T> type, Function<SupportServices, T> accessor) {
        Provider<SupportServices> services = getProvider(SupportServices.class);
        bind(type).toProvider(() -> accessor.apply(services.get()));
    }
}
