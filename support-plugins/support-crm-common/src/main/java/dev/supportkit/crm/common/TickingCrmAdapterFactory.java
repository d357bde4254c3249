package dev.supportkit.crm.common;

import dev.supportkit.spi.crm.CrmAdapterFactory;
import java.util.Objects;

/**
 * A CRM adapter factory whose adapters wait (rate limit, retries) on a {@link Ticker}: the system's in production,
 * a test's that advances without sleeping in tests.
 */
public abstract class TickingCrmAdapterFactory implements CrmAdapterFactory {
    private final Ticker ticker;

    /**
     * @param ticker the time the adapters wait on
     */
    protected TickingCrmAdapterFactory(Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * Returns the time the adapters wait on.
     *
     * @return the ticker
     */
    protected final Ticker ticker() {
        return ticker;
    }
}
