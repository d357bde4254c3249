package dev.supportkit.notify.voice;

import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.PhoneNumber;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places one call per delivery through its own AMI session: connect, log in (MD5 challenge), send a
 * synchronous {@code Originate} (no {@code Async}), log off. Asterisk answers a synchronous Originate
 * only when the call was answered ({@code Success}) or failed ({@code Error}, e.g. busy, no answer,
 * unreachable), so the response is the outcome of the call itself and no events are needed; the session
 * is busy meanwhile, which is why each delivery has its own and deliveries can run in parallel.
 */
final class AmiVoiceChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger(AmiVoiceChannel.class);

    /** Error messages that say the channel or the number itself is wrong: retrying will not help. */
    private static final Pattern INVALID_DESTINATION = Pattern.compile("(?i)(invalid|unknown|no such|not a valid)\\s+"
            + "(channel|number|extension|exten|destination|endpoint|technology|tech|device|peer)"
            + "|channel not specified");

    static final String VAR_ID = "SUPPORTKIT_ID";
    static final String VAR_TEXT = "SUPPORTKIT_TEXT";
    static final String VAR_SUBJECT = "SUPPORTKIT_SUBJECT";
    static final String VAR_LANGUAGE = "SUPPORTKIT_LANGUAGE";
    static final String VAR_TENANT = "SUPPORTKIT_TENANT";
    static final String VAR_MODE = "SUPPORTKIT_MODE";

    private final VoiceSettings settings;

    /**
     * @param settings the validated settings
     */
    AmiVoiceChannel(VoiceSettings settings) {
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.PHONE;
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        Optional<String> digits = PhoneNumber.digits(notification.address());
        if (digits.isEmpty()) {
            return result(Outcome.PERMANENT_FAILURE, "invalid phone number '" + AmiText.line(notification.address())
                    + "': expected international form +<country code><number>, e.g. +79123456789");
        }
        if (settings.mode() == VoiceSettings.Mode.TTS && AmiText.line(notification.body()).isEmpty()) {
            return result(Outcome.PERMANENT_FAILURE, "empty message for +" + digits.get() + ": nothing to say");
        }
        String dial = settings.channelFor(digits.get());
        AmiText.Escaped text = AmiText.variable(VAR_TEXT, notification.body());
        OriginateAction originate = originate(notification, dial, text);

        // asterisk-java finds its event classes through the thread's context class loader: make it this
        // plugin's, so a plugin class loader (or another asterisk-java on the application's class path)
        // cannot mix up classes.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AmiVoiceChannel.class.getClassLoader());
        ManagerConnection connection = null;
        try {
            connection = connection();
            String truncated = text.truncated() ? "; text cut to " + text.characters() + " characters to fit the AMI"
                    : "";
            return call(connection, originate, dial, truncated);
        } finally {
            logoffQuietly(connection);
            thread.setContextClassLoader(previous);
        }
    }

    private DeliveryResult call(ManagerConnection connection, OriginateAction originate, String dial,
                                String truncated) {
        try {
            connection.login("off");
        } catch (AuthenticationFailedException e) {
            return result(Outcome.TEMPORARY_FAILURE, "AMI login to " + settings.ami() + " as '" + settings.username()
                    + "' failed: " + message(e));
        } catch (TimeoutException e) {
            return result(Outcome.TEMPORARY_FAILURE, "AMI " + settings.ami() + " did not complete the login within "
                    + settings.timeoutMs() + " ms: no greeting or no answer");
        } catch (IOException e) {
            if (e instanceof ConnectException || e instanceof UnknownHostException
                    || e instanceof SocketTimeoutException) {
                return result(Outcome.TEMPORARY_FAILURE, "cannot connect to AMI " + settings.ami() + ": " + describe(e));
            }
            // asterisk-java closes the socket itself when the greeting does not come in time, and then reports
            // either the timeout or the closed socket
            return result(Outcome.TEMPORARY_FAILURE, "AMI " + settings.ami() + " did not complete the login within "
                    + settings.timeoutMs() + " ms: " + describe(e));
        } catch (RuntimeException e) {
            return result(Outcome.TEMPORARY_FAILURE, "AMI login to " + settings.ami() + " failed: " + message(e));
        }

        long wait = (long) settings.ringTimeoutMs() + settings.timeoutMs();
        ManagerResponse response;
        try {
            response = connection.sendAction(originate, wait);
        } catch (TimeoutException e) {
            return result(Outcome.TEMPORARY_FAILURE, "no Originate response from AMI " + settings.ami() + " within "
                    + wait + " ms for " + dial);
        } catch (IOException e) {
            return result(Outcome.TEMPORARY_FAILURE, "AMI connection to " + settings.ami() + " failed during "
                    + "Originate to " + dial + ": " + describe(e));
        } catch (RuntimeException e) {
            return result(Outcome.TEMPORARY_FAILURE, "Originate to " + dial + " through AMI " + settings.ami()
                    + " failed: " + message(e));
        }
        if (response == null) {
            return result(Outcome.TEMPORARY_FAILURE, "no Originate response from AMI " + settings.ami() + " for " + dial);
        }
        String message = AmiText.line(response.getMessage());
        boolean error = response instanceof ManagerError || "Error".equalsIgnoreCase(response.getResponse());
        if (!error) {
            return result(Outcome.DELIVERED, "call originated to " + dial + (message.isEmpty() ? "" : " (" + message + ")")
                    + truncated);
        }
        Outcome outcome = INVALID_DESTINATION.matcher(message).find() ? Outcome.PERMANENT_FAILURE
                : Outcome.TEMPORARY_FAILURE;
        return result(outcome, "AMI " + settings.ami() + " answered Originate to " + dial + " with Error: "
                + (message.isEmpty() ? "(no message)" : message));
    }

    private OriginateAction originate(Notification notification, String dial, AmiText.Escaped text) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(dial);
        originate.setContext(settings.context());
        originate.setExten(settings.extension());
        originate.setPriority(settings.priority());
        settings.callerId().map(AmiText::line).ifPresent(originate::setCallerId);
        originate.setTimeout((long) settings.ringTimeoutMs());
        String key = AmiText.line(notification.idempotencyKey());
        if (!key.isEmpty()) {
            originate.setActionId(key);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(VAR_ID, AmiText.variable(VAR_ID, notification.idempotencyKey()).value());
        variables.put(VAR_TEXT, text.value());
        variables.put(VAR_SUBJECT, AmiText.variable(VAR_SUBJECT, notification.subject()).value());
        variables.put(VAR_LANGUAGE, notification.locale() == null ? ""
                : AmiText.variable(VAR_LANGUAGE, notification.locale().toLanguageTag()).value());
        variables.put(VAR_TENANT, notification.tenant() == null ? ""
                : AmiText.variable(VAR_TENANT, notification.tenant().value()).value());
        variables.put(VAR_MODE, settings.mode().name().toLowerCase(Locale.ROOT));
        originate.setVariables(variables);
        return originate;
    }

    private ManagerConnection connection() {
        DefaultManagerConnection connection = new DefaultManagerConnection(settings.host(), settings.port(),
                settings.username(), settings.secret());
        connection.setSocketTimeout(settings.timeoutMs());
        connection.setDefaultResponseTimeout(settings.timeoutMs());
        connection.setKeepAliveAfterAuthenticationFailure(false);
        return connection;
    }

    private void logoffQuietly(ManagerConnection connection) {
        if (connection == null) {
            return;
        }
        ManagerConnectionState state = connection.getState();
        if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
            try {
                connection.logoff(); // also stops asterisk-java's reconnect loop after a dropped connection
            } catch (RuntimeException e) {
                LOG.debug("AMI logoff from {} failed: {}", settings.ami(), settings.scrub(e.toString()));
            }
        }
    }

    private String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "no connection within " + settings.timeoutMs() + " ms";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host '" + settings.host() + "'";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : AmiText.line(e.getMessage());
    }

    private DeliveryResult result(Outcome outcome, String detail) {
        String safe = settings.scrub(detail);
        if (outcome == Outcome.DELIVERED) {
            LOG.debug("{}", safe);
        } else {
            LOG.warn("Call not placed ({}): {}", outcome, safe);
        }
        return new DeliveryResult(outcome, safe);
    }

    @Override
    public String toString() {
        return "AmiVoiceChannel[" + settings + "]";
    }
}
