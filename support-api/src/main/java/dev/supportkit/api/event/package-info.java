/**
 * Domain events: every journalled change of a request, published after commit and at least once to
 * in-process {@link dev.supportkit.api.event.DomainEventListener}s and to event-sink plugins, with a stable
 * id to drop repeats by.
 */
package dev.supportkit.api.event;
