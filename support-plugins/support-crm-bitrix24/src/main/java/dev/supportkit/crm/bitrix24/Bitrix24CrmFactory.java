package dev.supportkit.crm.bitrix24;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.crm.common.Ticker;
import dev.supportkit.crm.common.TickingCrmAdapterFactory;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/** Creates the Bitrix24 CRM adapter ({@code supportkit.providers.bitrix24.*}). */
public final class Bitrix24CrmFactory extends TickingCrmAdapterFactory {
    /** The provider id. */
    public static final String ID = "bitrix24";

    /** The factory PF4J and the ServiceLoader create: waits on the system's time. */
    public Bitrix24CrmFactory() {
        this(Ticker.SYSTEM);
    }

    /**
     * A factory whose adapters wait (rate limit, retries) on the given time, e.g. a test's.
     *
     * @param ticker the time waited on
     */
    public Bitrix24CrmFactory(Ticker ticker) {
        super(ticker);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return Bitrix24Settings.SETTINGS;
    }

    @Override
    public CrmAdapter create(ProviderContext context) {
        return new Bitrix24CrmAdapter(Bitrix24Settings.parse(context.settings()), context.state(), new ObjectMapper(),
                ticker(), context.clock());
    }
}
