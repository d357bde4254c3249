/**
 * Working a request day to day (B/01.6, B/02.6, C/03.6, D/01.7): assigning it within a line or to another
 * group, internal notes that mention specialists, and replies to the customer.
 */
package dev.supportkit.api.work;
