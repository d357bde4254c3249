package dev.supportkit.core.internal.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.json.JacksonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The digest of a request's stored state that each of its journal entries carries under the entry's seal: the
 * SHA-256 of the snapshot as canonical JSON, with its journal head left out (the head names the entry that
 * carries the digest). Canonical: properties and map keys sorted, and the elements of every set sorted too, since
 * a set read back from a store (or in another JVM) may iterate in another order. {@code journal().verify}
 * recomputes it from the stored row, so a row changed outside the engine (status, subject, line, deadlines,
 * anything) no longer matches what its journal recorded.
 */
public final class StateDigest {
    /** One canonical writer per codec (an engine has one); gone with its engine's codec. */
    private static final Map<JacksonCodec, ObjectMapper> CANONICAL = Collections.synchronizedMap(new WeakHashMap<>());

    private StateDigest() {
    }

    /**
     * Computes a snapshot's digest.
     *
     * @param request the snapshot (its journal head is ignored)
     * @param codec   the engine's JSON codec
     * @return lower-case hex SHA-256
     */
    public static String of(Request request, JacksonCodec codec) {
        boolean headless = request.journalSequence() == 0 && HashChain.GENESIS.equals(request.journalHash());
        Request withoutHead = headless ? request : request.toBuilder().journalHead(0, HashChain.GENESIS).build();
        try {
            return HashChain.sha256(CANONICAL.computeIfAbsent(codec, StateDigest::canonical)
                    .writeValueAsBytes(withoutHead));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request snapshot cannot be written as JSON", e);
        }
    }

    private static ObjectMapper canonical(JacksonCodec codec) {
        ObjectMapper copy = codec.mapper().copy();
        copy.registerModule(new SimpleModule("supportkit-canonical-sets").addSerializer(new SortedSetWriter(copy)));
        return copy;
    }

    /** Writes a set as a JSON array of its elements' canonical JSON, in text order. */
    @SuppressWarnings("rawtypes")
    private static final class SortedSetWriter extends StdSerializer<Set> {
        private final transient ObjectMapper mapper;

        SortedSetWriter(ObjectMapper mapper) {
            super(Set.class);
            this.mapper = mapper;
        }

        @Override
        public void serialize(Set value, JsonGenerator out, SerializerProvider provider) throws IOException {
            List<JsonNode> elements = new ArrayList<>(value.size());
            for (Object element : value) {
                elements.add(mapper.valueToTree(element));
            }
            elements.sort(Comparator.comparing(JsonNode::toString));
            out.writeStartArray();
            for (JsonNode element : elements) {
                out.writeTree(element);
            }
            out.writeEndArray();
        }
    }
}
