package dev.supportkit.examples.quickstart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.consulting.ConsultationRecord;
import dev.supportkit.api.consulting.ConsultingStatistics;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.Department;
import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.knowledge.KnowledgeHit;
import dev.supportkit.api.reports.table.ExportFormat;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.resolution.FailureReport;
import dev.supportkit.api.resolution.FailureStatistics;
import dev.supportkit.api.resolution.InstalledUnit;
import dev.supportkit.api.scheduling.VisitPlan;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.api.scheduling.WorksKind;
import dev.supportkit.api.scheduling.WorksOrder;
import dev.supportkit.api.scheduling.WorksOutcome;
import dev.supportkit.api.scheduling.WorksProposal;
import dev.supportkit.api.work.TaskCompletion;
import dev.supportkit.api.work.TaskDraft;
import dev.supportkit.api.work.TimeEntry;
import dev.supportkit.api.work.TimeQuery;
import dev.supportkit.api.work.TimeSummary;
import dev.supportkit.api.work.WorkPlan;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.reports.export.PageSize;
import dev.supportkit.reports.export.ReportExporter;
import dev.supportkit.reports.export.ReportTables;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Walks one request through its whole life on the embedded default store (the JDBC plugin with an H2
 * database in {@code ./data/quickstart}, so a second run sees the first run's requests): a phone
 * contact taken by first line, a typical instruction that does not help, a redirect to second line,
 * a clarification with the customer, a site visit, the fix, joint sign-off with the customer's
 * representative, and closing. The customer's messages are delivered by the e-mail channel plugin to a
 * local SMTP sink (GreenMail) and printed. Then prints the request's journal with the labour-function
 * code of professional standard 06.024 for every entry, and verifies its hash chain.
 */
public final class Quickstart {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(MOSCOW);

    private Quickstart() {
    }

    /**
     * Runs the demo and prints to standard output.
     *
     * @param args optionally the data directory; {@code ./data/quickstart} by default
     */
    public static void main(String[] args) {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : "data/quickstart");
        ChainVerification result = run(System.out, dataDirectory);
        if (!result.intact()) {
            System.exit(1);
        }
    }

    /**
     * Runs the demo.
     *
     * @param out           where to print
     * @param dataDirectory where the embedded H2 database lives
     * @return the verification of the request's journal
     */
    public static ChainVerification run(PrintStream out, Path dataDirectory) {
        DemoClock clock = new DemoClock(Instant.parse("2026-03-12T06:05:00Z"), MOSCOW);
        TenantId tenant = TenantId.of("nordtel-service");
        GreenMail smtpSink = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtpSink.start();
        // Consumers of the domain events: a listener in this process and an event sink (as a broker plugin).
        EventTap listener = new EventTap();
        EventTap sink = new EventTap();
        try (SupportEngine engine = SupportEngine.builder().clock(clock)
                .eventListener(listener)
                .eventSink(sink.asSink())
                .set("supportkit.storage.provider", "jdbc")
                .set("supportkit.providers.jdbc.data-directory", dataDirectory.toString())
                .set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.providers.email.host", "127.0.0.1")
                .set("supportkit.providers.email.port", Integer.toString(smtpSink.getSmtp().getPort()))
                .set("supportkit.providers.email.security", "none")
                .set("supportkit.providers.email.from", "Служба поддержки Nordtel <support@nordtel.example>")
                // Service levels: deadlines in working time, a warning at 75 %, escalation on a breach.
                .set("supportkit.sla.default-policy", "standard")
                .set("supportkit.sla.policies.standard.calendar", "24x7")
                .set("supportkit.sla.policies.standard.warn-at", "0.75")
                .set("supportkit.sla.policies.standard.on-warning", "notify:galina")
                .set("supportkit.sla.policies.standard.on-breach", "notify:galina, raise-priority, escalate:telephony")
                .set("supportkit.sla.policies.standard.high.first-response", "30m")
                .set("supportkit.sla.policies.standard.high.resolution", "8h")
                .set("supportkit.sla.policies.standard.normal.first-response", "1h")
                .set("supportkit.sla.policies.standard.normal.resolution", "8h")
                // The solution base and FAQ kept in files (one subdirectory per tenant), loaded at start.
                .set("supportkit.knowledge.directory", knowledgeDirectory().toString())
                // Intake flags an emergency when the customer's words say the service is down.
                .set("supportkit.intake.emergency.rules.1.text-contains", "полностью не работает, completely down")
                .set("supportkit.intake.emergency.rules.1.priority", "CRITICAL")
                .build()) {
            // Who takes part: staff of the support service and the customer's responsible representative.
            Actor admin = Actor.staff("admin", "Service administrator", Role.ADMINISTRATOR, tenant);
            Actor anna = Actor.staff("anna", "Anna Smirnova", Role.FIRST_LINE_OPERATOR, tenant);
            Actor viktor = Actor.staff("viktor", "Viktor Orlov", Role.SECOND_LINE_ENGINEER, tenant);
            Actor boris = Actor.staff("boris", "Boris Kuznetsov", Role.INTAKE_LEAD, tenant);
            Actor galina = Actor.staff("galina", "Galina Volkova", Role.GROUP_LEAD, tenant);
            Actor dmitry = Actor.staff("dmitry", "Dmitry Sokolov", Role.SECOND_LINE_ENGINEER, tenant);
            Actor auditor = Actor.staff("audit", "Internal audit", Role.AUDITOR, tenant);
            OrganizationId romashka = OrganizationId.of("romashka");
            Actor irina = Actor.customer("irina", "Irina Petrova", tenant, romashka);

            // Reference data: the customer, their site and the supported PBX with its power supply.
            GroupId telephony = GroupId.of("telephony");
            SiteId office = SiteId.of("romashka-office");
            SystemId pbx = SystemId.of("romashka-pbx");
            ComponentId psu = ComponentId.of("pbx-psu");
            var directory = engine.directory();
            directory.saveOrganization(admin, new Organization(romashka, "Romashka LLC", "7701234567"));
            directory.saveRepresentative(admin, new Representative(RepresentativeId.of("irina"), romashka,
                    "Irina Petrova", "irina.petrova@romashka.example", "+74951234567", false));
            directory.saveSite(admin, new Site(office, romashka, "Head office", "Moscow, Tverskaya st. 1"));
            directory.saveSystem(admin, new SupportedSystem(pbx, romashka, "Office PBX", "Nordtel", "NT-PBX 300", true,
                    List.of(new SystemComponent(psu, ComponentKind.HARDWARE, "NT-PSU 300W", "PSU-2291", office))));
            directory.saveGroup(admin, new SupportGroup(telephony, "Telephony, second line", SupportLine.SECOND_LINE));
            directory.saveSpecialist(admin, new Specialist(SpecialistId.of("viktor"), "Viktor Orlov",
                    Role.SECOND_LINE_ENGINEER, telephony));
            directory.saveSpecialist(admin, new Specialist(SpecialistId.of("galina"), "Galina Volkova",
                    Role.GROUP_LEAD, telephony));
            directory.saveSpecialist(admin, new Specialist(SpecialistId.of("dmitry"), "Dmitry Sokolov",
                    Role.SECOND_LINE_ENGINEER, telephony));
            for (String staff : List.of("galina.volkova", "viktor.orlov", "dmitry.sokolov")) {
                directory.savePreferences(admin, new DeliveryPreferences(staff.substring(0, staff.indexOf('.')),
                        List.of(new ContactPoint(Channel.EMAIL, staff + "@nordtel.example")), null, Locale.ENGLISH));
            }

            List<Request> earlier = engine.quality().requests(auditor, RequestQuery.builder().limit(1000).build());
            out.printf("Data directory %s holds %d request(s) from earlier runs.%n%n", dataDirectory.toAbsolutePath(),
                    earlier.size());

            // 09:05 Irina phones the service desk; Anna registers the contact and takes it into work.
            Request request = engine.intake().registerContact(anna, ContactDraft.builder()
                    .organization(romashka).representative(RepresentativeId.of("irina")).system(pbx)
                    .newRequest(true) // not attached to an open request about the PBX left by an earlier run
                    .channel(Channel.PHONE).priority(Priority.HIGH)
                    .subject("No incoming calls reach the office")
                    .text("Since 09:00 callers hear a busy tone; internal calls work.").build());
            out.println("Told the customer: " + String.join(" ", engine.escalation().deadlinePromises(irina,
                    request.id(), Locale.forLanguageTag("ru"))));
            step(clock, 2);
            request = engine.intake().takeIntoWork(anna, request.ref());
            step(clock, 4);
            request = engine.consulting().recordConsultation(anna, request.ref(),
                    "Restart the PBX from the front panel and wait two minutes.", false);
            step(clock, 6);
            request = engine.escalation().redirect(anna, request.ref(), RedirectTarget.secondLine(telephony),
                    "Typical instruction did not help; suspected trunk or hardware fault");

            // Second line discusses the problem with the customer's representative.
            step(clock, 15);
            request = engine.resolution().requestClarification(viktor, request.ref(),
                    "Are any LEDs on the PBX power supply blinking red?");
            step(clock, 20);
            request = engine.intake().provideClarification(irina, request.ref(), Channel.EMAIL,
                    "Yes, the PSU LED blinks red and the fan is silent.");
            step(clock, 10);
            request = engine.scheduling().scheduleVisit(viktor, request.ref(), new VisitPlan(office,
                    clock.instant().plus(Duration.ofHours(2)), clock.instant().plus(Duration.ofHours(4)),
                    VisitPurpose.REPAIR, "Engineer brings a spare power supply"));

            // The work plan (D/01.7): Viktor drafts two tasks, the group lead Galina approves them, each
            // executor marks theirs done; the approval tells each executor their task and deadline.
            request = engine.work().planWork(viktor, request.ref(), List.of(
                    TaskDraft.builder("diagnose").executor(SpecialistId.of("viktor"))
                            .description("Read the PBX logs remotely and confirm the PSU fault")
                            .within(Duration.ofHours(1)).build(),
                    TaskDraft.builder("spare-psu").executor(SpecialistId.of("dmitry"))
                            .description("Bring a spare NT-PSU 300W from the warehouse to the head office")
                            .within(Duration.ofHours(2)).dependsOn("diagnose").build()));
            step(clock, 5);
            request = engine.work().approvePlan(galina, request.ref());
            step(clock, 30);
            request = engine.work().completeTask(viktor, request.ref(), new TaskCompletion("diagnose",
                    "Logs show PSU over-temperature shutdowns since 08:57", Duration.ofMinutes(25)));
            step(clock, 70);
            request = engine.work().completeTask(dmitry, request.ref(), new TaskCompletion("spare-psu",
                    "Spare PSU delivered to the head office", Duration.ofMinutes(70)));
            WorkPlan plan = request.workPlan().orElseThrow();
            out.printf("Work plan revision %d, %s by %s: %s%n", plan.revision(), plan.state(),
                    plan.approvedBy().map(Object::toString).orElse("-"), plan.tasks().stream()
                            .map(t -> t.key() + " (" + t.executor() + ", " + t.status() + ")").toList());

            // On site: the power supply is replaced; the results are signed off jointly; the lead closes.
            step(clock, 95);
            request = engine.resolution().resolve(viktor, request.ref(), new ResolutionReport(
                    "Replaced the power supply, checked incoming and outgoing calls on all trunks",
                    "Power supply failure (fan seized, overheating)", true, psu));
            // The engineer records the time the repair took (issue 14's time tracking).
            request = engine.work().recordTime(viktor, request.ref(), TimeEntry.of(Duration.ofMinutes(120),
                    LaborFunction.C_03_6, "Replaced the power supply on site"));
            step(clock, 10);
            request = engine.resolution().signOff(irina, request.ref(), "Calls work again, thank you");
            step(clock, 30);
            request = engine.quality().close(boris, request.ref(), "Signed off by the customer; failure recorded");

            TimeSummary time = engine.work().timeSpent(boris, TimeQuery.ofRequest(request.id()));
            out.println("Time recorded on the request: " + time.total().toMinutes() + " min, by function "
                    + time.byFunction().entrySet().stream().map(e -> e.getKey().code() + " " + e.getValue().toMinutes()
                    + " min").sorted().toList());

            // After commit, the outbox worker delivers the customer's messages (normally in the background).
            engine.runDueWork();

            // A second request is taken into work and then neglected: the clock runs past its deadlines.
            Request neglected = engine.intake().registerContact(anna, ContactDraft.builder().organization(romashka)
                    .representative(RepresentativeId.of("irina")).channel(Channel.EMAIL)
                    .subject("Printer on the 3rd floor jams").text("Jams on every second page.").build());
            neglected = engine.intake().takeIntoWork(anna, neglected.ref());
            clock.advance(Duration.ofHours(6).plusMinutes(5));
            engine.runDueWork();
            clock.advance(Duration.ofHours(2));
            engine.runDueWork();
            Request late = engine.quality().request(auditor, neglected.id());
            out.printf("Deadlines of \"%s\", driven by the clock (now %s):%n", late.subject(),
                    TIME.format(clock.instant()));
            engine.journal().entries(auditor, late.id()).stream()
                    .filter(e -> e.event() instanceof RequestEvent.SlaWarning || e.event() instanceof RequestEvent.SlaBreached)
                    .forEach(e -> out.printf("  %s %s %s%n", TIME.format(e.occurredAt()), e.function().code(),
                            e.description()));
            out.printf("  now: priority %s, %s, group %s%n%n", late.priority(), late.status(),
                    late.group().map(Object::toString).orElse("-"));

            printMessages(out, smtpSink.getReceivedMessages());

            List<JournalEntry> journal = engine.journal().entries(auditor, request.id());
            printJournal(out, request, journal);
            engine.runDueWork(); // publishes the events of the entries the last delivery runs journalled
            printEvents(out, "the listener", listener.about(request.id()), journal);
            printEvents(out, "the event sink", sink.about(request.id()), journal);
            int customerVisible = engine.journal().entries(irina, request.id()).size();
            out.printf("%nThe customer's representative sees %d of these entries (the customer-visible ones).%n",
                    customerVisible);
            ChainVerification verification = engine.journal().verify(auditor, request.id());
            out.println(verification.intact()
                    ? "Hash chain verified: all " + verification.entriesChecked() + " entries intact."
                    : "Hash chain BROKEN: " + verification.problem().orElse("?"));

            faqAtFirstContact(out, engine, anna, irina, romashka, pbx);
            emergency(out, engine, anna, romashka, pbx);
            installationWorks(out, engine, clock, smtpSink, admin, anna, viktor, irina, romashka, office, telephony);
            failureRegister(out, engine, clock, admin, anna, viktor, boris, romashka, pbx, psu, telephony);
            qualityControl(out, engine, clock, galina, dataDirectory.resolve("reports"));
            return verification;
        } finally {
            smtpSink.stop();
        }
    }

    /**
     * Installation works for a new branch (C/01.6): proposed to two departments, the commissioning department
     * proposes other dates, both agree, the customer is told; the works are moved once and done, and the
     * customer's representative signs them off. Prints the customer's two messages about the dates.
     */
    private static void installationWorks(PrintStream out, SupportEngine engine, DemoClock clock, GreenMail smtpSink,
                                          Actor admin, Actor anna, Actor viktor, Actor irina, OrganizationId romashka,
                                          SiteId office, GroupId telephony) {
        var directory = engine.directory();
        DepartmentId install = DepartmentId.of("installation");
        DepartmentId commission = DepartmentId.of("commissioning");
        directory.saveSpecialist(admin, new Specialist(SpecialistId.of("ivan"), "Ivan Belov", Role.SECOND_LINE_ENGINEER,
                null));
        directory.saveSpecialist(admin, new Specialist(SpecialistId.of("petr"), "Petr Zaitsev",
                Role.SECOND_LINE_ENGINEER, null));
        directory.saveDepartment(admin, new Department(install, "Installation department", "installation",
                List.of(SpecialistId.of("ivan"))));
        directory.saveDepartment(admin, new Department(commission, "Commissioning department", "commissioning",
                List.of(SpecialistId.of("petr"))));
        for (DepartmentId department : List.of(install, commission)) {
            directory.savePreferences(admin, new DeliveryPreferences(department.value(), List.of(new ContactPoint(
                    Channel.EMAIL, department.value() + "@nordtel.example")), null, Locale.forLanguageTag("ru")));
        }
        Actor ivan = Actor.staff("ivan", "Ivan Belov", Role.SECOND_LINE_ENGINEER, irina.tenant());
        Actor petr = Actor.staff("petr", "Petr Zaitsev", Role.SECOND_LINE_ENGINEER, irina.tenant());

        Request request = engine.intake().registerContact(anna, ContactDraft.builder().organization(romashka)
                .representative(RepresentativeId.of("irina")).newRequest(true).channel(Channel.EMAIL)
                .subject("Установка АТС в новом филиале").text("Просим установить и запустить АТС в новом офисе.")
                .build());
        request = engine.intake().takeIntoWork(anna, request.ref());
        request = engine.escalation().redirect(anna, request.ref(), RedirectTarget.secondLine(telephony),
                "installation works");
        Instant monday = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(4))
                .plus(Duration.ofHours(7));
        request = engine.scheduling().proposeWorks(viktor, request.ref(), WorksProposal.builder(WorksKind.INSTALLATION)
                .site(office).window(monday, monday.plus(Duration.ofHours(6))).departments(install, commission)
                .signOffRequired().note("Стойка, АТС NT-PBX 300, 24 аппарата").build());
        String order = request.works().get(0).id();
        request = engine.scheduling().agreeWorks(ivan, request.ref(), order, install);
        Instant tuesday = monday.plus(Duration.ofDays(1));
        request = engine.scheduling().proposeOtherDates(petr, request.ref(), order, commission, tuesday,
                tuesday.plus(Duration.ofHours(6)), "the commissioning team is on another site on Monday");
        request = engine.scheduling().agreeWorks(ivan, request.ref(), order, install);
        Instant wednesday = tuesday.plus(Duration.ofDays(1));
        request = engine.scheduling().rescheduleWorks(viktor, request.ref(), order, wednesday,
                wednesday.plus(Duration.ofHours(6)), "В офисе клиента во вторник отключат электричество");
        request = engine.scheduling().completeWorks(viktor, request.ref(), order, new WorksOutcome(
                "АТС установлена и запущена", List.of("все 24 аппарата звонят", "транки 1 и 2 подняты")));
        request = engine.scheduling().signOffWorks(irina, request.ref(), order, "Всё работает");
        clock.advance(Duration.ofHours(12)); // past the night: customers are not messaged in their quiet hours
        for (int delivered = -1; delivered != smtpSink.getReceivedMessages().length; ) {
            delivered = smtpSink.getReceivedMessages().length;
            engine.runDueWork(); // until the outbox has nothing more to send
        }
        WorksOrder works = request.works().get(0);
        out.printf("%nInstallation works \"%s\": agreed by %s, moved once, %s (%s).%n", request.subject(),
                works.agreedBy().stream().map(DepartmentId::value).sorted().toList(), works.status(),
                works.outcome().map(WorksOutcome::done).orElse("-"));
        MimeMessage[] all = smtpSink.getReceivedMessages();
        String subject = request.subject();
        MimeMessage[] toCustomer = java.util.Arrays.stream(all).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().startsWith("irina") && m.getSubject().contains(subject)
                        && m.getSubject().contains("работ");
            } catch (MessagingException e) {
                return false;
            }
        }).sorted(java.util.Comparator.comparing(Quickstart::subject).reversed()) // «Согласовано…», then «Перенесено…»
                .toArray(MimeMessage[]::new);
        printMessages(out, toCustomer);
    }

    /**
     * The failure register (C/03.6): a cause catalogue, the PBX's power supply in the installed base, a
     * failure recorded on a request at second line, and the counts and MTBF of the month.
     */
    private static void failureRegister(PrintStream out, SupportEngine engine, DemoClock clock, Actor admin,
                                        Actor anna, Actor viktor, Actor boris, OrganizationId romashka, SystemId pbx,
                                        ComponentId psu, GroupId telephony) {
        engine.resolution().defineFailureCauses(admin, """
                causes:
                  - code: power
                    title: Электропитание
                    causes:
                      - code: power.psu
                        title: Отказ блока питания
                  - code: firmware
                    title: Ошибка прошивки
                """);
        Instant monthStart = Instant.parse("2026-03-01T00:00:00Z");
        engine.resolution().registerInstalledUnit(admin, InstalledUnit.of(pbx, psu, "NT-PSU 300W",
                Instant.parse("2025-03-01T00:00:00Z")));
        Request request = engine.intake().registerContact(anna, ContactDraft.builder().organization(romashka)
                .representative(RepresentativeId.of("irina")).system(pbx).newRequest(true).channel(Channel.PHONE)
                .subject("АТС снова перезагружается").text("Станция перезагружается каждые полчаса.").build());
        request = engine.intake().takeIntoWork(anna, request.ref());
        request = engine.escalation().redirect(anna, request.ref(), RedirectTarget.secondLine(telephony), "hardware");
        Instant failed = clock.instant().minus(Duration.ofHours(3));
        engine.resolution().recordFailure(viktor, request.ref(), FailureReport.builder().model("NT-PSU 300W")
                .component(psu).serial("PSU-2291").causeCode("power.psu").failedAt(failed)
                .restoredAt(clock.instant().minus(Duration.ofHours(1))).note("Fan seized again").build());
        FailureStatistics month = engine.resolution().failureStatistics(boris, monthStart,
                Instant.parse("2026-04-01T00:00:00Z"));
        out.printf("%nFailure register, March 2026: %d failure(s); by model %s; by cause %s; MTBF %s%n", month.total(),
                month.byModel(), month.byCause(), month.mtbf().stream().map(m -> m.model() + " "
                        + m.hoursBetweenFailures().stream().mapToObj(h -> String.format(Locale.ROOT, "%.0f h", h))
                        .findFirst().orElse("-")).toList());
    }

    /** A question answered from the FAQ at the first contact, and the consulting statistics. */
    /**
     * The group lead's evaluation of the group this month (D/02.7): its score, each part with its basis; and the
     * group's figures of the month and the month before written as a PDF with charts and a spreadsheet, beside
     * the evaluation as a PDF (the report files of the analytics function).
     */
    private static void qualityControl(PrintStream out, SupportEngine engine, java.time.Clock clock, Actor galina,
                                       Path reports) {
        Instant monthStart = Instant.parse("2026-02-28T21:00:00Z"); // 1 March 2026, 00:00 Moscow
        Instant monthEnd = Instant.parse("2026-03-31T21:00:00Z");
        dev.supportkit.api.reports.Evaluation evaluation = engine.reports().evaluate(galina,
                dev.supportkit.api.reports.MetricsQuery.builder().scope(dev.supportkit.api.reports.MetricsScope.GROUP)
                        .period(monthStart, monthEnd).build());
        out.printf("%nQuality of group %s, March 2026 (D/02.7): score %s%n", evaluation.query().subject().orElseThrow(),
                evaluation.score().isPresent() ? String.format(Locale.ROOT, "%.1f of 100", evaluation.score()
                        .getAsDouble()) : "— (nothing to count yet)");
        for (dev.supportkit.api.reports.EvaluationPart part : evaluation.parts()) {
            out.printf("  %-15s weight %3d  %-6s %s%n", part.name(), part.weight(), part.value().isPresent()
                    ? String.format(Locale.ROOT, "%.2f", part.value().getAsDouble()) : "—", part.basis());
        }
        dev.supportkit.api.reports.MetricsReport group = engine.reports().metrics(galina,
                dev.supportkit.api.reports.MetricsQuery.builder()
                        .scope(dev.supportkit.api.reports.MetricsScope.GROUP).period(monthStart, monthEnd).build());
        Locale russian = Locale.forLanguageTag("ru");
        ReportExporter exporter = ReportExporter.builder().locale(russian).zone(MOSCOW).clock(clock)
                .pageSize(PageSize.A4_LANDSCAPE).build();
        Path metricsPdf = reports.resolve("group-metrics-2026-03.pdf");
        Path metricsXlsx = reports.resolve("group-metrics-2026-03.xlsx");
        Path evaluationPdf = reports.resolve("group-evaluation-2026-03.pdf");
        try {
            java.nio.file.Files.createDirectories(reports);
            exporter.export(ReportTables.metricsSummary(group, russian, MOSCOW), ExportFormat.PDF, metricsPdf);
            exporter.export(ReportTables.metrics(group, russian, MOSCOW), ExportFormat.XLSX, metricsXlsx);
            exporter.export(ReportTables.evaluation(evaluation, russian, MOSCOW), ExportFormat.PDF, evaluationPdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not write the reports to " + reports, e);
        }
        out.printf("Reports written: %s, %s, %s%n", metricsPdf.toAbsolutePath(), metricsXlsx.toAbsolutePath(),
                evaluationPdf.toAbsolutePath());
    }

    private static void faqAtFirstContact(PrintStream out, SupportEngine engine, Actor anna, Actor irina,
                                          OrganizationId romashka, SystemId pbx) {
        Request question = engine.intake().registerContact(irina, ContactDraft.builder().organization(romashka)
                .representative(RepresentativeId.of("irina")).system(pbx).newRequest(true).channel(Channel.WEB_FORM)
                .subject("Переадресация на мобильный")
                .text("Как настроить переадресацию звонков на мой мобильный телефон?").build());
        out.printf("%nFAQ at the first contact: Irina asks on the portal \"%s\"%n", question.description());
        question = engine.intake().takeIntoWork(anna, question.ref());
        List<KnowledgeHit> suggestions = engine.knowledge().suggestionsFor(anna, question.id());
        KnowledgeHit best = suggestions.get(0);
        out.printf("  suggested: %s %s «%s»%n    %s%n", best.ref().kind(), best.ref().id(), best.title(), best.summary());
        question = engine.consulting().offerKnowledge(anna, question.ref(), best.ref(), true);
        question = engine.resolution().resolve(anna, question.ref(), ResolutionReport.of(
                "Answered from the FAQ: " + best.title(), "Customer question (FAQ)"));
        ConsultationRecord record = engine.consulting().consultations(anna, question.id()).get(0);
        out.printf("  Anna offered it; it solved the problem%s; the request is %s%n",
                record.firstContact() ? " at the first contact" : "", question.status());
        Actor boris = Actor.staff("boris", "Boris Kuznetsov", Role.INTAKE_LEAD, question.tenant());
        ConsultingStatistics stats = engine.consulting().statistics(boris, question.registeredAt().minus(
                Duration.ofDays(365)), question.updatedAt().plusSeconds(1));
        out.printf("  consulting so far: %d consultation(s), %d request(s) solved at the first contact, "
                + "first-contact resolution rate %.0f %%%n", stats.consultations(), stats.requestsSolvedAtFirstContact(),
                stats.firstContactResolutionRate() * 100);
    }

    /** Intake's emergency rules flag a contact whose words say the service is down. */
    private static void emergency(PrintStream out, SupportEngine engine, Actor anna, OrganizationId romashka,
                                  SystemId pbx) {
        Request down = engine.intake().registerContact(anna, ContactDraft.builder().organization(romashka)
                .representative(RepresentativeId.of("irina")).system(pbx).newRequest(true).channel(Channel.PHONE)
                .subject("Станция не отвечает").text("Телефонная станция полностью не работает, весь офис без связи.")
                .build());
        out.printf("%nEmergency detection: \"%s\"%n  priority %s, emergency %s: %s%n", down.description(),
                down.priority(), down.intake().emergency() ? "yes" : "no",
                String.join("; ", down.intake().emergencyReasons()));
    }

    /** The demo's solution-base files, shipped as resources of this module. */
    private static Path knowledgeDirectory() {
        try {
            return Path.of(Quickstart.class.getResource("/knowledge").toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("the demo's knowledge files are not on the class path as a directory", e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static void printMessages(PrintStream out, MimeMessage[] messages) {
        out.printf("Messages delivered by e-mail (%d):%n", messages.length);
        try {
            for (MimeMessage message : messages) {
                Object content = message.getContent();
                String body = (content instanceof String text ? text : GreenMailUtil.getBody(message))
                        .replace("\r\n", "\n").strip();
                String firstLines = body.lines().limit(3).map(l -> "      " + l).reduce((a, b) -> a + "\n" + b).orElse("");
                out.printf("  to %s: %s%n%s%n", message.getAllRecipients()[0], message.getSubject(), firstLines);
            }
        } catch (MessagingException | java.io.IOException e) {
            out.println("  (could not read a message: " + e.getMessage() + ")");
        }
        out.println();
    }

    private static void step(DemoClock clock, int minutes) {
        clock.advance(Duration.ofMinutes(minutes));
    }

    private static void printEvents(PrintStream out, String consumer, List<DomainEvent> events,
                                    List<JournalEntry> journal) {
        List<Long> sequences = events.stream().map(e -> e.entry().sequence()).distinct().toList();
        List<Long> journalled = journal.stream().map(JournalEntry::sequence).toList();
        long distinctIds = events.stream().map(DomainEvent::eventId).distinct().count();
        out.printf("Domain events received by %s: %d, %d distinct event ids, %s%n", consumer, events.size(),
                distinctIds, sequences.equals(journalled) ? "one for every journal entry, in journal order"
                        : "NOT the journal: " + sequences + " against " + journalled);
    }

    private static void printJournal(PrintStream out, Request request, List<JournalEntry> entries) {
        out.printf("Request %s — \"%s\" — final status %s, version %d%n%n", request.id(), request.subject(),
                request.status(), request.version());
        out.printf("%-3s %-11s %-7s %-24s %-16s %-16s %s%n", "#", "time (MSK)", "code", "role", "who", "visibility",
                "what");
        for (JournalEntry e : entries) {
            out.printf("%-3d %-11s %-7s %-24s %-16s %-16s %s%n", e.sequence(), TIME.format(e.occurredAt()),
                    e.function().code(), e.actorRole(), e.actorName(), e.visibility(), e.description());
        }
    }
}
