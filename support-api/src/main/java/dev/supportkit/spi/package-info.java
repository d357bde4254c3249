/**
 * The provider SPI: Keycloak-style factories ({@link dev.supportkit.spi.ProviderFactory}) for storage,
 * notification channels and CRM adapters. Plugins depend on {@code support-api} in {@code provided} scope.
 */
package dev.supportkit.spi;
