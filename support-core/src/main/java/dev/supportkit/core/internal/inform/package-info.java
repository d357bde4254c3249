/**
 * Customer information (the standard's "informing the customer" on every channel): a command hook turns the
 * messages a command decided on into outbox rows, in the command's transaction; the outbox dispatcher delivers
 * them after commit. Internal to the engine.
 */
package dev.supportkit.core.internal.inform;
