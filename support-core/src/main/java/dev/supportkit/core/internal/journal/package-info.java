/**
 * The request journal: turning journal drafts into numbered records chained with SHA-256
 * ({@code JournalWriter}, {@code HashChain}), so that altering, removing or reordering an entry breaks
 * the chain, and reading and verifying a request's journal, the implementation of
 * {@code JournalService}. Each entry names the labour function of the standard it records. Internal to
 * the engine.
 */
package dev.supportkit.core.internal.journal;
