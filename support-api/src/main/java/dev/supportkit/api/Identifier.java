package dev.supportkit.api;

/**
 * Common shape of SupportKit's typed identifiers ({@link TenantId}, {@code RequestId}, {@code SiteId}, …): each
 * wraps a non-blank text of at most 64 characters and prints as that text.
 */
public interface Identifier {
    /**
     * Returns the identifier text.
     *
     * @return the identifier text
     */
    String value();
}
