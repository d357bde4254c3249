/**
 * The CRM-adapter SPI: a plugin that keeps a customer-relationship-management system informed of the
 * requests (B/02.6, controlling execution with a CRM) implements {@link dev.supportkit.spi.crm.CrmAdapter}
 * and registers its {@link dev.supportkit.spi.crm.CrmAdapterFactory} like any other provider factory.
 */
package dev.supportkit.spi.crm;
