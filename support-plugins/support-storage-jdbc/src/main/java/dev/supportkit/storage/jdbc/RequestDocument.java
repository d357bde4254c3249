package dev.supportkit.storage.jdbc;

import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.IntakeDetails;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.Survey;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.request.VendorCaseState;
import dev.supportkit.api.scheduling.WorksOrder;
import dev.supportkit.api.work.WorkPlan;
import dev.supportkit.spi.DataCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a request that no query filters or sorts by, kept as JSON in {@code sk_requests.document};
 * everything else is a column. The description is left out when the request's first contact, stored in
 * {@code sk_contacts} in the same transaction, carries the same text ({@code first_contact} names it): the
 * customer's text is stored once.
 *
 * @param subject         the one-line summary
 * @param description     the description, or null when it is the first contact's text
 * @param channel         the channel of the first contact
 * @param resolution      the resolution report, or null
 * @param journalSequence sequence of its latest journal entry, in documents written before schema version 13
 *                        only (now the {@code journal_seq} column); null in newer ones
 * @param journalHash     hash of its latest journal entry, in documents written before schema version 13 only
 *                        (now the {@code journal_hash} column); null in newer ones
 * @param deadlines       its deadlines in full (columns hold their due and met times only)
 * @param vendorCase      its vendor case, or null
 * @param intake          questionnaire, answers, emergency and incident
 * @param typical         whether its problem was judged typical, or null
 * @param workPlan        its work plan, or null
 * @param works           its works orders, or null for none
 * @param survey          its satisfaction survey, or null for none
 */
public record RequestDocument(String subject, String description, Channel channel, ResolutionReport resolution,
                              Long journalSequence, String journalHash, List<Deadline> deadlines,
                              VendorCaseState vendorCase, IntakeDetails intake, Boolean typical,
                              WorkPlan workPlan, List<WorksOrder> works, Survey survey) {

    /**
     * The document of a snapshot.
     *
     * @param request         the snapshot
     * @param withDescription whether to keep the description (false when the first contact holds it)
     * @param withJournalHead whether to keep the journal head (only when its columns are not written: a
     *                        migration that runs before schema version 13 added them)
     * @return its document
     */
    static RequestDocument of(Request request, boolean withDescription, boolean withJournalHead) {
        return new RequestDocument(request.subject(), withDescription ? request.description() : null,
                request.channel(), request.resolution().orElse(null),
                withJournalHead ? request.journalSequence() : null, withJournalHead ? request.journalHash() : null,
                request.deadlines(), request.vendorCase().orElse(null), request.intake(),
                request.typical().orElse(null), request.workPlan().orElse(null), request.works(),
                request.survey().orElse(null));
    }

    /**
     * The document as JSON without its empty parts (no null, no empty deadline list, no intake details when
     * there are none): written on every change, so every byte counts. Reading it back fills them in again.
     *
     * @param codec the engine's codec
     * @return the JSON text
     */
    String toJson(DataCodec codec) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("subject", subject);
        if (description != null) {
            parts.put("description", description);
        }
        parts.put("channel", channel);
        if (resolution != null) {
            parts.put("resolution", resolution);
        }
        if (journalHash != null) {
            parts.put("journalSequence", journalSequence);
            parts.put("journalHash", journalHash);
        }
        if (deadlines != null && !deadlines.isEmpty()) {
            parts.put("deadlines", deadlines);
        }
        if (vendorCase != null) {
            parts.put("vendorCase", vendorCase);
        }
        if (intake != null && !intake.equals(IntakeDetails.NONE)) {
            parts.put("intake", intake);
        }
        if (typical != null) {
            parts.put("typical", typical);
        }
        if (workPlan != null) {
            parts.put("workPlan", workPlan);
        }
        if (works != null && !works.isEmpty()) {
            parts.put("works", works);
        }
        if (survey != null) {
            parts.put("survey", survey);
        }
        return codec.toJson(parts);
    }
}
