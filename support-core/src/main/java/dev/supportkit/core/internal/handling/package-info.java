/** Working a request day to day: assignment, internal notes, replies to the customer. */
package dev.supportkit.core.internal.handling;
