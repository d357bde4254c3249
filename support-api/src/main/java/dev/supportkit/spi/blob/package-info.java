/**
 * The blob SPI: files attached to requests (on notes and replies), stored and read back as streams, never
 * held whole in memory. A storage provider that keeps files offers its own {@link dev.supportkit.spi.blob.BlobStore}
 * through {@link dev.supportkit.spi.storage.StorageProvider#blobs()}. Implementations must pass the contract
 * test kit in {@code support-api}'s test-jar ({@code dev.supportkit.spi.blob.tck.BlobStoreContract}).
 */
package dev.supportkit.spi.blob;
