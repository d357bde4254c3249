/**
 * Intake of customer contacts (A/01.3): {@link dev.supportkit.api.intake.IntakeService} registers a
 * contact as a new request or attaches it to the customer's open one, takes requests into work,
 * records the customer's clarifications, and keeps the questionnaires agreed with the departments (their questions, conditions and answer types),
 * mass incidents and the bulk import of historical requests from another help desk.
 */
package dev.supportkit.api.intake;
