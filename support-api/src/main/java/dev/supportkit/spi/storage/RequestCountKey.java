package dev.supportkit.spi.storage;

/**
 * What requests registered in a period are counted by, in {@link StorageTransaction#countRegistered}.
 */
public enum RequestCountKey {
    /** The problem category; requests without one are left out. */
    CATEGORY,
    /** The model of the supported system; requests without one are left out. */
    MODEL,
    /** The hour of registration: the number of whole hours from 1970-01-01T00:00Z, as decimal text. */
    REGISTRATION_HOUR
}
