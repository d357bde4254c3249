/**
 * The CRM-adapter SPI: a plugin that keeps a customer-relationship-management system informed of the
 * requests (B/02.6, controlling execution with a CRM) implements {@link dev.supportkit.spi.crm.CrmAdapter}
 * and registers its {@link dev.supportkit.spi.crm.CrmAdapterFactory} like any other provider factory. The engine
 * pushes each change of a request after commit as a {@link dev.supportkit.spi.crm.CrmChange}; an adapter also
 * recognises callers ({@link dev.supportkit.spi.crm.CrmAdapter#findCaller}) and lists the CRM's companies and
 * contacts, which {@link dev.supportkit.spi.crm.CrmDirectorySync} imports through the public directory service.
 */
package dev.supportkit.spi.crm;
