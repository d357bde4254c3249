/**
 * Service-level deadlines: the policy of the customer's contract (or the default policy) and its
 * business calendar, deadlines started, paused while the request waits for the customer, resumed with
 * the working time left, met or breached as the request moves through its life, and the warning and
 * breach timers with their actions (notify, raise the priority, escalate to a group). Warnings are
 * B/02.6, breaches D/01.7. Internal to the engine.
 */
package dev.supportkit.core.internal.sla;
