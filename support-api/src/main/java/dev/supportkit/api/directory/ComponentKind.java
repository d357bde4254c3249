package dev.supportkit.api.directory;

/** What a component of a supported system is, in the standard's terms. */
public enum ComponentKind {
    /** Equipment. */
    HARDWARE,
    /** Software. */
    SOFTWARE,
    /** A hardware-software complex (e.g. an appliance with firmware). */
    HARDWARE_SOFTWARE
}
