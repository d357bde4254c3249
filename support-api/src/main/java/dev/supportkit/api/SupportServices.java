package dev.supportkit.api;

import dev.supportkit.api.consulting.ConsultingService;
import dev.supportkit.api.directory.DirectoryService;
import dev.supportkit.api.escalation.EscalationService;
import dev.supportkit.api.work.WorkService;
import dev.supportkit.api.intake.IntakeService;
import dev.supportkit.api.knowledge.KnowledgeService;
import dev.supportkit.api.journal.JournalService;
import dev.supportkit.api.quality.QualityService;
import dev.supportkit.api.reports.ReportService;
import dev.supportkit.api.resolution.ResolutionService;
import dev.supportkit.api.scheduling.SchedulingService;

/**
 * The services of a running SupportKit engine, one per area of professional standard 06.024,
 * plus the read side. Application code can depend on this interface alone.
 */
public interface SupportServices {
    /**
     * Returns intake: taking and registering contacts (A/01.3).
     *
     * @return intake: taking and registering contacts (A/01.3)
     */
    IntakeService intake();

    /**
     * Returns consulting: instructions and answers to customers (A/02.3, B/01.6).
     *
     * @return consulting: instructions and answers to customers (A/02.3, B/01.6)
     */
    ConsultingService consulting();

    /**
     * Returns the solution base and the FAQ.
     *
     * @return the solution base and the FAQ
     */
    KnowledgeService knowledge();

    /**
     * Returns escalation: redirecting requests between lines and groups (A/02.3, B/01.6, D/01.7).
     *
     * @return escalation: redirecting requests between lines and groups (A/02.3, B/01.6, D/01.7)
     */
    EscalationService escalation();

    /**
     * Returns day-to-day work on a request: assignment, internal notes, replies (B/01.6, B/02.6, C/03.6,
     * D/01.7).
     *
     * @return day-to-day work on a request
     */
    WorkService work();

    /**
     * Returns scheduling: agreed dates and visits (C/01.6, C/02.6, D/01.7).
     *
     * @return scheduling: agreed dates and visits (C/01.6, C/02.6, D/01.7)
     */
    SchedulingService scheduling();

    /**
     * Returns resolution: diagnosis, fix, joint sign-off (C/02.6, C/03.6).
     *
     * @return resolution: diagnosis, fix, joint sign-off (C/02.6, C/03.6)
     */
    ResolutionService resolution();

    /**
     * Returns quality control: tracking and closing requests (B/02.6, B/03.6, D/02.7).
     *
     * @return quality control: tracking and closing requests (B/02.6, B/03.6, D/02.7)
     */
    QualityService quality();

    /**
     * Returns the read side of the event journal, with hash-chain verification.
     *
     * @return the read side of the event journal, with hash-chain verification
     */
    JournalService journal();

    /**
     * Returns reports over the tenant's requests.
     *
     * @return reports over the tenant's requests
     */
    ReportService reports();

    /**
     * Returns the directory of customers, sites, systems, groups and specialists.
     *
     * @return the directory of customers, sites, systems, groups and specialists
     */
    DirectoryService directory();
}
