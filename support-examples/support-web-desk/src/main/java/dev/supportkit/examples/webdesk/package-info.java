/**
 * The web desk: a Javalin server embedding SupportKit through its public API only — staff queues and request
 * cards, a customer portal, FAQ and articles, reports, and a REST API described by {@code /openapi.yaml}.
 * The users file ({@link dev.supportkit.examples.webdesk.UsersFile}) maps logins to actors; an embedder replaces
 * it with their own identity provider.
 */
package dev.supportkit.examples.webdesk;
