package dev.supportkit.core.internal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.request.QuestionnaireRef;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.SharedStorageFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Questionnaire files: the public reader, and loading {@code <dir>/<tenant-id>/*} at engine start, where every
 * problem fails the build naming the file and field.
 */
class IntakeQuestionnaireFilesTest {
    /** The README's example. */
    static final String PBX_YAML = """
            id: pbx-no-calls
            version: 1
            title: "PBX: calls do not go through"
            system-model: NT-PBX 300
            category: telephony/no-incoming-calls
            agreed-by: Telephony department
            agreed-on: 2026-11-20
            questions:
              - key: users-affected
                text: How many users are affected?
                type: single-choice
                required: true
                options: [one, several, all]
              - key: whole-office
                text: Is the whole office without calls?
                type: yes-no
                required: true
                shown-when: {question: users-affected, any-of: [all]}
              - key: symptoms
                text: What do callers hear?
                type: multiple-choice
                options: [no-dial-tone, busy-tone, one-way-audio]
              - key: handsets
                text: How many handsets are dead?
                type: number
                min: 1
                max: 500
              - key: since
                text: Since when?
                type: date-time
              - key: device
                text: Which device shows the fault?
                type: equipment
              - key: details
                text: Anything else?
                type: text
                max-length: 500
            """;

    static final String GENERIC_JSON = """
            {"id": "generic", "version": "1", "title": "Any problem", "agreed-by": "Service desk",
             "agreed-on": "2026-01-15",
             "questions": [{"key": "details", "text": "What happens?", "type": "TEXT", "required": "false"}]}
            """;

    private final MutableClock clock = new MutableClock(EngineFixture.START);
    private final SharedStorageFactory storage = new SharedStorageFactory();
    private final List<SupportEngine> engines = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        engines.forEach(SupportEngine::close);
    }

    private SupportEngine engine(Map<String, String> settings) {
        SupportEngine.Builder builder = SupportEngine.builder().clock(clock).environment(Map.of()).storage(storage)
                .set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.intake.questionnaire-directory", dir.toString());
        settings.forEach(builder::set);
        SupportEngine engine = builder.build();
        engines.add(engine);
        return engine;
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    static Questionnaire expectedPbx() {
        return new Questionnaire(QuestionnaireId.of("pbx-no-calls"), 1, "PBX: calls do not go through",
                Optional.of("NT-PBX 300"), Optional.of("telephony/no-incoming-calls"), "Telephony department",
                LocalDate.of(2026, 11, 20), List.of(
                Question.choice("users-affected", "How many users are affected?", QuestionType.SINGLE_CHOICE, true,
                        List.of("one", "several", "all")),
                Question.of("whole-office", "Is the whole office without calls?", QuestionType.YES_NO, true)
                        .shownWhen("users-affected", "all"),
                Question.choice("symptoms", "What do callers hear?", QuestionType.MULTIPLE_CHOICE, false,
                        List.of("no-dial-tone", "busy-tone", "one-way-audio")),
                Question.of("handsets", "How many handsets are dead?", QuestionType.NUMBER, false)
                        .between(new BigDecimal("1"), new BigDecimal("500")),
                Question.of("since", "Since when?", QuestionType.DATE_TIME, false),
                Question.of("device", "Which device shows the fault?", QuestionType.EQUIPMENT, false),
                new Question("details", "Anything else?", QuestionType.TEXT, false, List.of(), Optional.empty(),
                        Optional.empty(), Optional.empty(), 500)));
    }

    @Test
    @DisplayName("the public reader reads the documented YAML schema and JSON")
    void readsFiles() throws IOException {
        assertEquals(expectedPbx(), QuestionnaireFiles.read(write("pbx.yaml", PBX_YAML)));
        Questionnaire generic = QuestionnaireFiles.read(write("generic.json", GENERIC_JSON));
        assertEquals(new Questionnaire(QuestionnaireId.of("generic"), 1, "Any problem", Optional.empty(),
                Optional.empty(), "Service desk", LocalDate.of(2026, 1, 15),
                List.of(Question.of("details", "What happens?", QuestionType.TEXT, false))), generic);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("not YAML", "bad.yaml", "id: [unclosed\n", List.of("not valid YAML")),
                Arguments.of("not JSON", "bad.json", "{\"id\": ", List.of("not valid JSON")),
                Arguments.of("duplicate JSON key", "dup.json", "{\"id\": \"a\", \"id\": \"b\"}",
                        List.of("not valid JSON")),
                Arguments.of("duplicate YAML key", "dup.yaml", PBX_YAML + "title: again\n", List.of("title: duplicate key")),
                Arguments.of("a list, not a mapping", "list.yaml", "- id: x\n", List.of("(document): must be a mapping")),
                Arguments.of("missing fields", "missing.yaml", "questions:\n  - key: a\n",
                        List.of("id [required]", "version: is required", "title [required]", "agreed-by [required]",
                                "agreed-on [required]", "questions[0].text [required]",
                                "questions[0].type [required]")),
                Arguments.of("unknown keys", "unknown.yaml", PBX_YAML.replace("  - key: since\n",
                        "  - key: since\n    colour: red\n") + "owner: me\n",
                        List.of("owner: unknown key", "questions[4].colour: unknown key")),
                Arguments.of("bad values", "values.yaml", PBX_YAML.replace("version: 1", "version: one")
                                .replace("agreed-on: 2026-11-20", "agreed-on: 20.11.2026")
                                .replace("type: yes-no", "type: boolean")
                                .replace("required: true\n    options", "required: maybe\n    options")
                                .replace("min: 1", "min: low")
                                .replace("max-length: 500", "max-length: long"),
                        List.of("version: must be a whole number (was 'one')", "agreed-on: '20.11.2026' is not a date",
                                "questions[1].type: 'boolean' is not a question type",
                                "questions[0].required: must be true or false",
                                "questions[3].min: must be a decimal number",
                                "questions[6].max-length: must be a whole number")),
                Arguments.of("wrong shapes", "shapes.yaml", PBX_YAML.replace("options: [one, several, all]",
                                "options: {one: 1}").replace("title: \"PBX: calls do not go through\"",
                                "title: [a, b]"),
                        List.of("title: must be text, not a list", "questions[0].options: must be a list of texts")),
                Arguments.of("definition rules", "rules.yaml", PBX_YAML.replace("any-of: [all]", "any-of: [everyone]")
                                .replace("  - key: symptoms\n    text: What do callers hear?\n    type: multiple-choice\n"
                                        + "    options: [no-dial-tone, busy-tone, one-way-audio]\n",
                                        "  - key: symptoms\n    text: What do callers hear?\n    type: multiple-choice\n")
                                .replace("key: details", "key: handsets"),
                        List.of("questions[1].shown-when.any-of[0] [one-of]", "questions[2].options [required]",
                                "questions[6].key [unique]")),
                Arguments.of("condition on a later question", "later.yaml", PBX_YAML.replace(
                                "shown-when: {question: users-affected, any-of: [all]}",
                                "shown-when: {question: symptoms, any-of: [busy-tone]}"),
                        List.of("questions[1].shown-when.question [earlier-question]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    @DisplayName("a bad file is reported with every problem, each naming the field")
    void badFile(String name, String file, String content, List<String> expected) throws IOException {
        Path path = write(file, content);
        QuestionnaireFileException error = assertThrows(QuestionnaireFileException.class,
                () -> QuestionnaireFiles.read(path));
        assertEquals(path.toString(), error.source());
        for (String part : expected) {
            assertTrue(error.problems().stream().anyMatch(p -> p.contains(part)),
                    "'" + part + "' in " + error.problems());
        }
        assertTrue(error.getMessage().contains(path.toString()), error.getMessage());
    }

    @Test
    @DisplayName("at start every tenant's files are stored; other files are ignored; contacts use them at once")
    void loadedAtStart() throws IOException {
        write("acme/pbx.yaml", PBX_YAML);
        write("acme/generic.json", GENERIC_JSON);
        write("acme/README.md", "not a questionnaire");
        write("other/generic.yml", GENERIC_JSON.replace("Any problem", "Other tenant"));
        EngineFixture fx = new EngineFixture(dev.supportkit.api.TenantId.of("acme"), engine(Map.of()));

        assertEquals(List.of("generic v1", "pbx-no-calls v1"), fx.engine.intake().questionnaires(fx.auditor).stream()
                .map(q -> q.ref().toString()).toList());
        assertEquals(expectedPbx(), fx.engine.intake().questionnaire(fx.operator,
                QuestionnaireId.of("pbx-no-calls"), 1));
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().category("telephony/no-incoming-calls")
                .answer("users-affected", "several").build());
        assertEquals(Optional.of(new QuestionnaireRef(QuestionnaireId.of("pbx-no-calls"), 1)),
                r.intake().questionnaire());
        EngineFixture other = new EngineFixture(dev.supportkit.api.TenantId.of("other"), engines.get(0));
        assertEquals("Other tenant", other.engine.intake().questionnaires(other.auditor).get(0).title());
    }

    @Test
    @DisplayName("starting again with the same files is harmless; versions in several files are stored in order")
    void restartAndVersions() throws IOException {
        write("acme/pbx.yaml", PBX_YAML);
        engine(Map.of()).close();
        write("acme/pbx-2.yaml", PBX_YAML.replace("version: 1", "version: 2").replace("max: 500", "max: 900"));
        EngineFixture fx = new EngineFixture(dev.supportkit.api.TenantId.of("acme"), engine(Map.of()));
        assertEquals(2, fx.engine.intake().questionnaires(fx.auditor).get(0).version());
        assertEquals(expectedPbx(), fx.engine.intake().questionnaire(fx.auditor, QuestionnaireId.of("pbx-no-calls"), 1));
    }

    @Test
    @DisplayName("a changed stored version fails the start naming the file, and nothing of the files is stored")
    void changedStoredVersion() throws IOException {
        write("acme/pbx.yaml", PBX_YAML);
        engine(Map.of()).close();
        Path changed = write("acme/pbx.yaml", PBX_YAML.replace("max: 500", "max: 900"));
        write("acme/generic.json", GENERIC_JSON);

        ConfigurationException error = assertThrows(ConfigurationException.class, () -> engine(Map.of()));
        assertEquals(1, error.problems().size(), error.getMessage());
        String problem = error.problems().get(0);
        assertTrue(problem.startsWith("supportkit.intake.questionnaire-directory: '" + changed + "': version "
                + "[immutable]"), problem);

        Files.delete(changed);
        EngineFixture fx = new EngineFixture(dev.supportkit.api.TenantId.of("acme"), engine(Map.of()));
        assertEquals(List.of("generic v1", "pbx-no-calls v1"), fx.engine.intake().questionnaires(fx.auditor).stream()
                .map(q -> q.ref().toString()).toList(), "the failed start stored nothing; the first start's v1 stays");
        assertEquals(expectedPbx(), fx.engine.intake().questionnaire(fx.auditor, QuestionnaireId.of("pbx-no-calls"), 1));
    }

    @Test
    @DisplayName("every problem of every file fails the build at once, with the other configuration problems")
    void allProblemsAtOnce() throws IOException {
        Path root = write("stray.yaml", PBX_YAML);
        Path bad = write("acme/bad.yaml", PBX_YAML.replace("type: number", "type: numeric"));
        Path gap = write("acme/gap.yaml", GENERIC_JSON.replace("\"version\": \"1\"", "\"version\": \"3\""));
        Path one = write("acme/one.yaml", PBX_YAML.replace("pbx-no-calls", "twice"));
        Path two = write("acme/two.yaml", PBX_YAML.replace("pbx-no-calls", "twice"));
        write("acme/bad-json.json", "{");
        write("x".repeat(65) + "/a.yaml", PBX_YAML);

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> engine(Map.of("supportkit.intake.unknown", "1")));
        String all = String.join("\n", error.problems());
        assertTrue(all.contains("supportkit.intake.unknown: unknown intake key"), all);
        assertTrue(all.contains("'" + root + "' must be in a tenant's directory"), all);
        assertTrue(all.contains("'" + bad + "': questions[3].type: 'numeric' is not a question type"), all);
        assertTrue(all.contains("'" + two + "': version 1 of questionnaire 'twice' is also defined in '" + one + "'"),
                all);
        assertTrue(all.contains("bad-json.json': (line"), all);
        assertTrue(all.contains("is not a tenant id"), all);
        assertTrue(!all.contains(gap.toString()), "the version sequence is checked when storing: " + all);

        Files.delete(root);
        Files.delete(bad);
        Files.delete(two);
        Files.delete(dir.resolve("acme/bad-json.json"));
        Files.delete(dir.resolve("x".repeat(65) + "/a.yaml"));
        Files.delete(dir.resolve("x".repeat(65)));
        ConfigurationException sequence = assertThrows(ConfigurationException.class, () -> engine(Map.of()));
        assertEquals(List.of("supportkit.intake.questionnaire-directory: '" + gap + "': version [next-version]: must "
                + "be 1 (the latest stored version of 'generic' is none)"), sequence.problems());
    }

    /** The first YAML block of a README section that starts with the given text. */
    private static String readmeBlock(String heading, String startsWith) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf(heading));
        int at = 0;
        while (true) {
            int open = section.indexOf("```yaml\n", at);
            int close = section.indexOf("```\n", open + 8);
            String block = section.substring(open + 8, close);
            if (block.startsWith(startsWith)) {
                return block;
            }
            at = close + 4;
        }
    }

    @Test
    @DisplayName("the README's questionnaire file and intake configuration are read as documented")
    void readmeExamples() throws IOException {
        String heading = "## Intake: questionnaires, emergencies and mass incidents";
        String questionnaire = readmeBlock(heading, "id: pbx-no-calls");
        assertEquals(PBX_YAML, questionnaire, "the README shows the file this test reads");
        assertEquals(expectedPbx(), QuestionnaireFiles.read(write("readme.yaml", questionnaire)));

        Path config = write("supportkit.yaml", readmeBlock(heading, "supportkit:\n  intake:"));
        SupportEngine engine = SupportEngine.builder().clock(clock).environment(Map.of()).configFile(config)
                .set("supportkit.jobs.poll-interval-ms", "0").build();
        engines.add(engine);
        EngineFixture fx = new EngineFixture(dev.supportkit.api.TenantId.of("acme"), engine);
        Request emergency = fx.engine.intake().registerContact(fx.operator, fx.draft()
                .text("У нас не работает вся связь").build());
        assertEquals(dev.supportkit.api.request.Priority.CRITICAL, emergency.priority());
        Request down = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true)
                .text("The trunk is down").build());
        assertEquals(dev.supportkit.api.request.Priority.HIGH, down.priority(), "the fixture's PBX is critical");
    }

    @Test
    @DisplayName("the directory must exist")
    void directoryMustExist() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> engine(Map.of(
                "supportkit.intake.questionnaire-directory", dir.resolve("missing").toString())));
        assertTrue(error.problems().get(0).startsWith("supportkit.intake.questionnaire-directory: '"), error.getMessage());
    }
}
