/**
 * The engine's configuration: reading it from builder values, environment variables and a properties
 * or YAML file ({@code SettingsLoader}), and the validated, immutable settings records the rest of the
 * engine receives ({@code EngineSettings} with its intake, job, notification, routing and SLA parts).
 * Every problem in the configuration is collected and reported at once as one
 * {@code ConfigurationException}, and keys under {@code supportkit.} the engine does not know are
 * errors. {@code DefinitionTree} reads the YAML and JSON definition files (calendars, questionnaires,
 * solution-base files) into a plain tree of text. Internal to the engine.
 */
package dev.supportkit.core.internal.config;
