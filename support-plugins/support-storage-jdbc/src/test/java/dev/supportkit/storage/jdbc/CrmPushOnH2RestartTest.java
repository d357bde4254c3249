package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.RecordingCrmFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRM pushes are recorded with the change in an H2 file store and made by whichever engine opens it next. */
class CrmPushOnH2RestartTest {
    private final RecordingCrmFactory crm = new RecordingCrmFactory("recording-crm");

    @TempDir
    Path directory;

    private EngineFixture engine() {
        return new EngineFixture(TenantId.of("acme"), null, Map.of("supportkit.storage.provider", "jdbc",
                "supportkit.providers.jdbc.url", "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath()),
                builder -> builder.crmAdapter(crm));
    }

    private static void drain(EngineFixture fx) {
        for (int pass = 0; pass < 100 && !fx.engine.runDueWork().idle(); pass++) {
            fx.clock.advance(Duration.ofMinutes(10));
        }
    }

    @Test
    @DisplayName("the engine closes between commit and push; a new engine on the same file pushes every version once")
    void restartBetweenCommitAndPush() {
        Request closed;
        try (EngineFixture first = engine()) {
            Request inWork = first.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
            drain(first);
            assertEquals(List.of(1L, 2L), crm.pushes().stream().map(p -> p.request().version()).toList());
            Request resolved = first.engine.resolution().resolve(first.operator, inWork.ref(),
                    ResolutionReport.of("Restarted the trunk", "Trunk hung"));
            Request signedOff = first.engine.resolution().signOff(first.customer, resolved.ref(), "ok");
            closed = first.engine.quality().close(first.intakeLead, signedOff.ref(), "done");
        }
        assertEquals(2, crm.pushes().size(), "nothing pushed after the commit before the restart");

        try (EngineFixture second = engine()) {
            second.clock.advance(Duration.ofDays(1));
            drain(second);
        }
        List<RecordingCrmFactory.Push> pushes = crm.pushes();
        assertEquals(List.of(RequestStatus.REGISTERED, RequestStatus.IN_PROGRESS_FIRST_LINE, RequestStatus.RESOLVED,
                RequestStatus.SIGNED_OFF, RequestStatus.CLOSED), pushes.stream().map(p -> p.request().status())
                .toList(), "every version once, in order");
        assertEquals(pushes.size(), new HashSet<>(pushes.stream().map(RecordingCrmFactory.Push::idempotencyKey)
                .toList()).size());
        assertEquals(closed, pushes.get(pushes.size() - 1).request());
        assertTrue(pushes.stream().allMatch(p -> p.request().id().equals(closed.id())));
    }
}
