/** The storage SPI: transactions over requests, contacts, the journal, the outbox and the directory. */
package dev.supportkit.spi.storage;
