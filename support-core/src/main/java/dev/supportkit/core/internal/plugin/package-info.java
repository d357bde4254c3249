/**
 * Provider discovery: provider factories listed in {@code META-INF/services} on the class path or in
 * PF4J plugins from the plugins directory, checked against the SPI version, and the choice of one
 * factory per id. Internal to the engine.
 */
package dev.supportkit.core.internal.plugin;
