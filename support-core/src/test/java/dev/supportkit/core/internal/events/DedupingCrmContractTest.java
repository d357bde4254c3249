package dev.supportkit.core.internal.events;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.testing.CrmAdapterContract;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.crm.CrmChange;
import dev.supportkit.spi.crm.CrmDirectoryPage;
import dev.supportkit.spi.crm.CrmDirectorySync;
import dev.supportkit.spi.crm.CrmEntry;
import dev.supportkit.spi.crm.CrmParty;
import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;

/**
 * The CRM contract kit, run against an in-memory CRM and an adapter written as a real one must be: it records
 * the object's id in the provider state, searches the CRM by request id before creating, and records the last
 * comment posted.
 */
class DedupingCrmContractTest extends CrmAdapterContract {
    /** One CRM object. */
    private static final class Deal {
        final String requestId;
        volatile String stage;
        final List<String> comments = new CopyOnWriteArrayList<>();
        volatile String contact;
        volatile String company;

        Deal(String requestId) {
            this.requestId = requestId;
        }
    }

    private final List<Deal> deals = new CopyOnWriteArrayList<>();
    private final List<CrmParty> contacts = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean limited;
    private volatile Outage outage;
    private volatile boolean loseNextComment;
    private volatile java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void emptyCrm() {
        deals.clear();
        contacts.clear();
        limited = false;
        outage = null;
        loseNextComment = false;
        slow = new java.util.concurrent.CountDownLatch(1);
    }

    @org.junit.jupiter.api.AfterEach
    void releaseSlowCalls() {
        slow.countDown();
    }

    /** Every CRM call: every third answers "429" when the CRM is limited; all fail during an outage. */
    private void call() {
        Outage down = outage;
        if (down == Outage.UNAVAILABLE) {
            throw new IllegalStateException("503 Service Unavailable");
        }
        if (down == Outage.REFUSED) {
            throw new java.io.UncheckedIOException(new java.net.ConnectException("Connection refused"));
        }
        if (down == Outage.SLOW) {
            try {
                slow.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (limited && calls.incrementAndGet() % 3 == 0) {
            throw new IllegalStateException("429 Too Many Requests");
        }
    }

    @Override
    protected CrmAdapterFactory factory() {
        return new CrmAdapterFactory() {
            @Override
            public String id() {
                return "fake-crm";
            }

            @Override
            public CrmAdapter create(ProviderContext context) {
                return new FakeAdapter(context.state());
            }
        };
    }

    private final class FakeAdapter implements CrmAdapter {
        private final ProviderStateStore state;

        FakeAdapter(ProviderStateStore state) {
            this.state = state;
        }

        @Override
        public void pushRequest(dev.supportkit.api.request.Request request, String idempotencyKey) {
            push(CrmChange.of(request, idempotencyKey));
        }

        @Override
        public void push(CrmChange change) {
            String key = "req:" + change.request().tenant().value() + ":" + change.request().id().value();
            Optional<ProviderState> link = state.get(key);
            Deal deal;
            long posted;
            if (link.isPresent()) {
                String[] parts = link.get().value().split(",");
                deal = deals.get(Integer.parseInt(parts[0]));
                posted = Long.parseLong(parts[1]);
            } else {
                call();
                deal = deals.stream().filter(d -> d.requestId.equals(key)).findFirst().orElseGet(() -> {
                    Deal created = new Deal(key);
                    contacts.stream().filter(c -> c.email().equals(change.customer().email())
                            && c.email().isPresent() || c.phone().isPresent() && change.customer().phone().isPresent()
                            && CrmDirectorySync.normalizePhone(c.phone().get())
                            .equals(CrmDirectorySync.normalizePhone(change.customer().phone().get())))
                            .findFirst().ifPresent(c -> {
                                created.contact = c.crmContactId().orElseThrow();
                                created.company = c.crmCompanyId().orElseThrow();
                            });
                    deals.add(created);
                    return created;
                });
                posted = 0;
                save(key, link, deals.indexOf(deal), posted);
                link = state.get(key);
            }
            call();
            deal.stage = change.request().status().name();
            for (CrmEntry entry : change.entries()) {
                if (entry.sequence() > posted) {
                    String marker = " #" + entry.sequence();
                    call();
                    if (deal.comments.stream().noneMatch(c -> c.endsWith(marker))) {
                        deal.comments.add(entry.text() + marker);
                        if (loseNextComment) {
                            loseNextComment = false;
                            throw new IllegalStateException("502 Bad Gateway");
                        }
                    }
                    posted = entry.sequence();
                    save(key, link, deals.indexOf(deal), posted);
                    link = state.get(key);
                }
            }
        }

        private void save(String key, Optional<ProviderState> current, int index, long posted) {
            state.compareAndSet(key, current.map(ProviderState::version).orElse(0), index + "," + posted);
        }

        @Override
        public Optional<CrmParty> findCaller(TenantId tenant, String phoneOrEmail) {
            call();
            String wanted = CrmDirectorySync.normalizePhone(phoneOrEmail);
            return contacts.stream().filter(c -> c.phone().map(CrmDirectorySync::normalizePhone)
                    .filter(wanted::equals).isPresent()).findFirst();
        }

        @Override
        public CrmDirectoryPage directoryPage(TenantId tenant, Optional<String> cursor) {
            int from = cursor.map(Integer::parseInt).orElse(0);
            List<CrmParty> page = new ArrayList<>(contacts.subList(Math.min(from, contacts.size()),
                    Math.min(from + 1, contacts.size())));
            return new CrmDirectoryPage(page, from + 1 < contacts.size() ? Optional.of(Integer.toString(from + 1))
                    : Optional.empty());
        }
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Override
    protected CrmView view(TenantId tenant, String request) {
        String key = "req:" + tenant.value() + ":" + request;
        List<Deal> held = deals.stream().filter(d -> d.requestId.equals(key)).toList();
        if (held.isEmpty()) {
            return new CrmView(0, null, List.of(), Set.of(), Set.of());
        }
        Deal deal = held.get(0);
        return new CrmView(held.size(), deal.stage, List.copyOf(deal.comments),
                deal.contact == null ? Set.of() : Set.of(deal.contact),
                deal.company == null ? Set.of() : Set.of(deal.company));
    }

    @Override
    protected String stageOf(RequestStatus status) {
        return status.name();
    }

    @Override
    protected void loseNextCommentAnswer() {
        loseNextComment = true;
    }

    @Override
    protected void outage(Outage outage) {
        this.outage = outage;
    }

    @Override
    protected void rateLimitEveryThirdCall() {
        limited = true;
    }

    @Override
    protected CrmParty knownCaller(String contactName, String companyName, String taxNumber) {
        CrmParty party = CrmParty.builder().crmContactId("c-" + (contacts.size() + 1)).contactName(contactName)
                .phone(KNOWN_PHONE_AS_STORED).crmCompanyId("co-1").companyName(companyName).taxNumber(taxNumber)
                .build();
        contacts.add(party);
        return party;
    }
}
