/**
 * Agreed dates of works and visits (C/01.6, C/02.6, C/03.6) and executors' deadlines (D/01.7), the
 * implementation of {@code SchedulingService}: a visit planned with the customer and changes to it,
 * each told to the customer, and a deadline per executor whose miss is noticed by a timer. Internal
 * to the engine.
 */
package dev.supportkit.core.internal.scheduling;
