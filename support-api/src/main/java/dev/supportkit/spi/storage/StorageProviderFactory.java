package dev.supportkit.spi.storage;

import dev.supportkit.spi.ProviderFactory;

/**
 * Creates the storage provider. Selected by {@code supportkit.storage.provider}; the engine ships
 * {@code memory}.
 */
public interface StorageProviderFactory extends ProviderFactory<StorageProvider> {
}
