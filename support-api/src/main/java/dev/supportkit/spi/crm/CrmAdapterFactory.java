package dev.supportkit.spi.crm;

import dev.supportkit.spi.ProviderFactory;

/** Creates a CRM adapter. Every discovered CRM adapter factory is started. */
public interface CrmAdapterFactory extends ProviderFactory<CrmAdapter> {
}
