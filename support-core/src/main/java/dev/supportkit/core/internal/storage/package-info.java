/**
 * Storage kept by the engine itself: the file-system blob store for attachments, the helpers blob stores
 * share, and (in {@code memory}) the in-memory storage provider.
 */
package dev.supportkit.core.internal.storage;
