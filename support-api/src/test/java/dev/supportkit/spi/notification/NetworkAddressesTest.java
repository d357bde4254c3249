package dev.supportkit.spi.notification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Public internet addresses against the local ones a service must not be made to call. */
class NetworkAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "2a00:1450:4001::1", "172.32.0.1", "100.128.0.1"})
    @DisplayName("public addresses are public")
    void publicAddresses(String address) throws Exception {
        assertTrue(NetworkAddresses.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.2", "10.0.0.1", "172.31.255.255", "192.168.0.1", "169.254.1.1", "100.64.0.1",
            "100.127.255.255", "0.1.2.3", "224.0.0.1", "::1", "fe80::1", "fc00::1", "fdff::1", "::", "192.0.0.8",
            "::ffff:127.0.0.1"})
    @DisplayName("loopback, private, link-local, shared, unspecified and multicast addresses are not public")
    void localAddresses(String address) throws Exception {
        assertFalse(NetworkAddresses.isPublic(InetAddress.getByName(address)), address);
    }
}
