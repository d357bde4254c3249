package dev.supportkit.core.internal.directory;

import dev.supportkit.spi.notification.NetworkAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps a customer from pointing the service's own webhook requests at the service's network: a webhook URL
 * a customer representative sets must be http(s) to a public address. A host given as an IP address, or a
 * name that resolves now, must not be loopback, unspecified, link-local, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), shared (100.64/10) or multicast; {@code localhost} and {@code *.localhost},
 * {@code *.local} and {@code *.internal} names are refused outright.
 */
final class WebhookAddressPolicy {
    /** An IPv4 literal or a bracketed IPv6 literal: resolving it asks no name server. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]+]?");

    private WebhookAddressPolicy() {
    }

    /**
     * Checks a URL.
     *
     * @param url the URL, at most a few kilobytes (its length is checked before)
     * @return why it is refused, or empty when it is public
     */
    static Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || host.isEmpty()) {
            return Optional.of("must be an http or https URL with a host");
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal")) {
            return Optional.of("must point to a public address, not '" + host + "'");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            // a name that does not resolve here cannot be checked now; an IP literal always resolves
            return IP_LITERAL.matcher(host).matches() ? Optional.of("is not a valid address") : Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (!NetworkAddresses.isPublic(address)) {
                return Optional.of("must point to a public address; '" + host + "' is " + address.getHostAddress()
                        + ", a loopback, private, link-local or other local address");
            }
        }
        return Optional.empty();
    }
}
