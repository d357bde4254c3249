/** Scheduling of works and visits (C/01.6, C/02.6, D/01.7). */
package dev.supportkit.api.scheduling;
