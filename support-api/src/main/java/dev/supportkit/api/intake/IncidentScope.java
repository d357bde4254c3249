package dev.supportkit.api.intake;

/** What the requests of a mass incident have in common. */
public enum IncidentScope {
    /** The same system model, across customers (e.g. a firmware fault). */
    SYSTEM_MODEL,
    /** The same site (e.g. a power cut at one building). */
    SITE,
    /** The same service, i.e. the same problem category (e.g. {@code telephony/no-incoming-calls}). */
    SERVICE
}
