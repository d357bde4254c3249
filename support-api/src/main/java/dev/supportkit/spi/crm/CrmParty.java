package dev.supportkit.spi.crm;

import java.util.Optional;

/**
 * A customer as a CRM sees it: the company (organisation) and the contact (representative). Used both for
 * the customer of a pushed change (the CRM ids empty, the SupportKit directory's data present) and for what
 * an adapter found in the CRM (the CRM ids present).
 *
 * @param crmCompanyId   the company's id in the CRM, when known
 * @param companyName    the company's name
 * @param taxNumber      the company's tax number (INN in Russia), when known
 * @param crmContactId   the contact's id in the CRM, when known
 * @param contactName    the contact's full name
 * @param phone          the contact's phone number
 * @param email          the contact's e-mail address
 */
public record CrmParty(Optional<String> crmCompanyId, Optional<String> companyName, Optional<String> taxNumber,
                       Optional<String> crmContactId, Optional<String> contactName, Optional<String> phone,
                       Optional<String> email) {
    /**
     * Replaces absent or blank parts with empty ones.
     *
     * @param crmCompanyId the company's CRM id
     * @param companyName  the company's name
     * @param taxNumber    the tax number
     * @param crmContactId the contact's CRM id
     * @param contactName  the contact's name
     * @param phone        the phone number
     * @param email        the e-mail address
     */
    public CrmParty {
        crmCompanyId = clean(crmCompanyId);
        companyName = clean(companyName);
        taxNumber = clean(taxNumber);
        crmContactId = clean(crmContactId);
        contactName = clean(contactName);
        phone = clean(phone);
        email = clean(email);
    }

    private static Optional<String> clean(Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(v -> !v.isBlank());
    }

    /**
     * Starts a party with every part empty.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this party's parts.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().crmCompanyId(crmCompanyId.orElse(null)).companyName(companyName.orElse(null))
                .taxNumber(taxNumber.orElse(null)).crmContactId(crmContactId.orElse(null))
                .contactName(contactName.orElse(null)).phone(phone.orElse(null)).email(email.orElse(null));
    }

    /** Builds a {@link CrmParty}; blank or null parts are absent. */
    public static final class Builder {
        private String crmCompanyId;
        private String companyName;
        private String taxNumber;
        private String crmContactId;
        private String contactName;
        private String phone;
        private String email;

        private Builder() {
        }

        /**
         * @param value the company's CRM id
         * @return this
         */
        public Builder crmCompanyId(String value) {
            crmCompanyId = value;
            return this;
        }

        /**
         * @param value the company's name
         * @return this
         */
        public Builder companyName(String value) {
            companyName = value;
            return this;
        }

        /**
         * @param value the tax number (INN)
         * @return this
         */
        public Builder taxNumber(String value) {
            taxNumber = value;
            return this;
        }

        /**
         * @param value the contact's CRM id
         * @return this
         */
        public Builder crmContactId(String value) {
            crmContactId = value;
            return this;
        }

        /**
         * @param value the contact's full name
         * @return this
         */
        public Builder contactName(String value) {
            contactName = value;
            return this;
        }

        /**
         * @param value the phone number
         * @return this
         */
        public Builder phone(String value) {
            phone = value;
            return this;
        }

        /**
         * @param value the e-mail address
         * @return this
         */
        public Builder email(String value) {
            email = value;
            return this;
        }

        /**
         * Builds the party.
         *
         * @return the party
         */
        public CrmParty build() {
            return new CrmParty(Optional.ofNullable(crmCompanyId), Optional.ofNullable(companyName),
                    Optional.ofNullable(taxNumber), Optional.ofNullable(crmContactId), Optional.ofNullable(contactName),
                    Optional.ofNullable(phone), Optional.ofNullable(email));
        }
    }
}
