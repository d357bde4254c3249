package dev.supportkit.storage.jdbc;

import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.IntakeDetails;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.request.Survey;
import dev.supportkit.api.request.VendorCaseState;
import dev.supportkit.api.scheduling.WorksOrder;
import dev.supportkit.api.work.WorkPlan;
import dev.supportkit.spi.DataCodec;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a {@link RequestDocument} from the JSON of {@link RequestDocument#toJson}: the scalar parts (subject,
 * description, channel, journal head, typical) straight from the text, each other part present through the
 * codec on its own text. A queue page reads a document per row, and a general-purpose binding of the whole
 * object cost more than reading the rest of the row.
 *
 * <p>Anything but that form (another type of value for a part, a part named twice, a part the document does
 * not have, text after an escape the JSON grammar has not) is read by the codec as a whole, so that every
 * text reads as the codec reads it, its failures included.
 */
final class DocumentReader {
    /** The text is not in the form this reader knows: the codec reads it. */
    private static final class NotCompact extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCompact() {
            super(null, null, false, false);
        }
    }

    private static final NotCompact NOT_COMPACT = new NotCompact();

    /** The parts of a document, by the names {@link RequestDocument#toJson} gives them. */
    private enum Part {
        SUBJECT("subject"), DESCRIPTION("description"), CHANNEL("channel"), RESOLUTION("resolution"),
        JOURNAL_SEQUENCE("journalSequence"), JOURNAL_HASH("journalHash"), DEADLINES("deadlines"),
        VENDOR_CASE("vendorCase"), INTAKE("intake"), TYPICAL("typical"), WORK_PLAN("workPlan"), WORKS("works"),
        SURVEY("survey");

        private static final Part[] ALL = values();
        private final String key;

        Part(String key) {
            this.key = key;
        }
    }

    private final String json;
    private final DataCodec codec;
    private int at;

    private DocumentReader(String json, DataCodec codec) {
        this.json = json;
        this.codec = codec;
    }

    /**
     * @param json  a document's JSON text
     * @param codec the engine's codec, for the parts other than text, numbers and flags
     * @return the document, as {@code codec.fromJson(json, RequestDocument.class)} reads it
     */
    static RequestDocument read(String json, DataCodec codec) {
        try {
            return new DocumentReader(json, codec).document();
        } catch (RuntimeException e) {
            // not the compact form, or a part the codec refused: the codec reads the whole (and fails as it fails)
            return codec.fromJson(json, RequestDocument.class);
        }
    }

    private RequestDocument document() {
        String subject = null;
        String description = null;
        Channel channel = null;
        ResolutionReport resolution = null;
        Long journalSequence = null;
        String journalHash = null;
        List<Deadline> deadlines = null;
        VendorCaseState vendorCase = null;
        IntakeDetails intake = null;
        Boolean typical = null;
        WorkPlan workPlan = null;
        List<WorksOrder> works = null;
        Survey survey = null;
        int seen = 0;
        expect('{');
        boolean more = !next('}');
        while (more) {
            Part part = name();
            expect(':');
            space();
            switch (part) {
                case SUBJECT -> subject = text();
                case DESCRIPTION -> description = text();
                case CHANNEL -> {
                    String value = text();
                    channel = value == null ? null : Channel.of(value);
                }
                case RESOLUTION -> resolution = part(ResolutionReport.class);
                case JOURNAL_SEQUENCE -> journalSequence = isNull() ? null : number();
                case JOURNAL_HASH -> journalHash = text();
                case DEADLINES -> {
                    Deadline[] value = part(Deadline[].class);
                    deadlines = value == null ? null : Arrays.asList(value);
                }
                case VENDOR_CASE -> vendorCase = part(VendorCaseState.class);
                case INTAKE -> intake = part(IntakeDetails.class);
                case TYPICAL -> typical = flag();
                case WORK_PLAN -> workPlan = part(WorkPlan.class);
                case WORKS -> {
                    WorksOrder[] value = part(WorksOrder[].class);
                    works = value == null ? null : Arrays.asList(value);
                }
                case SURVEY -> survey = part(Survey.class);
            }
            int bit = 1 << part.ordinal();
            if ((seen & bit) != 0) {
                throw NOT_COMPACT; // named twice
            }
            seen |= bit;
            more = next(',');
            if (!more) {
                expect('}');
            }
        }
        return new RequestDocument(subject, description, channel, resolution, journalSequence, journalHash,
                deadlines, vendorCase, intake, typical, workPlan, works, survey);
    }

    /**
     * The name of a part, matched in the text without a string of its own; a name with an escape in it (the
     * codec reads it) is no part's.
     */
    private Part name() {
        space();
        if (at >= json.length() || json.charAt(at) != '"') {
            throw NOT_COMPACT;
        }
        int end = json.indexOf('"', at + 1);
        for (Part part : Part.ALL) {
            if (part.key.length() == end - at - 1 && json.startsWith(part.key, at + 1)) {
                at = end + 1;
                return part;
            }
        }
        throw NOT_COMPACT;
    }

    /** Skips white space; true (and past it) when the next character is {@code c}. */
    private boolean next(char c) {
        space();
        if (at < json.length() && json.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!next(c)) {
            throw NOT_COMPACT;
        }
    }

    private void space() {
        while (at < json.length()) {
            char c = json.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    /** True when the value here is the literal {@code null}, which it skips. */
    private boolean isNull() {
        if (json.startsWith("null", at)) {
            at += 4;
            return true;
        }
        return false;
    }

    /** A string value, or null. */
    private String text() {
        return isNull() ? null : string();
    }

    /** {@code true}, {@code false} or null. */
    private Boolean flag() {
        if (json.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (json.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        if (isNull()) {
            return null;
        }
        throw NOT_COMPACT;
    }

    /** A whole number as JSON writes it ({@code 0}, or digits not starting with 0, maybe after a minus). */
    private long number() {
        int start = at;
        if (at < json.length() && json.charAt(at) == '-') {
            at++;
        }
        int digits = at;
        while (at < json.length() && json.charAt(at) >= '0' && json.charAt(at) <= '9') {
            at++;
        }
        int count = at - digits;
        if (count == 0 || count > 1 && json.charAt(digits) == '0') {
            throw NOT_COMPACT; // no digits, or a leading zero
        }
        if (at < json.length() && (json.charAt(at) == '.' || json.charAt(at) == 'e' || json.charAt(at) == 'E')) {
            throw NOT_COMPACT;
        }
        return Long.parseLong(json, start, at, 10); // beyond a long it throws, and the codec reads the whole
    }

    /** A string, its escapes resolved. */
    private String string() {
        space();
        if (at >= json.length() || json.charAt(at) != '"') {
            throw NOT_COMPACT;
        }
        int start = at + 1;
        int end = json.indexOf('"', start);
        if (end < 0) {
            throw NOT_COMPACT;
        }
        for (int i = start; i < end; i++) {
            char c = json.charAt(i);
            if (c == '\\' || c < 0x20) {
                at = i;
                return escaped(new StringBuilder(end - start + 16).append(json, start, i));
            }
        }
        at = end + 1;
        return json.substring(start, end);
    }

    /** The rest of a string from an escape on, after {@code text} so far. */
    private String escaped(StringBuilder text) {
        while (at < json.length()) {
            char c = json.charAt(at++);
            if (c == '"') {
                return text.toString();
            }
            if (c < 0x20 || c == '\\' && at >= json.length()) {
                throw NOT_COMPACT;
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escape = json.charAt(at++);
            switch (escape) {
                case '"', '\\', '/' -> text.append(escape);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append(unicode());
                default -> throw NOT_COMPACT;
            }
        }
        throw NOT_COMPACT;
    }

    private char unicode() {
        if (at + 4 > json.length()) {
            throw NOT_COMPACT;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(json.charAt(at++), 16);
            if (digit < 0) {
                throw NOT_COMPACT;
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    /** A part the codec reads from its own text: an object or an array, or null. */
    private <T> T part(Class<T> type) {
        if (isNull()) {
            return null;
        }
        int start = at;
        if (at >= json.length() || json.charAt(at) != '{' && json.charAt(at) != '[') {
            throw NOT_COMPACT; // text, a number or a flag where the codec wants an object or an array
        }
        int depth = 0;
        do {
            if (at >= json.length()) {
                throw NOT_COMPACT;
            }
            char c = json.charAt(at);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            at++;
        } while (depth > 0);
        return codec.fromJson(json.substring(start, at), type);
    }
}
