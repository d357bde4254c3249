/** Consulting and instructing customers (A/02.3, B/01.6). */
package dev.supportkit.api.consulting;
