package dev.supportkit.api.directory;

/** The lines a request can be handled at, from the first contact up to the vendor. */
public enum SupportLine {
    /** First-line operators (function A). */
    FIRST_LINE,
    /** The lead of the intake group (function B). */
    INTAKE_LEAD,
    /** Second-line engineers (function C), led by group leads (function D). */
    SECOND_LINE,
    /** The manufacturer or developer of the system (coordinated by a group lead, D/01.7). */
    VENDOR
}
