/**
 * SupportKit's public API: the acting person ({@link dev.supportkit.api.Actor}), roles, tenants, and
 * {@link dev.supportkit.api.SupportServices}, the entry point to the services. Depends on the JDK only.
 */
package dev.supportkit.api;
