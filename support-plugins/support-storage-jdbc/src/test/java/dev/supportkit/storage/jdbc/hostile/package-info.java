/**
 * Property-based hostile-input tests (jqwik): generated input thrown at the engine's public calls on every
 * store; a call either succeeds with what it stored equal to what it returned, or fails with a
 * {@code ValidationException} naming the field.
 */
package dev.supportkit.storage.jdbc.hostile;
