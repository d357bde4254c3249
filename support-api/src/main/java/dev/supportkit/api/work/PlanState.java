package dev.supportkit.api.work;

/** Where a work plan stands (D/01.7). */
public enum PlanState {
    /** Drafted or changed since the group lead last approved it; new and changed tasks wait for approval. */
    NEEDS_APPROVAL,
    /** The group lead approved every task as it stands. */
    APPROVED
}
