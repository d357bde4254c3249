package dev.supportkit.core.internal.quality;

import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.Survey;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.QualitySettings;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.CommandHook;
import dev.supportkit.core.internal.request.HookContext;
import dev.supportkit.core.internal.request.PendingChange;
import dev.supportkit.core.internal.request.RequestAction;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the satisfaction survey (D/02.7) with the change that closes a request: to a sample of closed
 * requests, at most once per representative in a period. A request is in the sample when the first four
 * bytes of the SHA-256 of its id, read as an unsigned number, modulo 100 fall below
 * {@code supportkit.quality.surveys.sample-percent}: every engine samples alike, and a request is sampled
 * or not whenever it is closed.
 */
public final class SurveyHook implements CommandHook {
    private final QualitySettings.Surveys settings;
    private final SurveyTokens tokens;

    /**
     * @param settings the engine settings
     * @param tokens   signs the answer tokens
     */
    @Inject
    public SurveyHook(EngineSettings settings, SurveyTokens tokens) {
        this.settings = settings.quality().surveys();
        this.tokens = tokens;
    }

    @Override
    public void beforeStore(PendingChange change) {
        if (!settings.enabled() || !change.action().equals(Optional.of(RequestAction.CLOSE))
                || change.before().survey().isPresent() || !sampled(change.before())) {
            return;
        }
        Request before = change.before();
        Instant now = change.now();
        if (!settings.oncePer().isZero()
                && change.tx().surveyedSince(before.tenant(), before.representative(), now.minus(settings.oncePer()))) {
            return;
        }
        Survey survey = Survey.sent(now, now.plus(settings.validity()));
        change.request().survey(survey);
        String link = settings.link().replace("{token}", tokens.issue(before.tenant(), before.id(), now));
        change.notifyCustomer(MessageTopic.SURVEY, Map.of("surveyLink", link, "expires",
                survey.expiresAt().toString()));
    }

    @Override
    public void afterChange(HookContext context) {
        // the survey is part of the stored snapshot and its message goes out with the change's others
    }

    /**
     * @param request a request
     * @return whether it falls in the configured sample
     */
    boolean sampled(Request request) {
        return bucket(request.id().value()) < settings.samplePercent();
    }

    /**
     * @param requestId a request id
     * @return its sampling bucket, 0 to 99
     */
    static int bucket(String requestId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
            long first = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8)
                    | (hash[3] & 0xFFL);
            return (int) (first % 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
