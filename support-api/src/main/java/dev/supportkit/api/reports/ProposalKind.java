package dev.supportkit.api.reports;

/** What a group lead's proposal is about (D/02.7: "propose optimisations of the group's work"). */
public enum ProposalKind {
    /** How many specialists each hour of the week needs, by the Erlang C formula. */
    STAFFING,
    /** A problem category or a model with many requests and no article in the solution base. */
    KNOWLEDGE_GAP,
    /** Repeated failures of one model or component: worth a case with the vendor. */
    VENDOR_ESCALATION,
    /** One specialist receives far more requests than the others. */
    ROUTING_IMBALANCE
}
