package dev.supportkit.notify.fax;

import dev.supportkit.notify.email.smtp.MailAddresses;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The e-mail-to-fax gateway's address template (setting {@code gateway-address}), e.g.
 * {@code {number}@efax.provider.ru}: {@value #PLACEHOLDER} appears once, in the local part, and is
 * replaced by the fax number's digits.
 *
 * @param template the template as configured
 */
record GatewayAddress(String template) {
    /** What is replaced by the number's digits. */
    static final String PLACEHOLDER = "{number}";
    /** The number the template is checked with. */
    private static final FaxNumber SAMPLE = FaxNumber.parse("+74951234567");

    /**
     * Reads the setting.
     *
     * @param key      the full key, for problems
     * @param value    the configured value, if any
     * @param problems where a problem is added
     * @return the template, or empty when it has a problem
     */
    static Optional<GatewayAddress> read(String key, Optional<String> value, List<String> problems) {
        String template = value.map(String::strip).orElse("");
        if (template.isEmpty()) {
            problems.add(key + ": required: the gateway's address with " + PLACEHOLDER + " where the fax number's "
                    + "digits go, e.g. {number}@efax.provider.ru");
            return Optional.empty();
        }
        int at = template.lastIndexOf('@');
        int placeholder = template.indexOf(PLACEHOLDER);
        if (placeholder < 0 || placeholder != template.lastIndexOf(PLACEHOLDER) || at < 0 || placeholder > at) {
            problems.add(key + ": must contain " + PLACEHOLDER + " once, before the '@' (e.g. {number}@efax.provider.ru),"
                    + " was '" + template + "'");
            return Optional.empty();
        }
        GatewayAddress gateway = new GatewayAddress(template);
        try {
            InternetAddress sample = gateway.forNumber(SAMPLE);
            if (sample.getPersonal() != null) {
                problems.add(key + ": must be a bare address without a display name, was '" + template + "'");
                return Optional.empty();
            }
        } catch (AddressException e) {
            problems.add(key + ": '" + template + "' does not make an e-mail address: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(gateway);
    }

    /**
     * Returns the gateway address for a number.
     *
     * @param number the fax number
     * @return the address, the number's digits in place of {@value #PLACEHOLDER}
     * @throws AddressException if the result is not an address (cannot happen for a checked template)
     */
    InternetAddress forNumber(FaxNumber number) throws AddressException {
        return MailAddresses.parseMailbox(template.replace(PLACEHOLDER, number.digits()));
    }
}
