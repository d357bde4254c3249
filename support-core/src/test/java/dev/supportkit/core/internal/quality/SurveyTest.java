package dev.supportkit.core.internal.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.quality.SurveyAnswer;
import dev.supportkit.api.reports.Evaluation;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.reports.RequestMetrics;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.Survey;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import dev.supportkit.spi.notification.Notification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Satisfaction surveys: sent on closing to a sample, once per period, answered once, by link or by login. */
class SurveyTest {
    private static final Pattern TOKEN = Pattern.compile("https://desk\\.example/survey\\?t=([A-Za-z0-9_.-]+)");
    private final ScriptedChannelFactory email = new ScriptedChannelFactory("scripted-email", Channel.EMAIL);
    private EngineFixture fx = fixture(Map.of());

    private EngineFixture fixture(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "supportkit.quality.surveys.enabled", "true",
                "supportkit.quality.surveys.token-key", "survey-key-for-tests-0123456789abcdef",
                "supportkit.quality.surveys.link", "https://desk.example/survey?t={token}",
                "supportkit.quality.surveys.expire-hours", "72"));
        settings.putAll(overrides);
        return new EngineFixture(settings, builder -> builder.notificationChannel(email));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Request closed() {
        return fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
    }

    /** Delivers what is due and returns the token of the one survey message sent for a request. */
    private String tokenSentFor(Request request) {
        fx.engine.runDueWork();
        List<String> tokens = new ArrayList<>();
        for (Notification n : email.received) {
            Matcher m = TOKEN.matcher(n.body());
            if (n.body().contains(request.id().value()) && m.find()) {
                tokens.add(m.group(1));
            }
        }
        assertEquals(1, tokens.size(), () -> "one survey message for " + request.id() + " in " + email.received);
        return tokens.get(0);
    }

    @Test
    @DisplayName("closing sends a survey with a signed link; the link answers it once, as the representative")
    void closingSendsASurveyAnsweredOnceByLink() {
        Request closed = closed();
        Survey survey = closed.survey().orElseThrow();
        assertEquals(closed.updatedAt(), survey.sentAt());
        assertEquals(survey.sentAt().plus(Duration.ofHours(72)), survey.expiresAt());
        String token = tokenSentFor(closed);

        Request answered = fx.engine.quality().answerSurvey(token, new SurveyAnswer(5, "Спасибо, всё работает"));
        assertEquals(5, answered.survey().orElseThrow().score().orElseThrow());
        assertEquals("Спасибо, всё работает", answered.survey().get().comment().orElseThrow());
        JournalEntry last = lastEntry(answered, fx.customer);
        assertEquals(new RequestEvent.SurveyAnswered(5, "Спасибо, всё работает", false), last.event());
        assertEquals(fx.rep.value(), last.actorId());
        assertEquals("D/02.7", last.function().code());

        ValidationException again = assertThrows(ValidationException.class,
                () -> fx.engine.quality().answerSurvey(token, SurveyAnswer.of(1)));
        assertEquals("answered", again.errors().get(0).rule());
        assertEquals(5, fx.engine.quality().request(fx.customer, closed.id()).survey().orElseThrow().score()
                .orElseThrow(), "a second use changes nothing");
    }

    @Test
    @DisplayName("forged, malformed and stale-format tokens are refused naming the rule")
    void badTokensAreRefused() {
        String token = tokenSentFor(closed());
        int middle = token.length() - 10; // inside the signature, whose every bit counts there
        String forged = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A')
                + token.substring(middle + 1);
        assertEquals("signature", assertThrows(ValidationException.class,
                () -> fx.engine.quality().answerSurvey(forged, SurveyAnswer.of(5))).errors().get(0).rule());
        // the signature's last character carries 4 bits and 2 unused ones: another spelling of the same bytes
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(last ^ 1);
        assertEquals("signature", assertThrows(ValidationException.class,
                () -> fx.engine.quality().answerSurvey(respelled, SurveyAnswer.of(5))).errors().get(0).rule());
        assertEquals("format", assertThrows(ValidationException.class,
                () -> fx.engine.quality().answerSurvey("not-a-token", SurveyAnswer.of(5))).errors().get(0).rule());
        ValidationException score = assertThrows(ValidationException.class,
                () -> fx.engine.quality().answerSurvey(token, SurveyAnswer.of(6)));
        assertEquals("answer.score", score.errors().get(0).field());
        assertEquals("range", score.errors().get(0).rule());
    }

    @Test
    @DisplayName("a survey expires: an answer after its time is refused")
    void surveysExpire() {
        Request closed = closed();
        fx.clock.advance(Duration.ofHours(72).plusSeconds(1));
        ValidationException late = assertThrows(ValidationException.class,
                () -> fx.engine.quality().answerSurvey(fx.customer, closed.ref(), SurveyAnswer.of(4)));
        assertEquals("expired", late.errors().get(0).rule());
    }

    @Test
    @DisplayName("at most one survey per representative in the period, measured with the injected clock")
    void oncePerRepresentativePerPeriod() {
        assertTrue(closed().survey().isPresent());
        fx.clock.advance(Duration.ofDays(29));
        assertTrue(closed().survey().isEmpty(), "within 30 days of the last survey");
        fx.clock.advance(Duration.ofDays(2));
        assertTrue(closed().survey().isPresent(), "more than 30 days after it");
    }

    @Test
    @DisplayName("a low score asks the group's lead to follow it up; a staff member may not answer")
    void lowScoreAsksTheLeadToFollowUp() {
        Request closed = closed();
        assertThrows(AccessDeniedException.class,
                () -> fx.engine.quality().answerSurvey(fx.groupLead, closed.ref(), SurveyAnswer.of(5)));
        Request answered = fx.engine.quality().answerSurvey(fx.customer, closed.ref(),
                new SurveyAnswer(1, "Долго ждали инженера"));
        assertEquals(new RequestEvent.SurveyAnswered(1, "Долго ждали инженера", true),
                lastEntry(answered, fx.auditor).event());
        List<Delivery> lows = fx.engine.quality().deliveries(fx.auditor, closed.id()).stream()
                .filter(d -> d.topic().equals("survey.low-score")).toList();
        assertEquals(List.of("spc-galina"), lows.stream().map(Delivery::recipient).toList());
    }

    @Test
    @DisplayName("the sample: a request is surveyed when its id's SHA-256 bucket falls below the percentage")
    void samplingFollowsTheDocumentedRule() throws Exception {
        fx.close();
        fx = fixture(Map.of("supportkit.quality.surveys.sample-percent", "50",
                "supportkit.quality.surveys.once-per-days", "0"));
        int sampled = 0;
        int left = 0;
        for (int i = 0; i < 24; i++) {
            Request r = closed();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(r.id().value().getBytes(StandardCharsets.UTF_8));
            long first = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(hash).getInt());
            boolean expected = first % 100 < 50;
            assertEquals(expected, r.survey().isPresent(), r.id().value());
            sampled += expected ? 1 : 0;
            left += expected ? 0 : 1;
        }
        assertTrue(sampled > 0 && left > 0, "both sides of the sample were seen: " + sampled + "/" + left);
    }

    @Test
    @DisplayName("answers count in the metrics and in the satisfaction part of the evaluation")
    void answersCountInMetricsAndEvaluation() {
        Request closed = closed();
        fx.engine.quality().answerSurvey(fx.customer, closed.ref(), SurveyAnswer.of(4));
        MetricsQuery query = MetricsQuery.builder().scope(MetricsScope.GROUP).period(EngineFixture.START,
                EngineFixture.START.plus(Duration.ofDays(1))).build();
        RequestMetrics group = fx.engine.reports().metrics(fx.groupLead, query).current(fx.telephony.value())
                .orElseThrow();
        assertEquals(1, group.surveysSent());
        assertEquals(4.0, group.satisfactionAverage().getAsDouble());
        Evaluation evaluation = fx.engine.reports().evaluate(fx.groupLead, query);
        assertEquals(0.75, evaluation.part("satisfaction").value().getAsDouble(), 1e-9);
        assertEquals("average score 4.00 of 5 from 1 of 1 surveys sent", evaluation.part("satisfaction").basis());
    }

    @Test
    @DisplayName("surveys are off by default; enabling them needs a token key, never echoed")
    void settings() {
        try (EngineFixture plain = new EngineFixture()) {
            assertTrue(plain.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE).survey().isEmpty());
        }
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> SupportEngine.builder()
                .environment(Map.of()).set("supportkit.quality.surveys.enabled", "true")
                .set("supportkit.quality.surveys.token-key", "short-secret").build());
        assertTrue(missing.problems().stream().anyMatch(p -> p.startsWith("supportkit.quality.surveys.token-key")),
                missing.problems().toString());
        assertFalse(missing.getMessage().contains("short-secret"));
    }

    private JournalEntry lastEntry(Request request, dev.supportkit.api.Actor reader) {
        List<JournalEntry> entries = fx.engine.journal().entries(reader, request.id());
        return entries.get(entries.size() - 1);
    }
}
