/**
 * Redirects between the lines of support, the implementation of {@code EscalationService}: first line
 * to the intake lead or second line (A/02.3), the intake lead to second line (B/01.6), escalation to a
 * group lead and to the system's vendor, and the group lead's organisation of work (D/01.7).
 * {@code SecondLineRouter} chooses the group and specialist for a redirect that names neither, from the
 * routing rules, the specialists' skills and their open requests. Internal to the engine.
 */
package dev.supportkit.core.internal.escalation;
