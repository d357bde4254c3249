/**
 * The {@code mqtt} event sink: the engine's domain events published over MQTT 5 at QoS 1 as CloudEvents, on
 * topics by tenant and request.
 */
package dev.supportkit.events.mqtt;
