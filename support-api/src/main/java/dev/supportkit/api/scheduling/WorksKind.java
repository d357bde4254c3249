package dev.supportkit.api.scheduling;

/** What kind of works an order is, and so which labour function they are coded under. */
public enum WorksKind {
    /** Installation (C/01.6). */
    INSTALLATION,
    /** Commissioning, пусконаладочные работы (C/01.6). */
    COMMISSIONING,
    /** A repair visit (C/03.6). */
    REPAIR_VISIT,
    /** A configuration session (C/02.6). */
    CONFIGURATION
}
