package dev.supportkit.core.internal.engine;

import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.error.SupportException;
import java.util.function.Supplier;

/** Calls into a provider: its own failures become a {@link ProviderException} naming it. */
final class ProviderCalls {
    private ProviderCalls() {
    }

    /**
     * Runs a call into a provider. The engine's exceptions ({@link SupportException}) pass unchanged; any
     * other runtime exception is the provider's failure.
     *
     * @param providerId the provider's id
     * @param operation  what is called, e.g. {@code searching}
     * @param call       the call
     * @param <T>        what it returns
     * @return what the call returned
     */
    static <T> T guard(String providerId, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SupportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException(providerId, operation + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a call into a provider that returns nothing; see {@link #guard(String, String, Supplier)}.
     *
     * @param providerId the provider's id
     * @param operation  what is called
     * @param call       the call
     */
    static void guard(String providerId, String operation, Runnable call) {
        guard(providerId, operation, () -> {
            call.run();
            return null;
        });
    }
}
