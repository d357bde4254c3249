package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.DeadlineState;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.spi.DataCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DocumentReader} reads every document as the codec does: the documents of requests at every stage,
 * arbitrary text in the parts it reads itself, and text in other forms (read by the codec, failures included);
 * the documents {@link RequestDocument#toJson} writes never go to the codec as a whole.
 */
class DocumentReaderTest {
    private static final JacksonCodec JACKSON = new JacksonCodec();

    /** The engine's codec, counting the documents it is asked to read whole. */
    private static final class CountingCodec implements DataCodec {
        int wholeDocuments;

        @Override
        public String toJson(Object value) {
            return JACKSON.toJson(value);
        }

        @Override
        public <T> T fromJson(String json, Class<T> type) {
            if (type == RequestDocument.class) {
                wholeDocuments++;
            }
            return JACKSON.fromJson(json, type);
        }
    }

    private static void readsAsTheCodec(String json) {
        CountingCodec codec = new CountingCodec();
        assertEquals(JACKSON.fromJson(json, RequestDocument.class), DocumentReader.read(json, codec), json);
        assertEquals(0, codec.wholeDocuments, () -> "read whole by the codec: " + json);
    }

    @Test
    void readsTheDocumentsOfRequestsAtEveryStage() {
        List<String> documents = new ArrayList<>();
        try (EngineFixture fx = new EngineFixture()) {
            for (RequestStatus status : List.of(RequestStatus.REGISTERED, RequestStatus.AT_SECOND_LINE,
                    RequestStatus.RESOLVED, RequestStatus.CLOSED)) {
                Request request = fx.requestIn(status, SupportLine.SECOND_LINE);
                if (request.deadlines().isEmpty()) { // the fixture runs no deadlines: one as the engine keeps them
                    request = request.toBuilder().deadlines(List.of(Deadline.builder()
                            .kind(DeadlineKind.FIRST_RESPONSE).state(DeadlineState.MET).calendar("24x7")
                            .startedAt(request.registeredAt()).target(Duration.ofHours(1))
                            .dueAt(request.registeredAt().plus(Duration.ofHours(1)))
                            .metAt(request.registeredAt().plusSeconds(600)).workedTime(Duration.ofMinutes(10))
                            .build())).build();
                }
                for (boolean journalHead : new boolean[] {true, false}) { // rows before schema 13 kept it
                    documents.add(RequestDocument.of(request, true, journalHead).toJson(JACKSON));
                    documents.add(RequestDocument.of(request, false, journalHead).toJson(JACKSON));
                }
            }
        }
        documents.forEach(DocumentReaderTest::readsAsTheCodec);
        // the parts the codec reads on their own text are among them
        assertTrue(documents.stream().anyMatch(d -> d.contains("\"deadlines\":[{")), documents::toString);
        assertTrue(documents.stream().anyMatch(d -> d.contains("\"resolution\":{")), documents::toString);
    }

    /** Text of every kind of character: controls, quotes and backslashes, Cyrillic, surrogate pairs, lone halves. */
    private static String arbitraryText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append("\\\"/".charAt(random.nextInt(3)));
                case 2 -> text.append((char) (0x410 + random.nextInt(64)));
                case 3 -> text.appendCodePoint(0x1F600 + random.nextInt(80));
                case 4 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                default -> text.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return text.toString();
    }

    @Test
    void readsArbitraryTextAsTheCodec() {
        Random random = new Random(13);
        for (int i = 0; i < 500; i++) {
            readsAsTheCodec(new RequestDocument(arbitraryText(random), arbitraryText(random), Channel.PHONE, null,
                    random.nextLong() & Long.MAX_VALUE, arbitraryText(random), List.of(), null, null, null, null,
                    List.of(), null).toJson(JACKSON));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        " { \"subject\" : \"a\\u00e9\\/\\\"\\\\\\b\\f\\n\\r\\t\" ,\n\t\"journalSequence\" : 0 } ",
        "{\"typical\":false,\"channel\":null,\"description\":null,\"deadlines\":null,\"journalSequence\":-3}",
        "{\"typical\":true,\"deadlines\":[],\"works\":[],\"subject\":\"\\ud83d\\ude00 \\u0000\"}",
        "{\"resolution\":{\"summary\":\"Replaced the PSU }]\",\"cause\":\"[{\\\"\",\"equipmentFailure\":false}}",
        "{\"subject\":\"a\"} trailing",
        "{\"journalSequence\":9223372036854775807}",
        "{\"journalSequence\":null,\"journalHash\":null}",
    })
    void readsOtherWritingsOfTheSameParts(String json) {
        readsAsTheCodec(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"subject\":\"a\",\"subject\":\"b\"}",
        "{\"unknown\":{\"x\":[1,2]},\"subject\":\"a\"}",
        "{\"journalSequence\":\"7\"}",
        "{\"journalSequence\":1.0}",
        "{\"subject\":12}",
        "{\"typical\":\"true\"}",
    })
    void leavesOtherFormsToTheCodec(String json) {
        CountingCodec codec = new CountingCodec();
        assertEquals(JACKSON.fromJson(json, RequestDocument.class), DocumentReader.read(json, codec), json);
        assertEquals(1, codec.wholeDocuments, json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "[]", "{", "{\"subject\":\"a\"", "{\"subject\":\"a\\x\"}", "{\"subject\":\"a\\u12\"}",
        "{\"subject\":\"line\nbreak\"}", "{\"journalSequence\":01}", "{\"journalSequence\":99999999999999999999}",
        "{\"channel\":\"\"}", "{\"deadlines\":[}", "{\"deadlines\":{}}", "{\"resolution\":[1]}", "{\"subject\":\"a\",}",
    })
    void failsWhereTheCodecFails(String json) {
        IllegalStateException expected = assertThrows(IllegalStateException.class,
                () -> JACKSON.fromJson(json, RequestDocument.class), json);
        IllegalStateException actual = assertThrows(IllegalStateException.class,
                () -> DocumentReader.read(json, new CountingCodec()), json);
        assertEquals(expected.getMessage(), actual.getMessage(), json);
    }
}
