package dev.supportkit.api.scheduling;

/** Why an engineer visits a site; decides the labour function the visit is recorded under. */
public enum VisitPurpose {
    /** Installation or commissioning works (C/01.6). */
    INSTALLATION,
    /** Initial configuration (C/02.6). */
    INITIAL_CONFIGURATION,
    /** Checking and removing a problem in operation (C/03.6). */
    REPAIR
}
