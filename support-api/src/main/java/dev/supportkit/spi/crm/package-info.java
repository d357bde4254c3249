/** The CRM-adapter SPI. */
package dev.supportkit.spi.crm;
