/**
 * The {@code jdbc} storage plugin: requests, contacts, the journal, the outbox, timers, the
 * directory and the blobs of attachments in H2, PostgreSQL or MariaDB, through HikariCP, with Flyway
 * migrations. Entry point: {@link dev.supportkit.storage.jdbc.JdbcStorageProviderFactory}.
 */
package dev.supportkit.storage.jdbc;
