package dev.supportkit.crm.amocrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.crm.common.Ticker;
import dev.supportkit.crm.common.TickingCrmAdapterFactory;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/** Creates the amoCRM adapter ({@code supportkit.providers.amocrm.*}). */
public final class AmoCrmFactory extends TickingCrmAdapterFactory {
    /** The provider id. */
    public static final String ID = "amocrm";

    /** The factory PF4J and the ServiceLoader create: waits on the system's time. */
    public AmoCrmFactory() {
        this(Ticker.SYSTEM);
    }

    /**
     * A factory whose adapters wait (rate limit, retries, another engine's token refresh) on the given time.
     *
     * @param ticker the time waited on
     */
    public AmoCrmFactory(Ticker ticker) {
        super(ticker);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return AmoSettings.SETTINGS;
    }

    @Override
    public CrmAdapter create(ProviderContext context) {
        return new AmoCrmAdapter(AmoSettings.parse(context.settings()), context.state(), new ObjectMapper(), ticker(),
                context.clock(), context.nodeId());
    }
}
