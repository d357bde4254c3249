package dev.supportkit.core.internal.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleId;
import dev.supportkit.api.knowledge.ArticleStatus;
import dev.supportkit.api.knowledge.KnowledgeQuery;
import dev.supportkit.api.TenantId;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.SharedStorageFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Articles and FAQ entries kept in YAML or JSON files. */
class KnowledgeFilesTest {
    private static final String ARTICLE = """
            kind: article
            id: KB-PBX-NO-INCOMING
            problem: Не проходят входящие звонки
            symptoms: Абоненты слышат короткие гудки
            steps:
              - Проверьте баланс номера у оператора связи
              - Перезагрузите АТС
            system-models: [NT-PBX 300]
            system-versions: 5.2 and later
            typical: true
            customer-visible: true
            ---
            kind: faq
            id: faq-forwarding
            question: Как настроить переадресацию?
            answer: Наберите *21* и номер телефона.
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    @DisplayName("a YAML file with several documents and a JSON file are read, in file-name order")
    void readsYamlAndJson() throws IOException {
        write("b-pbx.yaml", ARTICLE);
        write("a-cctv.json", """
                [{"kind": "faq", "id": "faq-export", "question": "How to export video?",
                  "answer": "Use the archive menu.", "system-models": ["V-100"]}]
                """);
        write("notes.txt", "ignored");

        KnowledgeFiles.Contents contents = KnowledgeFiles.read(dir);
        assertEquals(1, contents.articles().size());
        KnowledgeFiles.ArticleFile article = contents.articles().get(0);
        assertEquals(ArticleId.of("KB-PBX-NO-INCOMING"), article.id());
        assertEquals(List.of("Проверьте баланс номера у оператора связи", "Перезагрузите АТС"), article.draft().steps());
        assertEquals(Set.of("NT-PBX 300"), article.draft().systemModels());
        assertEquals("5.2 and later", article.draft().systemVersions());
        assertTrue(article.draft().typical() && article.draft().customerVisible());
        assertEquals("b-pbx.yaml#1", article.source());
        assertEquals(List.of("faq-export", "faq-forwarding"),
                contents.faq().stream().map(f -> f.id().value()).toList());
    }

    @Test
    @DisplayName("every problem of every file is reported at once, with file, document and key")
    void reportsEveryProblem() throws IOException {
        write("bad.yaml", """
                kind: article
                id: KB-1
                problem: ""
                steps: not a list
                typical: maybe
                colour: red
                ---
                kind: recipe
                id: R-1
                """);
        write("dup.yaml", """
                kind: faq
                id: faq-1
                question: Q?
                ---
                kind: faq
                id: faq-1
                question: Q?
                answer: A.
                """);
        write("broken.yaml", "kind: [unclosed");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> KnowledgeFiles.read(dir));
        List<String> problems = e.problems();
        assertTrue(problems.contains("bad.yaml#1: problem: is required"), problems.toString());
        assertTrue(problems.contains("bad.yaml#1: steps: must be a list"), problems.toString());
        assertTrue(problems.contains("bad.yaml#1: typical: must be true or false, was 'maybe'"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("bad.yaml#1: colour: unknown key")), problems.toString());
        assertTrue(problems.contains("bad.yaml#2: kind: must be 'article' or 'faq', was 'recipe'"), problems.toString());
        assertTrue(problems.contains("dup.yaml#1: answer: is required"), problems.toString());
        assertTrue(problems.contains("dup.yaml#2: id: 'faq-1' is defined twice"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("broken.yaml: (line 1, column")
                && p.contains("not valid YAML")), problems.toString());
    }

    @Test
    @DisplayName("files loaded at start publish new content, leave identical content alone and version changes")
    void loadedAtStartIdempotently() throws IOException {
        Path tenantDirectory = Files.createDirectories(dir.resolve("acme"));
        Path file = Files.writeString(tenantDirectory.resolve("pbx.yaml"), ARTICLE);
        SharedStorageFactory storage = new SharedStorageFactory();
        MutableClock clock = new MutableClock(EngineFixture.START);
        ArticleId id = ArticleId.of("KB-PBX-NO-INCOMING");

        try (SupportEngine engine = engine(storage, clock)) {
            EngineFixture fx = new EngineFixture(TenantId.of("acme"), engine);
            Article article = fx.engine.knowledge().article(fx.customer, id);
            assertEquals(ArticleStatus.PUBLISHED, article.status());
            assertEquals(1, article.version());
            assertTrue(article.author().startsWith("file:pbx.yaml"), article.author());
            assertEquals(1, fx.engine.knowledge().search(fx.customer, KnowledgeQuery.of("входящий звонок")).size());
            assertEquals(1, fx.engine.knowledge().search(fx.customer, KnowledgeQuery.of("переадресации")).size());
        }
        try (SupportEngine engine = engine(storage, clock)) {
            EngineFixture fx = new EngineFixture(TenantId.of("acme"), engine);
            assertEquals(1, fx.engine.knowledge().articleHistory(fx.auditor, id).size(), "nothing changed");
            assertEquals(1, fx.engine.knowledge().faq(fx.customer, java.util.Optional.empty()).get(0).version());
        }
        Files.writeString(file, ARTICLE.replace("Перезагрузите АТС", "Перезагрузите станцию"));
        try (SupportEngine engine = engine(storage, clock)) {
            EngineFixture fx = new EngineFixture(TenantId.of("acme"), engine);
            assertEquals(2, fx.engine.knowledge().article(fx.customer, id).version());
            assertEquals(1, fx.engine.knowledge().search(fx.customer, KnowledgeQuery.of("станция")).size());
        }
        Files.writeString(file, "kind: article\nid: KB-2\nproblem: x\nsteps: []\n");
        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> engine(storage, clock));
        assertEquals(List.of("supportkit.knowledge.directory acme/pbx.yaml: steps: at least one solution step is "
                + "required"), bad.problems());
    }

    private SupportEngine engine(SharedStorageFactory storage, MutableClock clock) {
        return SupportEngine.builder().clock(clock).environment(java.util.Map.of()).storage(storage)
                .set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.knowledge.directory", dir.toString()).build();
    }
}
