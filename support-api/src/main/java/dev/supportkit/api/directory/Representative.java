package dev.supportkit.api.directory;

import java.util.Optional;

/**
 * A customer's representative: a person who reports problems, answers questions and signs off the results
 * together with the engineer. A request is signed off by its own (responsible) representative, or by
 * another representative of the organisation whose entry grants sign-off authority.
 *
 * @param id                identifier
 * @param organization      the organisation they represent; required
 * @param fullName          the person's name; required, at most 200 characters
 * @param email             e-mail address; at least one of e-mail and phone is required
 * @param phone             phone number in international form, e.g. +74951234567
 * @param signOffAuthority  whether they may sign off the organisation's requests that others reported
 */
public record Representative(RepresentativeId id, OrganizationId organization, String fullName, String email,
                             String phone, boolean signOffAuthority) implements IdentifiedEntry {
    @Override
    public Optional<OrganizationId> owner() {
        return Optional.ofNullable(organization);
    }

    /**
     * Returns an empty builder.
     *
     * @return a builder; the directory checks what is required when the entry is saved
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this entry, to copy it with some parts changed.
     *
     * @return a builder holding every component
     */
    public Builder toBuilder() {
        return new Builder().id(id).organization(organization).fullName(fullName).email(email).phone(phone)
                .signOffAuthority(signOffAuthority);
    }

    /** Builds a {@link Representative}. */
    public static final class Builder {
        private RepresentativeId id;
        private OrganizationId organization;
        private String fullName;
        private String email;
        private String phone;
        private boolean signOffAuthority;

        private Builder() {
        }

        /**
         * @param value the identifier
         * @return this builder
         */
        public Builder id(RepresentativeId value) {
            id = value;
            return this;
        }

        /**
         * @param value the organisation they represent
         * @return this builder
         */
        public Builder organization(OrganizationId value) {
            organization = value;
            return this;
        }

        /**
         * @param value the person's name
         * @return this builder
         */
        public Builder fullName(String value) {
            fullName = value;
            return this;
        }

        /**
         * @param value the e-mail address, or null
         * @return this builder
         */
        public Builder email(String value) {
            email = value;
            return this;
        }

        /**
         * @param value the phone number, or null
         * @return this builder
         */
        public Builder phone(String value) {
            phone = value;
            return this;
        }

        /**
         * @param value whether they may sign off requests others of the organisation reported
         * @return this builder
         */
        public Builder signOffAuthority(boolean value) {
            signOffAuthority = value;
            return this;
        }

        /**
         * Builds the entry; what is required is checked when it is saved, with every problem at once.
         *
         * @return the entry
         */
        public Representative build() {
            return new Representative(id, organization, fullName, email, phone, signOffAuthority);
        }
    }
}
