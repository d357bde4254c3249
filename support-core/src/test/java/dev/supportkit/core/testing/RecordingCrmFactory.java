package dev.supportkit.core.testing;

import dev.supportkit.api.request.Request;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CRM adapter that records every push (all adapters it creates share one record) and can be told to fail
 * the next pushes, as a CRM that is down for a while.
 */
public final class RecordingCrmFactory implements CrmAdapterFactory {
    private final String id;
    private final List<Push> pushes = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    /** @param id the factory's provider id */
    public RecordingCrmFactory(String id) {
        this.id = id;
    }

    /**
     * One push the adapter received.
     *
     * @param request        the snapshot pushed
     * @param idempotencyKey the key of the change
     */
    public record Push(Request request, String idempotencyKey) {
    }

    /** @param count how many of the next pushes throw */
    public void failNext(int count) {
        failuresLeft.set(count);
    }

    /** @return the pushes received so far, in order */
    public synchronized List<Push> pushes() {
        return List.copyOf(pushes);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CrmAdapter create(ProviderContext context) {
        return (request, idempotencyKey) -> {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the CRM is down");
            }
            synchronized (this) {
                pushes.add(new Push(request, idempotencyKey));
            }
        };
    }
}
