/**
 * Diagnosis with the customer, removal of the problem and joint sign-off (C/02.6, C/03.6), the
 * implementation of {@code ResolutionService}: clarifications asked and given, resolving a request
 * with its report, the customer's sign-off or objection, and reopening. Internal to the engine.
 */
package dev.supportkit.core.internal.resolution;
