/**
 * The exception hierarchy: everything extends the unchecked {@link dev.supportkit.api.error.SupportException}.
 */
package dev.supportkit.api.error;
