package dev.supportkit.api.request;

import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.intake.QuestionnaireId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incoming contact as taken by an operator (or entered by the customer on a portal), before it
 * is registered. Build it with {@link #builder()}; the intake service validates every field and
 * reports all errors at once. Fields that were not set are null.
 *
 * @param organization   the customer organisation; required
 * @param representative the representative who made the contact; required, must belong to the organisation
 * @param system         the supported system concerned; optional, must belong to the organisation
 * @param channel        how the contact arrived; required
 * @param subject        one-line summary; required for a new request, at most 200 characters
 * @param text           the customer's words; required, at most 10000 characters
 * @param priority       urgency; optional, {@link Priority#NORMAL} when not set
 * @param receivedAt     when it arrived; optional, the engine's clock when not set; not in the future
 * @param attachTo       an open request of the same organisation to attach this contact to instead of
 *                       registering a new request; optional
 * @param category       the problem category, e.g. {@code telephony/no-incoming-calls}; optional, at most
 *                       100 characters; routing rules may match it
 * @param questionnaire  the questionnaire the contact was taken with; optional: when not set, the engine
 *                       uses the latest version of the most specific questionnaire for the system's model and
 *                       the category, if one is defined
 * @param answers        the answers by question key; every value is text (see
 *                       {@link dev.supportkit.api.intake.QuestionType} for the formats); never null
 * @param newRequest     the operator's override: register a new request even when the customer has an open
 *                       request about the same system (which the contact would otherwise be attached to)
 * @param caller         the phone number (any formatting) or e-mail address the contact came from, e.g. the caller
 *                       id; optional, at most 254 characters. When no representative is given, intake recognises the
 *                       caller by it: a representative of the directory with that number or address, else the
 *                       contact and company a started CRM adapter knows (imported into the directory), else the
 *                       configured unknown-caller representative
 */
public record ContactDraft(OrganizationId organization, RepresentativeId representative, SystemId system,
                           Channel channel, String subject, String text, Priority priority, Instant receivedAt,
                           RequestId attachTo, String category, QuestionnaireId questionnaire,
                           Map<String, List<String>> answers, boolean newRequest, String caller) {

    /**
     * Copies the answers, keeping their order.
     *
     * @param organization   the customer organisation
     * @param representative the representative who made the contact
     * @param system         the supported system concerned
     * @param channel        how the contact arrived
     * @param subject        one-line summary
     * @param text           the customer's words
     * @param priority       urgency
     * @param receivedAt     when it arrived
     * @param attachTo       an open request to attach it to
     * @param category       the problem category
     * @param questionnaire  the questionnaire it was taken with
     * @param answers        the answers by question key
     * @param newRequest     whether to register a new request even when an open one is about the same system
     * @param caller         the phone number or e-mail address the contact came from
     */
    public ContactDraft {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((key, values) -> copy.put(key, values == null ? List.of()
                    : Collections.unmodifiableList(new ArrayList<>(values))));
        }
        answers = Collections.unmodifiableMap(copy);
    }

    /**
     * A draft without a caller's number or address (as before callers were recognised).
     *
     * @param organization   the customer organisation
     * @param representative the representative who made the contact
     * @param system         the supported system concerned
     * @param channel        how the contact arrived
     * @param subject        one-line summary
     * @param text           the customer's words
     * @param priority       urgency
     * @param receivedAt     when it arrived
     * @param attachTo       an open request to attach it to
     * @param category       the problem category
     * @param questionnaire  the questionnaire it was taken with
     * @param answers        the answers by question key
     * @param newRequest     whether to register a new request even when an open one is about the same system
     */
    public ContactDraft(OrganizationId organization, RepresentativeId representative, SystemId system,
                        Channel channel, String subject, String text, Priority priority, Instant receivedAt,
                        RequestId attachTo, String category, QuestionnaireId questionnaire,
                        Map<String, List<String>> answers, boolean newRequest) {
        this(organization, representative, system, channel, subject, text, priority, receivedAt, attachTo, category,
                questionnaire, answers, newRequest, null);
    }

    /**
     * A copy naming the customer: the organisation and representative intake recognised the caller as.
     *
     * @param organization   the customer organisation
     * @param representative the representative
     * @return the copy
     */
    public ContactDraft withCustomer(OrganizationId organization, RepresentativeId representative) {
        return new ContactDraft(organization, representative, system, channel, subject, text, priority, receivedAt,
                attachTo, category, questionnaire, answers, newRequest, caller);
    }

    /**
     * A draft without questionnaire answers.
     *
     * @param organization   the customer organisation
     * @param representative the representative who made the contact
     * @param system         the supported system concerned
     * @param channel        how the contact arrived
     * @param subject        one-line summary
     * @param text           the customer's words
     * @param priority       urgency
     * @param receivedAt     when it arrived
     * @param attachTo       an open request to attach it to
     * @param category       the problem category
     */
    public ContactDraft(OrganizationId organization, RepresentativeId representative, SystemId system,
                        Channel channel, String subject, String text, Priority priority, Instant receivedAt,
                        RequestId attachTo, String category) {
        this(organization, representative, system, channel, subject, text, priority, receivedAt, attachTo, category,
                null, Map.of(), false, null);
    }

    /**
     * Returns a builder with nothing set.
     *
     * @return a builder with nothing set
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ContactDraft}; validation happens when the draft is registered. */
    public static final class Builder {
        private OrganizationId organization;
        private RepresentativeId representative;
        private SystemId system;
        private Channel channel;
        private String subject;
        private String text;
        private Priority priority;
        private Instant receivedAt;
        private RequestId attachTo;
        private String category;
        private QuestionnaireId questionnaire;
        private final Map<String, List<String>> answers = new LinkedHashMap<>();
        private boolean newRequest;
        private String caller;

        private Builder() {
        }

        /**
         * Sets the customer organisation.
         *
         * @param value the customer organisation
         * @return this builder
         */
        public Builder organization(OrganizationId value) {
            this.organization = value;
            return this;
        }

        /**
         * Sets the representative who made the contact.
         *
         * @param value the representative who made the contact
         * @return this builder
         */
        public Builder representative(RepresentativeId value) {
            this.representative = value;
            return this;
        }

        /**
         * Sets the supported system concerned.
         *
         * @param value the supported system concerned
         * @return this builder
         */
        public Builder system(SystemId value) {
            this.system = value;
            return this;
        }

        /**
         * Sets how the contact arrived.
         *
         * @param value how the contact arrived
         * @return this builder
         */
        public Builder channel(Channel value) {
            this.channel = value;
            return this;
        }

        /**
         * Sets one-line summary.
         *
         * @param value one-line summary
         * @return this builder
         */
        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        /**
         * Sets the customer's words.
         *
         * @param value the customer's words
         * @return this builder
         */
        public Builder text(String value) {
            this.text = value;
            return this;
        }

        /**
         * Sets urgency.
         *
         * @param value urgency
         * @return this builder
         */
        public Builder priority(Priority value) {
            this.priority = value;
            return this;
        }

        /**
         * Sets when the contact arrived.
         *
         * @param value when the contact arrived
         * @return this builder
         */
        public Builder receivedAt(Instant value) {
            this.receivedAt = value;
            return this;
        }

        /**
         * Sets an open request to attach the contact to.
         *
         * @param value an open request to attach the contact to
         * @return this builder
         */
        public Builder attachTo(RequestId value) {
            this.attachTo = value;
            return this;
        }

        /**
         * Sets the problem category.
         *
         * @param value the problem category
         * @return this builder
         */
        public Builder category(String value) {
            this.category = value;
            return this;
        }

        /**
         * Sets the questionnaire the contact was taken with.
         *
         * @param value the questionnaire; when not set the engine picks the matching one
         * @return this builder
         */
        public Builder questionnaire(QuestionnaireId value) {
            this.questionnaire = value;
            return this;
        }

        /**
         * Sets the answer to one question; several values for a multiple-choice question.
         *
         * @param question the question's key
         * @param values   the answer's values as text
         * @return this builder
         */
        public Builder answer(String question, String... values) {
            answers.put(question, List.of(values));
            return this;
        }

        /**
         * Registers a new request even when the customer has an open request about the same system.
         *
         * @param value whether to force a new request
         * @return this builder
         */
        public Builder newRequest(boolean value) {
            this.newRequest = value;
            return this;
        }

        /**
         * Sets the phone number or e-mail address the contact came from (a caller id, a sender address), by which
         * intake recognises a caller given without a representative.
         *
         * @param value the number (any formatting) or address
         * @return this builder
         */
        public Builder caller(String value) {
            this.caller = value;
            return this;
        }

        /**
         * Returns the draft.
         *
         * @return the draft
         */
        public ContactDraft build() {
            return new ContactDraft(organization, representative, system, channel, subject, text, priority,
                    receivedAt, attachTo, category, questionnaire, answers, newRequest, caller);
        }
    }
}
