package dev.supportkit.core.internal.storage.memory;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.RequestMetricsContract;

/** Request metrics on the in-memory store (the reference counter itself, checked by hand counts). */
class InMemoryRequestMetricsTest extends RequestMetricsContract {
    @Override
    protected StorageProvider createProvider() {
        return new InMemoryStorageProvider();
    }
}
