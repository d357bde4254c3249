/**
 * The provider-state SPI: small values a plugin must keep across restarts and share between engines
 * (a CRM's rotating OAuth token pair, the CRM object created for a request, the last message taken from a
 * mailbox). The engine offers a {@link dev.supportkit.spi.state.ProviderStateStore} to every provider it
 * creates through {@link dev.supportkit.spi.ProviderContext#state()}; values live in the engine's storage and
 * change only by compare-and-set, so two engines updating one value never lose an update.
 */
package dev.supportkit.spi.state;
