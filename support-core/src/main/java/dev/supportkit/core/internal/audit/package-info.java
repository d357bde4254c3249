/**
 * Evidence kept outside the database: scheduled checkpoints of the tenants' journals, written to files, sent to
 * auditors and published as events ({@code supportkit.journal.checkpoints.*}). Internal to the engine.
 */
package dev.supportkit.core.internal.audit;
