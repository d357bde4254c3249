/**
 * Guice integration for applications that use Guice themselves: {@code SupportKitModule} binds a
 * {@code SupportEngine}, {@code SupportServices} and every service interface as singletons in the
 * application's injector. Part of the engine's public surface. The engine's own internals live in an
 * injector of their own and never leak into the application's.
 */
package dev.supportkit.core.guice;
