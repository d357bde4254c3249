/** Reports and summaries (B/03.6, D/02.7). */
package dev.supportkit.api.reports;
