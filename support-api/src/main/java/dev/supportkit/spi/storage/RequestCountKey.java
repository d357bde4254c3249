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
    REGISTRATION_HOUR,
    /** The line that holds the request now: a {@code SupportLine} name. */
    LINE,
    /**
     * The handling path taken so far: {@code FIRST_LINE} (never left the first line) or {@code ESCALATED}
     * (handed to the intake lead or second line), then {@code /REOPENED} when it was reopened.
     */
    PATH
}
