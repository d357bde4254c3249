/**
 * Consulting and instructing customers, the implementation of {@code ConsultingService}: typical
 * problems at first line (A/02.3), non-typical ones by the intake lead (B/01.6) and training the
 * customer in configuration at second line (C/02.6). Each consultation is kept as a catalogue record
 * for the consulting statistics and journalled on its request with the labour function of the line
 * that gave it. Internal to the engine: applications reach it through {@code SupportServices}.
 */
package dev.supportkit.core.internal.consulting;
