/**
 * The request's life: the state machine of statuses and actions ({@code RequestLifecycle}), which
 * labour function an action performs on which line ({@code LineFunctions}), collecting every field
 * error of one input before throwing them together ({@code FieldErrors}), and the retry of a transaction that met a concurrent one
 * ({@code ConflictRetry}: 25 attempts for a registration, 3 for a timer). Every command on a request
 * runs here as one unit of work: permission, load, visibility, version, legality, then the snapshot,
 * its journal entries and outbox rows in one transaction. Internal to the engine.
 */
package dev.supportkit.core.request;
