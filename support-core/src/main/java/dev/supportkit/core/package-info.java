/**
 * The SupportKit engine. The public surface is {@link dev.supportkit.core.SupportEngine} and its
 * builder, plus {@link dev.supportkit.core.guice.SupportKitModule} for Guice users and the
 * {@code memory} storage provider; every other package is internal and may change without notice.
 */
package dev.supportkit.core;
