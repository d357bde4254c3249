package dev.supportkit.crm.bitrix24;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/** Creates the Bitrix24 CRM adapter ({@code supportkit.providers.bitrix24.*}). */
public final class Bitrix24CrmFactory implements CrmAdapterFactory {
    /** The provider id. */
    public static final String ID = "bitrix24";

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
                context.clock(), context.nodeId());
    }
}
