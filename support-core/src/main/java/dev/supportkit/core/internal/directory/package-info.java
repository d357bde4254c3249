/**
 * The directory of customers and staff, the implementation of {@code DirectoryService}: organisations,
 * their representatives, sites, supported systems and contracts, and the support lines' groups and
 * specialists. Every save validates all fields at once and reports every problem in one
 * {@code ValidationException}; {@code ContactPoints} knows which channels a message can be delivered on
 * and what an address on each must look like. Ids are the embedding application's own. Internal to the
 * engine.
 */
package dev.supportkit.core.internal.directory;
