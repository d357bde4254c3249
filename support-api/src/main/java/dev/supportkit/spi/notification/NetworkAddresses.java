package dev.supportkit.spi.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Tells public internet addresses from the local ones a service must not be made to call (a customer's
 * webhook pointing at the service's own database, say): for channel plugins and the engine alike.
 */
public final class NetworkAddresses {
    private NetworkAddresses() {
    }

    /**
     * Tells whether an address is reachable on the public internet.
     *
     * @param address an address
     * @return false for loopback, unspecified, link-local, private (10/8, 172.16/12, 192.168/16, fc00::/7),
     *         shared (100.64/10), IETF protocol (192.0.0/24), "this network" (0/8) and multicast addresses
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean shared = first == 100 && second >= 64 && second < 128;
            return first != 0 && !shared && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0);
        }
        return !(address instanceof Inet6Address) || (bytes[0] & 0xfe) != 0xfc;
    }
}
