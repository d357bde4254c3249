package dev.supportkit.api.error;

/**
 * A plugin (storage, notification channel, CRM adapter) failed. Names the provider so an operator
 * knows which backend to look at. The engine's own state is unchanged by the failed call.
 */
public class ProviderException extends SupportException {
    private static final long serialVersionUID = 1L;
    /** @serial providerId */
    private final String providerId;

    /**
     * Creates the exception.
     *
     * @param providerId the id of the failing provider factory
     * @param message    what failed
     * @param cause      the underlying failure, or null
     */
    public ProviderException(String providerId, String message, Throwable cause) {
        super("Provider '" + providerId + "' failed: " + message, cause);
        this.providerId = providerId;
    }

    /**
     * Returns the id of the provider that failed.
     *
     * @return the id of the provider that failed
     */
    public String providerId() {
        return providerId;
    }
}
