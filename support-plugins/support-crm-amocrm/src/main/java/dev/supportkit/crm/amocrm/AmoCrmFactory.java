package dev.supportkit.crm.amocrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/** Creates the amoCRM adapter ({@code supportkit.providers.amocrm.*}). */
public final class AmoCrmFactory implements CrmAdapterFactory {
    /** The provider id. */
    public static final String ID = "amocrm";

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
        return new AmoCrmAdapter(AmoSettings.parse(context.settings()), context.state(), new ObjectMapper(),
                context.clock(), context.nodeId());
    }
}
