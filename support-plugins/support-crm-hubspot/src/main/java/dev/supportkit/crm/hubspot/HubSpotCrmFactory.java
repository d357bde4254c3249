package dev.supportkit.crm.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.crm.common.Ticker;
import dev.supportkit.crm.common.TickingCrmAdapterFactory;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/** Creates the HubSpot CRM adapter ({@code supportkit.providers.hubspot.*}). */
public final class HubSpotCrmFactory extends TickingCrmAdapterFactory {
    /** The provider id. */
    public static final String ID = "hubspot";

    /** The factory PF4J and the ServiceLoader create: waits on the system's time. */
    public HubSpotCrmFactory() {
        this(Ticker.SYSTEM);
    }

    /**
     * A factory whose adapters wait (rate limit, retries) on the given time, e.g. a test's.
     *
     * @param ticker the time waited on
     */
    public HubSpotCrmFactory(Ticker ticker) {
        super(ticker);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return HubSpotSettings.SETTINGS;
    }

    @Override
    public CrmAdapter create(ProviderContext context) {
        return new HubSpotCrmAdapter(HubSpotSettings.parse(context.settings()), context.state(), new ObjectMapper(),
                ticker(), context.clock());
    }
}
