package dev.supportkit.core.internal.events;

import dev.supportkit.api.TenantId;
import dev.supportkit.core.testing.CrmAdapterContract;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The storage-free CRM contract kit, run against a CRM that drops repeated pushes by their idempotency key. */
class DedupingCrmContractTest extends CrmAdapterContract {
    /** What the "CRM" holds: per key, the request's id and version, in the order first received. */
    private final Map<String, String[]> held = new LinkedHashMap<>();

    @Override
    protected CrmAdapterFactory factory() {
        return new CrmAdapterFactory() {
            @Override
            public String id() {
                return "deduping-crm";
            }

            @Override
            public CrmAdapter create(ProviderContext context) {
                return (request, key) -> held.putIfAbsent(key, new String[] {request.tenant().value(),
                        request.id().value(), Long.toString(request.version())});
            }
        };
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Override
    protected List<Long> receivedVersions(TenantId tenant, String request) {
        List<Long> versions = new ArrayList<>();
        held.values().stream().filter(v -> v[0].equals(tenant.value()) && v[1].equals(request))
                .forEach(v -> versions.add(Long.parseLong(v[2])));
        return versions;
    }
}
