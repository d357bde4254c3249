package dev.supportkit.spi;

/**
 * The version of the provider SPI this API defines. The engine hands it to PF4J as the system
 * version, and a plugin declares {@code Plugin-Requires} against it (e.g. {@code >=1.0.0 & <2.0.0});
 * a plugin built for another major version is refused. The major number changes only on an
 * incompatible SPI change.
 */
public final class SpiVersion {
    /** The current SPI version. */
    public static final String CURRENT = "1.0.0";

    private SpiVersion() {
    }

    /**
     * Returns the major number of {@link #CURRENT}.
     *
     * @return the major number of {@link #CURRENT}
     */
    public static int major() {
        return Integer.parseInt(CURRENT.substring(0, CURRENT.indexOf('.')));
    }
}
