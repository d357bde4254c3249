/**
 * The {@code memory} storage provider, the engine's default for demos and tests: everything in memory,
 * lost when the JVM exits, transactions serialised by one lock and rolled back with an undo log.
 * Several engines in one JVM may share one instance, which is how multi-node behaviour is tested
 * without a database. Its blob store keeps attachments as byte arrays in memory (for tests and the
 * demo). Registered through {@code META-INF/services} like any other storage provider.
 */
package dev.supportkit.core.internal.storage.memory;
