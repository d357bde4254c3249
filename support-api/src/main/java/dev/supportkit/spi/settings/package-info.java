/**
 * Typed provider settings: a factory declares each key it reads as a {@link dev.supportkit.spi.settings.Setting}
 * (name, type, default, range, description, whether it is a secret), and reads them with a
 * {@link dev.supportkit.spi.settings.SettingsReader} that collects every problem into one
 * {@link dev.supportkit.api.error.ConfigurationException} and never shows a secret's value.
 */
package dev.supportkit.spi.settings;
