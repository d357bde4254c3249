package dev.supportkit.notify.email.smtp;

import java.util.function.Supplier;

/**
 * Runs code that uses Jakarta Mail with the thread context class loader set to the loader of this
 * plugin's own Jakarta Mail. Jakarta Mail and Jakarta Activation look their providers up through the
 * context class loader ({@code ServiceLoader}, {@code META-INF/jakarta.*} resources): inside a plugin
 * class loader the engine thread's context loader sees either no Jakarta Mail at all or the
 * application's own copy, whose providers are not subtypes of the plugin's classes. Every entry point
 * of a channel (creation, delivery) runs through {@link #call}.
 */
public final class MailClassLoader {
    private MailClassLoader() {
    }

    /**
     * Runs the action with the context class loader set to the one that loaded this plugin's SMTP
     * classes (and therefore sees its Jakarta Mail and Angus Mail), then restores the previous one.
     *
     * @param action what to run
     * @param <T>    what it returns
     * @return what the action returned
     */
    public static <T> T call(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MailClassLoader.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
