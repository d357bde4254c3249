/**
 * The unit of work: the one way the engine runs storage work ({@code UnitOfWork}: read or write in one
 * transaction, with the engine clock's time) and the retry of a transaction that met a concurrent one
 * ({@code ConflictRetry}: 25 attempts for a registration, 3 for a timer). Internal to the engine.
 */
package dev.supportkit.core.internal.work;
