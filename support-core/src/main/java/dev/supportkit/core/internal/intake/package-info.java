/**
 * Intake of customer contacts (A/01.3), the implementation of {@code IntakeService}: checking a contact
 * and its questionnaire answers against the agreed questionnaire version, registering a new request or
 * attaching the contact to the customer's open request about the same system, emergency rules that
 * raise the priority, mass-incident detection and resolution, questionnaire definitions (from the API
 * and from questionnaire files read at start) and bulk import of historical requests. Internal to the
 * engine.
 */
package dev.supportkit.core.internal.intake;
