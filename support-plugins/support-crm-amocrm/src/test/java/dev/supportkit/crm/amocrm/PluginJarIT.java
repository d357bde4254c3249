package dev.supportkit.crm.amocrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.api.TenantId;
import dev.supportkit.core.internal.storage.CatalogProviderState;
import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.core.testing.CrmPluginJarContract;
import dev.supportkit.crm.common.testing.CrmTestKit;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.crm.CrmParty;
import java.time.Clock;
import java.util.List;

/** The PF4J plugin jar, checked after {@code package}: loaded by id from a plugins directory, it finds a caller. */
class PluginJarIT extends CrmPluginJarContract {
    @Override
    protected String pluginId() {
        return "supportkit-crm-amocrm";
    }

    @Override
    protected String factoryId() {
        return "amocrm";
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/crm/amocrm/AmoCrmFactory.class", "dev/supportkit/crm/common/OAuthTokens.class",
                "dev/supportkit/crm/common/CrmHttp.class", "com/fasterxml/jackson/databind/ObjectMapper.class");
    }

    @Override
    protected void roundTrip(CrmAdapterFactory factory) {
        AmoFake fake = new AmoFake();
        try {
            ObjectMapper json = new ObjectMapper();
            String company = fake.add("companies", json.createObjectNode().put("name", "ООО «Ромашка»"));
            ObjectNode contact = json.createObjectNode().put("name", "Ирина Петрова");
            contact.putArray("custom_fields_values").addObject().put("field_code", "PHONE").putArray("values")
                    .addObject().put("value", "+7 (495) 123-45-67");
            String contactId = fake.add("contacts", contact);
            fake.link(contactId, company);
            CrmAdapter adapter = factory.create(CrmTestKit.context(AmoContractTest.settings(fake),
                    new CatalogProviderState(new InMemoryStorageProvider(), "amocrm", Clock.systemUTC())));
            assertSame(factory.getClass().getClassLoader(), adapter.getClass().getClassLoader());
            CrmParty found = adapter.findCaller(TenantId.of("acme"), "+74951234567").orElseThrow();
            assertEquals(contactId, found.crmContactId().orElseThrow());
            assertEquals("ООО «Ромашка»", found.companyName().orElseThrow());
            assertEquals(1, fake.refreshes.get(), "the plugin exchanged the start-up refresh token");
        } finally {
            fake.shutdown();
        }
    }
}
