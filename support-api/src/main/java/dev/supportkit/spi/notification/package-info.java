/** The notification-channel SPI. */
package dev.supportkit.spi.notification;
