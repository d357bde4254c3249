/**
 * The command pipeline and the request's life. {@code RequestCommands} runs every command on a request,
 * registration included, as one unit of work: permission, load, visibility, version, the state machine's
 * legality ({@code RequestLifecycle}), the actor's line ({@code LineFunctions}), the command's decision, then
 * the chained journal entries, the snapshot, the registered {@code CommandHook}s and the outbox rows in one
 * transaction. {@code FieldErrors} collects every field error of one input before throwing them together.
 * Internal to the engine.
 */
package dev.supportkit.core.internal.request;
