package dev.supportkit.api.scheduling;

/** Where a booked visit stands. */
public enum VisitStatus {
    /** Booked: its technicians are held for its window. */
    BOOKED,
    /** Cancelled: its technicians are free again. */
    CANCELLED
}
