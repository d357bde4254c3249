/**
 * Due work of one node: {@code DueWorkProcessor} claims due timers under a lease and handles each in
 * the transaction that marks it done, then lets the outbox dispatcher deliver due messages. A
 * {@code TimerHandler} does what a timer of one kind stands for (an SLA warning or breach, a missed
 * executor deadline). With several nodes on one store each timer is handled once; a node that dies
 * mid-batch leaves claims that expire and are taken over. Internal to the engine.
 */
package dev.supportkit.core.internal.jobs;
