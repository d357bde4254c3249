/** Intake of customer contacts (A/01.3). */
package dev.supportkit.api.intake;
