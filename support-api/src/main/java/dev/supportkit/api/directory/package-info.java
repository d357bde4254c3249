/**
 * Reference data: customer organisations, representatives, sites, supported systems and their
 * components, support lines, groups and specialists.
 */
package dev.supportkit.api.directory;
