package dev.supportkit.crm.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/** Creates the HubSpot CRM adapter ({@code supportkit.providers.hubspot.*}). */
public final class HubSpotCrmFactory implements CrmAdapterFactory {
    /** The provider id. */
    public static final String ID = "hubspot";

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
                context.clock());
    }
}
