/** Escalation between lines, groups and vendors (A/02.3, B/01.6, D/01.7). */
package dev.supportkit.api.escalation;
