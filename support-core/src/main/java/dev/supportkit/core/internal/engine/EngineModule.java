package dev.supportkit.core.internal.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.TypeLiteral;
import dev.supportkit.api.consulting.ConsultingService;
import dev.supportkit.api.knowledge.KnowledgeService;
import dev.supportkit.api.directory.DirectoryService;
import dev.supportkit.api.escalation.EscalationService;
import dev.supportkit.api.work.WorkService;
import dev.supportkit.api.intake.IntakeService;
import dev.supportkit.api.journal.JournalService;
import dev.supportkit.api.quality.QualityService;
import dev.supportkit.api.reports.ReportService;
import dev.supportkit.api.resolution.ResolutionService;
import dev.supportkit.api.scheduling.SchedulingService;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.consulting.DefaultConsultingService;
import dev.supportkit.core.internal.knowledge.DefaultKnowledgeService;
import dev.supportkit.core.internal.knowledge.KnowledgeStore;
import dev.supportkit.core.internal.directory.DefaultDirectoryService;
import dev.supportkit.core.internal.escalation.DefaultEscalationService;
import dev.supportkit.core.internal.handling.DefaultWorkService;
import dev.supportkit.core.internal.events.EventDelivery;
import dev.supportkit.core.internal.events.EventPublishingHook;
import dev.supportkit.core.internal.events.EventTargets;
import dev.supportkit.core.internal.intake.DefaultIntakeService;
import dev.supportkit.core.internal.intake.MassIncidents;
import dev.supportkit.core.internal.intake.QuestionnaireCatalog;
import dev.supportkit.core.internal.intake.QuestionnaireLoader;
import dev.supportkit.core.internal.intake.RequestImporter;
import dev.supportkit.core.internal.intake.RequestRegistration;
import dev.supportkit.core.internal.jobs.DueWorkProcessor;
import dev.supportkit.core.internal.jobs.ExecutorDeadlineHandler;
import dev.supportkit.core.internal.jobs.PlanTaskDeadlineHandler;
import dev.supportkit.core.internal.security.CustomerView;
import dev.supportkit.core.internal.storage.FileSystemBlobStore;
import dev.supportkit.core.internal.jobs.TimerHandler;
import dev.supportkit.core.internal.journal.DefaultJournalService;
import dev.supportkit.core.internal.journal.JournalBookkeeping;
import dev.supportkit.core.internal.journal.JournalKeys;
import dev.supportkit.core.internal.journal.JournalWriter;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.notify.MessageTemplates;
import dev.supportkit.core.internal.notify.NotificationChannels;
import dev.supportkit.core.internal.notify.OutboxDispatcher;
import dev.supportkit.core.internal.notify.OutboxTarget;
import dev.supportkit.core.internal.sla.Calendars;
import dev.supportkit.core.internal.sla.SlaClock;
import dev.supportkit.core.internal.sla.SlaDeadlineHook;
import dev.supportkit.core.internal.sla.SlaLifecycle;
import dev.supportkit.core.internal.sla.SlaTimerHandler;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.core.internal.quality.DefaultQualityService;
import dev.supportkit.core.internal.reports.DefaultReportService;
import dev.supportkit.core.internal.inform.OutboxMessageHook;
import dev.supportkit.core.internal.jobs.TimerSchedulingHook;
import dev.supportkit.core.internal.request.CommandHook;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.resolution.DefaultResolutionService;
import dev.supportkit.core.internal.scheduling.DefaultSchedulingService;
import dev.supportkit.core.internal.security.AccessPolicy;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.storage.StorageProvider;
import java.util.Optional;
import java.time.Clock;

/**
 * Wires one engine's internals. One injector per engine, no static state: engines are independent.
 */
final class EngineModule extends AbstractModule {
    private final Clock clock;
    private final EngineSettings settings;
    private final JacksonCodec codec;
    private final StorageProvider storage;
    private final NotificationChannels channels;
    private final MessageTemplates templates;
    private final Calendars calendars;
    private final SearchIndex searchIndex;
    private final EventTargets eventTargets;

    EngineModule(Clock clock, EngineSettings settings, JacksonCodec codec, StorageProvider storage,
                 NotificationChannels channels, MessageTemplates templates, Calendars calendars,
                 SearchIndex searchIndex, EventTargets eventTargets) {
        this.eventTargets = eventTargets;
        this.searchIndex = searchIndex;
        this.calendars = calendars;
        this.clock = clock;
        this.settings = settings;
        this.codec = codec;
        this.storage = storage;
        this.channels = channels;
        this.templates = templates;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(Clock.class).toInstance(clock);
        bind(EngineSettings.class).toInstance(settings);
        bind(JacksonCodec.class).toInstance(codec);
        bind(StorageProvider.class).toInstance(storage);
        // attachments: files in a directory when configured, else the storage provider's own blob store
        bind(new TypeLiteral<Optional<BlobStore>>() { }).toInstance(settings.work().attachmentDirectory()
                .<BlobStore>map(FileSystemBlobStore::new).or(storage::blobs));
        bind(SearchIndex.class).toInstance(searchIndex);
        bind(NotificationChannels.class).toInstance(channels);
        bind(MessageTemplates.class).toInstance(templates);
        bind(Calendars.class).toInstance(calendars);
        bind(SlaClock.class).in(Singleton.class);
        bind(SlaLifecycle.class).in(Singleton.class);
        bind(SlaTimerHandler.class).in(Singleton.class);
        bind(OutboxDispatcher.class).in(Singleton.class);
        bind(AccessPolicy.class).in(Singleton.class);
        bind(JournalWriter.class).in(Singleton.class);
        bind(dev.supportkit.core.internal.journal.TenantLogs.class).in(Singleton.class);
        bind(JournalKeys.class).in(Singleton.class);
        bind(UnitOfWork.class).in(Singleton.class);
        bind(RequestCommands.class).in(Singleton.class);
        bind(JournalBookkeeping.class).to(RequestCommands.class);
        // Hooks of the command pipeline; a capability adds its own binding here, commands stay untouched.
        Multibinder<CommandHook> hooks = Multibinder.newSetBinder(binder(), CommandHook.class);
        hooks.addBinding().to(OutboxMessageHook.class);
        bind(OutboxMessageHook.class).in(Singleton.class);
        hooks.addBinding().to(TimerSchedulingHook.class);
        bind(TimerSchedulingHook.class).in(Singleton.class);
        hooks.addBinding().to(SlaDeadlineHook.class);
        bind(SlaDeadlineHook.class).in(Singleton.class);
        bind(EventTargets.class).toInstance(eventTargets);
        hooks.addBinding().to(dev.supportkit.core.internal.quality.SurveyHook.class);
        bind(dev.supportkit.core.internal.quality.SurveyHook.class).in(Singleton.class);
        bind(dev.supportkit.core.internal.quality.SurveyTokens.class).in(Singleton.class);
        hooks.addBinding().to(EventPublishingHook.class);
        bind(EventPublishingHook.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), OutboxTarget.class).addBinding().to(EventDelivery.class);
        bind(EventDelivery.class).in(Singleton.class);
        Multibinder<dev.supportkit.core.internal.jobs.PeriodicWork> periodic = Multibinder.newSetBinder(binder(),
                dev.supportkit.core.internal.jobs.PeriodicWork.class);
        periodic.addBinding().to(dev.supportkit.core.internal.reports.DigestScheduler.class);
        bind(dev.supportkit.core.internal.reports.DigestScheduler.class).in(Singleton.class);
        periodic.addBinding().to(dev.supportkit.core.internal.audit.CheckpointScheduler.class);
        bind(dev.supportkit.core.internal.audit.CheckpointScheduler.class).in(Singleton.class);
        Multibinder<TimerHandler> timerHandlers = Multibinder.newSetBinder(binder(), TimerHandler.class);
        timerHandlers.addBinding().to(ExecutorDeadlineHandler.class);
        timerHandlers.addBinding().to(PlanTaskDeadlineHandler.class);
        timerHandlers.addBinding().to(SlaTimerHandler.class);
        bind(IntakeService.class).to(DefaultIntakeService.class).in(Singleton.class);
        bind(DefaultIntakeService.class);
        bind(RequestRegistration.class).in(Singleton.class);
        // Intake asks the started CRM adapters to recognise callers (the same adapters the events push to).
        bind(new TypeLiteral<java.util.Map<String, dev.supportkit.spi.crm.CrmAdapter>>() { })
                .toInstance(eventTargets.crm());
        bind(dev.supportkit.core.internal.intake.CallerLookup.class).in(Singleton.class);
        bind(RequestImporter.class).in(Singleton.class);
        bind(QuestionnaireCatalog.class).in(Singleton.class);
        bind(QuestionnaireLoader.class).in(Singleton.class);
        bind(MassIncidents.class).in(Singleton.class);
        bind(ConsultingService.class).to(DefaultConsultingService.class).in(Singleton.class);
        bind(DefaultConsultingService.class);
        bind(KnowledgeService.class).to(DefaultKnowledgeService.class).in(Singleton.class);
        bind(DefaultKnowledgeService.class);
        bind(KnowledgeStore.class).in(Singleton.class);
        bind(EscalationService.class).to(DefaultEscalationService.class).in(Singleton.class);
        bind(DefaultEscalationService.class);
        bind(WorkService.class).to(DefaultWorkService.class).in(Singleton.class);
        bind(DefaultWorkService.class);
        bind(SchedulingService.class).to(DefaultSchedulingService.class).in(Singleton.class);
        bind(DefaultSchedulingService.class);
        bind(ResolutionService.class).to(DefaultResolutionService.class).in(Singleton.class);
        bind(DefaultResolutionService.class);
        bind(QualityService.class).to(DefaultQualityService.class).in(Singleton.class);
        bind(DefaultQualityService.class);
        bind(JournalService.class).to(DefaultJournalService.class).in(Singleton.class);
        bind(DefaultJournalService.class);
        bind(ReportService.class).to(DefaultReportService.class).in(Singleton.class);
        bind(DefaultReportService.class);
        bind(ExecutorDeadlineHandler.class).in(Singleton.class);
        bind(PlanTaskDeadlineHandler.class).in(Singleton.class);
        bind(CustomerView.class).in(Singleton.class);
        bind(DueWorkProcessor.class).in(Singleton.class);
        bind(DirectoryService.class).to(DefaultDirectoryService.class).in(Singleton.class);
        bind(DefaultDirectoryService.class);
    }
}
