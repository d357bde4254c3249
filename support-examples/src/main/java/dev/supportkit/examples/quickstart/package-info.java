/**
 * The quickstart: one runnable program that builds an engine on the embedded H2 store with e-mail
 * delivery to a local SMTP sink, fills the directory, and walks one request through its whole life,
 * from the customer's contact through redirects, a visit, resolution and sign-off to closing, printing
 * the request's journal with the labour function of every step. It uses only the public API:
 * {@code SupportEngine}, its builder and the service interfaces of {@code support-api}.
 */
package dev.supportkit.examples.quickstart;
