package dev.supportkit.api.work;

/** Where one task of a work plan stands. */
public enum TaskStatus {
    /** Not done yet. */
    OPEN,
    /** Its executor marked it done. */
    DONE
}
