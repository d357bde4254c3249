/**
 * Summaries of the work on requests (B/03.6, D/02.7), the implementation of {@code ReportService}:
 * counts over a tenant's requests, computed by the storage provider rather than by loading the
 * requests. Internal to the engine.
 */
package dev.supportkit.core.internal.reports;
