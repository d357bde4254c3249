package dev.supportkit.crm.bitrix24;

import dev.supportkit.crm.common.testing.CrmTestKit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        return "supportkit-crm-bitrix24";
    }

    @Override
    protected String factoryId() {
        return "bitrix24";
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/crm/bitrix24/Bitrix24CrmFactory.class",
                "dev/supportkit/crm/common/CrmHttp.class", "com/fasterxml/jackson/databind/ObjectMapper.class");
    }

    @Override
    protected void roundTrip(CrmAdapterFactory factory) {
        Bitrix24Fake fake = new Bitrix24Fake(Bitrix24ContractTest.KEY);
        try {
            ObjectMapper json = new ObjectMapper();
            String company = fake.add("company", json.createObjectNode().put("TITLE", "ООО «Ромашка»"));
            ObjectNode contact = json.createObjectNode().put("NAME", "Ирина").put("COMPANY_ID", company);
            contact.putArray("PHONE").addObject().put("VALUE", "+7 (495) 123-45-67").put("VALUE_TYPE", "WORK");
            String contactId = fake.add("contact", contact);
            ProviderStateStore state = new CatalogProviderState(new InMemoryStorageProvider(), "bitrix24",
                    Clock.systemUTC());
            CrmAdapter adapter = factory.create(CrmTestKit.context(Map.of("webhook-url",
                    fake.webhook(Bitrix24ContractTest.KEY)), state));
            assertSame(factory.getClass().getClassLoader(), adapter.getClass().getClassLoader());
            CrmParty found = adapter.findCaller(TenantId.of("acme"), "+74951234567").orElseThrow();
            assertEquals(contactId, found.crmContactId().orElseThrow());
            assertEquals("ООО «Ромашка»", found.companyName().orElseThrow());
        } finally {
            fake.shutdown();
        }
    }
}
