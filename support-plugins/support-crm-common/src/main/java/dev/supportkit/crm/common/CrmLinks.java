package dev.supportkit.crm.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import java.io.IOException;
import java.util.Optional;

/**
 * The CRM object of each request, kept in the engine's provider state (shared by engines, kept across restarts):
 * its CRM id, the last request version mirrored, the last journal entry posted as a comment and the entry whose
 * comment is being posted (so a retry after a crash knows to look for it before posting again). Changed only by
 * compare-and-set; a writer that loses re-reads and applies its change to the winner's value.
 */
public final class CrmLinks {
    private static final int MAX_TRIES = 20;

    private final ProviderStateStore state;
    private final ObjectMapper json;

    /**
     * What is known of one request's CRM object.
     *
     * @param object  the CRM object's id
     * @param version the last request version mirrored
     * @param posted  the journal sequence of the last entry posted as a comment (0 when none)
     * @param posting the journal sequence of an entry whose comment was about to be posted and is not known to be
     *                posted (0 when none): the CRM may hold it already
     */
    public record Link(String object, long version, long posted, long posting) {
    }

    /**
     * @param state the provider's state store
     * @param json  JSON
     */
    public CrmLinks(ProviderStateStore state, ObjectMapper json) {
        this.state = state;
        this.json = json;
    }

    /**
     * @param request a request
     * @return its CRM object, when one was recorded
     */
    public Optional<Link> get(Request request) {
        return state.get(key(request)).map(this::read);
    }

    /**
     * Changes a request's link by compare-and-set, re-reading after a conflict.
     *
     * @param request a request
     * @param change  from the current link (empty when none) to the new one
     * @return the link stored
     */
    public Link update(Request request, java.util.function.Function<Optional<Link>, Link> change) {
        String key = key(request);
        for (int i = 0; i < MAX_TRIES; i++) {
            Optional<ProviderState> current = state.get(key);
            Link next = change.apply(current.map(this::read));
            if (state.compareAndSet(key, current.map(ProviderState::version).orElse(0), write(next))) {
                return next;
            }
        }
        throw new CrmUnavailableException("the CRM link of request " + request.id().value()
                + " kept changing under " + MAX_TRIES + " tries");
    }

    /**
     * A change that keeps the greater version and posted sequence of two writers.
     *
     * @param object  the object's id
     * @param version the version mirrored
     * @param posted  the last entry posted
     * @return the change
     */
    public static java.util.function.Function<Optional<Link>, Link> merge(String object, long version, long posted) {
        return current -> {
            long done = Math.max(posted, current.map(Link::posted).orElse(0L));
            long posting = current.map(Link::posting).orElse(0L);
            return new Link(current.map(Link::object).orElse(object),
                    Math.max(version, current.map(Link::version).orElse(0L)), done, posting > done ? posting : 0);
        };
    }

    /**
     * A change recording that an entry's comment is about to be posted.
     *
     * @param sequence the entry's journal sequence
     * @return the change (the link must exist)
     */
    public static java.util.function.Function<Optional<Link>, Link> posting(long sequence) {
        return current -> {
            Link link = current.orElseThrow();
            return new Link(link.object(), link.version(), link.posted(),
                    sequence > link.posted() ? Math.max(sequence, link.posting()) : link.posting());
        };
    }

    /**
     * A change taking back the record that an entry's comment is being posted (the CRM surely did not store it).
     *
     * @param sequence the entry's journal sequence
     * @return the change
     */
    public static java.util.function.Function<Optional<Link>, Link> notPosting(long sequence) {
        return current -> {
            Link link = current.orElseThrow();
            return new Link(link.object(), link.version(), link.posted(),
                    link.posting() == sequence ? 0 : link.posting());
        };
    }

    private static String key(Request request) {
        return "request:" + request.tenant().value() + ":" + request.id().value();
    }

    private Link read(ProviderState stored) {
        try {
            JsonNode node = json.readTree(stored.value());
            return new Link(node.path("object").asText(), node.path("version").asLong(), node.path("posted").asLong(),
                    node.path("posting").asLong());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable CRM link " + stored.key(), e);
        }
    }

    private String write(Link link) {
        ObjectNode node = json.createObjectNode();
        node.put("object", link.object());
        node.put("version", link.version());
        node.put("posted", link.posted());
        if (link.posting() > 0) {
            node.put("posting", link.posting());
        }
        return node.toString();
    }
}
