/**
 * The event journal: append-only, hash-chained entries naming the labour function of the standard
 * each action performs.
 */
package dev.supportkit.api.journal;
