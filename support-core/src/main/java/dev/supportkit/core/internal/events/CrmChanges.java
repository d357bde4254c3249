package dev.supportkit.core.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.request.HookContext;
import dev.supportkit.spi.crm.CrmChange;
import dev.supportkit.spi.crm.CrmEntry;
import dev.supportkit.spi.crm.CrmParty;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.StorageTransaction;
import java.util.List;
import java.util.Optional;

/** Builds the {@link CrmChange} of a command, in its transaction, and reads it back from an outbox row. */
final class CrmChanges {
    /** Event fields that carry the text the customer sees, in the order they are looked for. */
    private static final List<String> TEXT_FIELDS = List.of("text", "answer", "instruction", "summary", "question",
            "comment", "note", "objection", "resolution", "subject");

    private CrmChanges() {
    }

    /**
     * @param context the command's change
     * @param key     the change's idempotency key
     * @param codec   JSON
     * @return the change as a CRM adapter receives it
     */
    static CrmChange of(HookContext context, String key, JacksonCodec codec) {
        Request after = context.after();
        List<CrmEntry> entries = context.records().stream()
                .filter(r -> r.visibility() == Visibility.CUSTOMER_VISIBLE)
                .map(r -> new CrmEntry(r.sequence(), text(r, codec), r.actorName() == null ? "" : r.actorName(),
                        r.occurredAt()))
                .toList();
        StorageTransaction tx = context.tx();
        TenantId tenant = after.tenant();
        Optional<Organization> org = tx.findDirectoryEntry(tenant, Organization.class, after.organization().value());
        Optional<Representative> rep = tx.findDirectoryEntry(tenant, Representative.class,
                after.representative().value());
        CrmParty customer = CrmParty.builder()
                .companyName(org.map(Organization::name).orElse(null))
                .taxNumber(org.map(Organization::taxNumber).orElse(null))
                .contactName(rep.map(Representative::fullName).orElse(null))
                .phone(rep.map(Representative::phone).orElse(null))
                .email(rep.map(Representative::email).orElse(null)).build();
        Optional<String> assignee = after.assignee().map(id -> tx.findDirectoryEntry(tenant, Specialist.class,
                id.value()).map(Specialist::fullName).orElse(id.value()));
        return new CrmChange(key, after, CrmChange.kindsOf(context.before(), after, entries), entries, customer,
                assignee);
    }

    /**
     * Reads a CRM row's payload: a change, or a bare request snapshot written by an engine of an earlier version.
     *
     * @param payload the row's payload
     * @param key     the row's idempotency key
     * @param codec   JSON
     * @return the change
     */
    static CrmChange read(String payload, String key, JacksonCodec codec) {
        try {
            JsonNode node = codec.mapper().readTree(payload);
            if (node.has("idempotencyKey") && node.has("request")) {
                return codec.mapper().treeToValue(node, CrmChange.class);
            }
            return CrmChange.of(codec.mapper().treeToValue(node, Request.class), key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the CRM change " + key, e);
        }
    }

    /** The entry's description, followed by the text the customer sees when the event carries one. */
    private static String text(JournalRecord record, JacksonCodec codec) {
        String description = record.description() == null ? "" : record.description();
        try {
            JsonNode event = codec.mapper().readTree(record.payload() == null ? "{}" : record.payload());
            for (String field : TEXT_FIELDS) {
                JsonNode value = event.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return description.isBlank() ? value.asText() : description + ": " + value.asText();
                }
            }
        } catch (JsonProcessingException e) {
            // an unreadable payload still has its description
        }
        return description;
    }
}
