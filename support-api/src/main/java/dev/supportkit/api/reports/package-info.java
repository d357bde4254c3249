/**
 * Reports and summaries of the work on requests (B/03.6, D/02.7): {@link
 * dev.supportkit.api.reports.ReportService} counts a tenant's requests by status
 * ({@link dev.supportkit.api.reports.StatusSummary}) for the intake lead, group leads and auditors.
 */
package dev.supportkit.api.reports;
