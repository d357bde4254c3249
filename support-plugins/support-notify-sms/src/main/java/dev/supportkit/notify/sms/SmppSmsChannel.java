package dev.supportkit.notify.sms;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS over one SMPP transmitter session, bound on the first delivery and bound again after the
 * session was dropped. Deliveries may run concurrently: they share the session (jSMPP correlates
 * responses by sequence number); only binding is serialised.
 */
final class SmppSmsChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SmppSmsChannel.class);

    private final SmsSettings settings;
    private final AtomicInteger anonymousReference = new AtomicInteger();
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private SMPPSession session;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    /**
     * @param settings the validated settings
     */
    SmppSmsChannel(SmsSettings settings) {
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        Optional<String> number = PhoneNumber.digits(notification.address());
        if (number.isEmpty()) {
            return result(Outcome.PERMANENT_FAILURE, "invalid destination number '" + notification.address()
                    + "': expected international form +<country code><number>, e.g. +79123456789");
        }
        String destination = number.get();
        String text = notification.body() == null ? "" : notification.body();
        if (text.isEmpty()) {
            return result(Outcome.PERMANENT_FAILURE, "empty message for +" + destination + ": nothing to send");
        }
        SmsEncoder.Encoded encoded;
        try {
            encoded = SmsEncoder.encode(text, reference(notification.idempotencyKey()));
        } catch (IllegalArgumentException e) {
            return result(Outcome.PERMANENT_FAILURE, "message for +" + destination + " too long: " + e.getMessage());
        }

        SMPPSession bound;
        try {
            bound = boundSession();
        } catch (BindFailure e) {
            return result(Outcome.TEMPORARY_FAILURE, e.getMessage());
        }

        int total = encoded.parts().size();
        List<String> messageIds = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String part = total == 1 ? "the message" : "part " + (i + 1) + "/" + total;
            try {
                SubmitSmResult submitted = submit(bound, destination, encoded, encoded.parts().get(i));
                messageIds.add(submitted.getMessageId());
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                Outcome outcome = SmppStatus.isPermanent(status) ? Outcome.PERMANENT_FAILURE : Outcome.TEMPORARY_FAILURE;
                return result(outcome, "SMSC " + settings.smsc() + " rejected " + part + " for +" + destination + ": "
                        + SmppStatus.describe(status) + alreadyAccepted(messageIds));
            } catch (ResponseTimeoutException e) {
                invalidate(bound);
                return result(Outcome.TEMPORARY_FAILURE, "no submit_sm_resp from SMSC " + settings.smsc() + " within "
                        + settings.submitTimeoutMs() + " ms for " + part + " for +" + destination
                        + alreadyAccepted(messageIds));
            } catch (InvalidResponseException e) {
                invalidate(bound);
                return result(Outcome.TEMPORARY_FAILURE, "invalid response from SMSC " + settings.smsc() + " to "
                        + part + " for +" + destination + ": " + settings.scrub(e.getMessage())
                        + alreadyAccepted(messageIds));
            } catch (PDUException e) {
                return result(Outcome.PERMANENT_FAILURE, "cannot build submit_sm for " + part + " for +" + destination
                        + ": " + settings.scrub(e.getMessage()) + alreadyAccepted(messageIds));
            } catch (IOException e) {
                invalidate(bound);
                return result(Outcome.TEMPORARY_FAILURE, "connection to SMSC " + settings.smsc() + " failed sending "
                        + part + " for +" + destination + ": " + describe(e) + alreadyAccepted(messageIds));
            }
        }
        String detail = "SMSC " + settings.smsc() + " accepted " + (total == 1 ? "the message" : total + " parts")
                + " (" + encoded.coding().label() + ") for +" + destination + ": message id"
                + (total == 1 ? " " : "s ") + String.join(", ", messageIds);
        return result(Outcome.DELIVERED, detail);
    }

    private SubmitSmResult submit(SMPPSession bound, String destination, SmsEncoder.Encoded encoded, byte[] part)
            throws PDUException, ResponseTimeoutException, InvalidResponseException, NegativeResponseException,
            IOException {
        SmsSettings.SourceAddress source = settings.source();
        TypeOfNumber sourceTon = switch (source.kind()) {
            case INTERNATIONAL -> TypeOfNumber.INTERNATIONAL;
            case ALPHANUMERIC -> TypeOfNumber.ALPHANUMERIC;
            case SHORT_CODE, NONE -> TypeOfNumber.UNKNOWN;
        };
        NumberingPlanIndicator sourceNpi = switch (source.kind()) {
            case INTERNATIONAL, SHORT_CODE -> NumberingPlanIndicator.ISDN;
            case ALPHANUMERIC, NONE -> NumberingPlanIndicator.UNKNOWN;
        };
        ESMClass esmClass = encoded.concatenated()
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        return bound.submitShortMessage("", sourceTon, sourceNpi, source.address(),
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination, esmClass, (byte) 0, (byte) 0,
                null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                new RawDataCoding(encoded.coding().dataCoding()), (byte) 0, part);
    }

    /** The bound session: the current one if still bound, otherwise a new one. */
    private SMPPSession boundSession() throws BindFailure {
        synchronized (lock) {
            if (closed) {
                throw new BindFailure("the sms channel is closed");
            }
            if (session != null && session.getSessionState().isBound()) {
                return session;
            }
            if (session != null) {
                LOG.info("SMPP session to {} was dropped (state {}); binding again", settings.smsc(),
                        session.getSessionState());
                closeQuietly(session);
                session = null;
            }
            SMPPSession fresh = new SMPPSession(new TimeoutConnectionFactory(settings.bindTimeoutMs()));
            fresh.setTransactionTimer(settings.submitTimeoutMs());
            fresh.setEnquireLinkTimer(settings.enquireLinkMs());
            BindParameter bind = new BindParameter(BindType.BIND_TX, settings.systemId(), settings.password(),
                    settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null);
            try {
                String smscId = fresh.connectAndBind(settings.host(), settings.port(), bind, settings.bindTimeoutMs());
                LOG.info("Bound to SMSC {} (system id '{}') as transmitter '{}'", settings.smsc(), smscId,
                        settings.systemId());
            } catch (IOException e) {
                closeQuietly(fresh);
                throw new BindFailure("cannot bind to SMSC " + settings.smsc() + " as '" + settings.systemId() + "': "
                        + describe(e));
            }
            session = fresh;
            return fresh;
        }
    }

    /** Drops a session that failed, so the next delivery binds again. */
    private void invalidate(SMPPSession failed) {
        synchronized (lock) {
            if (session == failed) {
                session = null;
            }
        }
        closeQuietly(failed);
    }

    /**
     * Tells whether a bound session is open (for tests).
     *
     * @return true while bound
     */
    boolean isBound() {
        synchronized (lock) {
            return session != null && session.getSessionState().isBound();
        }
    }

    /** Unbinds and closes the session, if any. Later deliveries fail temporarily. */
    @Override
    public void close() {
        SMPPSession open;
        synchronized (lock) {
            closed = true;
            open = session;
            session = null;
        }
        if (open != null) {
            try {
                open.unbindAndClose();
                LOG.info("Unbound from SMSC {}", settings.smsc());
            } catch (RuntimeException e) {
                LOG.warn("Unbinding from SMSC {} failed: {}", settings.smsc(), settings.scrub(e.toString()));
            }
        }
    }

    /** The concatenation reference: the same for every attempt of one message, so retried parts match. */
    private int reference(String idempotencyKey) {
        int hash = idempotencyKey == null ? anonymousReference.incrementAndGet() : idempotencyKey.hashCode();
        return (hash ^ (hash >>> 8) ^ (hash >>> 16) ^ (hash >>> 24)) & 0xFF;
    }

    private static String alreadyAccepted(List<String> messageIds) {
        return messageIds.isEmpty() ? "" : "; " + messageIds.size() + " earlier part(s) already accepted: "
                + String.join(", ", messageIds);
    }

    /** Says what went wrong without the library's stack of wrappers, and never with the password. */
    private String describe(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause.getCause() instanceof NegativeResponseException negative) {
                return "bind refused with " + SmppStatus.describe(negative.getCommandStatus());
            }
            cause = cause.getCause();
        }
        if (cause instanceof ResponseTimeoutException) {
            return "no bind_resp within " + settings.bindTimeoutMs() + " ms";
        }
        if (e instanceof ConnectException || cause instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "connect timed out after " + settings.bindTimeoutMs() + " ms";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host '" + settings.host() + "'";
        }
        return settings.scrub(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private DeliveryResult result(Outcome outcome, String detail) {
        String safe = settings.scrub(detail);
        if (outcome == Outcome.DELIVERED) {
            LOG.debug("{}", safe);
        } else {
            LOG.warn("SMS not delivered ({}): {}", outcome, safe);
        }
        return new DeliveryResult(outcome, safe);
    }

    private static void closeQuietly(SMPPSession s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing an SMPP session failed: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "SmppSmsChannel[" + settings + "]";
    }

    /** Binding failed; the message is the detail for the journal, without the password. */
    private static final class BindFailure extends Exception {
        private static final long serialVersionUID = 1L;

        BindFailure(String detail) {
            super(detail, null, false, false);
        }
    }
}
