package dev.supportkit.inbound.email;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.SupportServices;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.inbound.InboundSource;
import dev.supportkit.spi.notification.FailingContactPoints;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code inbound-email} source: one watcher thread per configured mailbox (see {@link MailboxWatcher}), all
 * registering through one {@link ContactRegistrar}.
 */
public final class InboundEmailSource implements InboundSource {
    private static final Logger LOG = LoggerFactory.getLogger(InboundEmailSource.class);

    private final InboundEmailSettings settings;
    private final ProviderContext context;
    private final Map<ContactRegistrar.Outcome, AtomicLong> counts = new EnumMap<>(ContactRegistrar.Outcome.class);
    private final List<MailboxWatcher> watchers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService timer;
    private ContactRegistrar registrar;

    InboundEmailSource(InboundEmailSettings settings, ProviderContext context) {
        this.settings = settings;
        this.context = context;
        for (ContactRegistrar.Outcome outcome : ContactRegistrar.Outcome.values()) {
            counts.put(outcome, new AtomicLong());
        }
        context.state(); // fails creation at once when the engine offers no state
    }

    /**
     * Starts one watcher thread per mailbox.
     *
     * @param services the engine's services
     */
    @Override
    public synchronized void start(SupportServices services) {
        if (timer != null) {
            throw new IllegalStateException("the inbound e-mail source is already started");
        }
        Clock clock = context.clock();
        Actor reader = Actor.staff(settings.operatorId(), "Inbound e-mail", Role.FIRST_LINE_OPERATOR,
                settings.tenant());
        SenderDirectory senders = new SenderDirectory(services, reader, clock, settings.directoryRefresh());
        registrar = new ContactRegistrar(settings, services, context.state(), clock, senders,
                settings.smtp().map(RejectReplies::new), failingContactPoints());
        timer = Executors.newSingleThreadScheduledExecutor(daemon("supportkit-inbound-email-timer-"
                + context.nodeId()));
        ClassLoader plugin = InboundEmailSource.class.getClassLoader();
        for (MailboxSettings mailbox : settings.mailboxes()) {
            MailboxLease lease = new MailboxLease(context.state(), mailbox.name(), context.nodeId(), clock,
                    settings.lease());
            MailboxWatcher watcher = new MailboxWatcher(mailbox, settings, lease, registrar, clock, timer,
                    outcome -> counts.get(outcome).incrementAndGet());
            Thread thread = daemon("supportkit-inbound-email-" + mailbox.name() + "-" + context.nodeId())
                    .newThread(watcher);
            // Jakarta Mail finds its providers through the context class loader: inside a plugin, this plugin's.
            thread.setContextClassLoader(plugin);
            watchers.add(watcher);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        LOG.info("Inbound e-mail on node {} watches {}", context.nodeId(), settings.mailboxes());
    }

    /** The engine's failing contact points, or none when the context offers them not (bounces then mark nothing). */
    private Optional<FailingContactPoints> failingContactPoints() {
        try {
            return Optional.of(context.failingContactPoints());
        } catch (UnsupportedOperationException e) {
            LOG.warn("The engine offers no failing contact points: bounces are recorded but mark no contact point");
            return Optional.empty();
        }
    }

    /**
     * Returns how many messages this source handled, by outcome ({@code NEW_REQUEST}, {@code ATTACHED},
     * {@code ALREADY_TAKEN}, {@code NOISE}, {@code BOUNCE}, {@code REJECTED}, {@code SET_ASIDE}), since it started.
     *
     * @return the counts by outcome name
     */
    public Map<String, Long> outcomes() {
        Map<String, Long> result = new java.util.LinkedHashMap<>();
        counts.forEach((outcome, count) -> result.put(outcome.name(), count.get()));
        return result;
    }

    /**
     * Tells whether a delivery report named an address as failing, and how. Kept in this source's provider
     * state, so every engine on the database sees it.
     *
     * @param address an e-mail address
     * @return the last failure recorded for it ({@code status}, {@code diagnostic}, {@code at}), if any
     */
    public Optional<Map<String, String>> failingAddress(String address) {
        ContactRegistrar current = registrar;
        return current == null ? Optional.empty() : current.bounce(address);
    }

    /** Stops the watchers, waits for them and gives their mailboxes up, so another engine takes over at once. */
    @Override
    public synchronized void close() {
        watchers.forEach(MailboxWatcher::close);
        for (Thread thread : threads) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i < watchers.size(); i++) {
            if (!threads.get(i).isAlive()) {
                watchers.get(i).release();
            }
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
