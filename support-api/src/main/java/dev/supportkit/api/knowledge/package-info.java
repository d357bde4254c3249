/**
 * The single solution base and the FAQ (A/01.3, A/02.3, B/01.6): articles with a review life cycle and
 * versions, FAQ entries per system model, full-text search in Russian and English, and suggestions for
 * a request.
 */
package dev.supportkit.api.knowledge;
