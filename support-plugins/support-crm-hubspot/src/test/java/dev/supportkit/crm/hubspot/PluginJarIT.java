package dev.supportkit.crm.hubspot;

import dev.supportkit.crm.common.testing.CrmTestKit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.storage.CatalogProviderState;
import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.core.testing.CrmPluginJarContract;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.crm.CrmParty;
import dev.supportkit.spi.state.ProviderStateStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The PF4J plugin jar, checked after {@code package}: loaded by id from a plugins directory, it finds a caller. */
class PluginJarIT extends CrmPluginJarContract {
    @Override
    protected String pluginId() {
        return "supportkit-crm-hubspot";
    }

    @Override
    protected String factoryId() {
        return "hubspot";
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/crm/hubspot/HubSpotCrmFactory.class",
                "dev/supportkit/crm/common/CrmHttp.class", "com/fasterxml/jackson/databind/ObjectMapper.class");
    }

    @Override
    protected void roundTrip(CrmAdapterFactory factory) {
        HubSpotFake fake = new HubSpotFake(HubSpotContractTest.TOKEN);
        try {
            String company = fake.add("companies", Map.of("name", "ООО «Ромашка»", "inn", "7701234567"));
            String contact = fake.add("contacts", Map.of("firstname", "Ирина", "lastname", "Петрова", "phone",
                    "+7 (495) 123-45-67"));
            fake.associate("contacts", contact, "companies", company);
            ProviderStateStore state = new CatalogProviderState(new InMemoryStorageProvider(), "hubspot",
                    Clock.systemUTC());
            CrmAdapter adapter = factory.create(CrmTestKit.context(Map.of("token", HubSpotContractTest.TOKEN,
                    "base-url", fake.baseUrl()), state));
            assertTrue(adapter.getClass().getClassLoader() == factory.getClass().getClassLoader());
            CrmParty found = adapter.findCaller(TenantId.of("acme"), "+74951234567").orElseThrow();
            assertEquals(contact, found.crmContactId().orElseThrow());
            assertEquals("ООО «Ромашка»", found.companyName().orElseThrow());
        } finally {
            fake.shutdown();
        }
    }
}
