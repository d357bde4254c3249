/**
 * Assembly of one engine: discovery and selection of provider factories, creation of the storage,
 * search, channel and CRM providers, the engine's private Guice injector, and the wrappers that turn a
 * provider's own failures into a {@code ProviderException} naming it ({@code GuardedStorage},
 * {@code GuardedSearchIndex}). Also the short-lived per-node {@code DirectoryCache}. Each engine owns
 * its own assembly and shares no static state with another. Internal to the engine: applications use
 * {@code SupportEngine}.
 */
package dev.supportkit.core.internal.engine;
