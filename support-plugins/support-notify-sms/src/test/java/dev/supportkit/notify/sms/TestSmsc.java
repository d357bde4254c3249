package dev.supportkit.notify.sms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;

/**
 * An in-process SMSC built from jSMPP's server classes ({@link SMPPServerSessionListener}) on a free
 * loopback port. It checks the bind password, records every bind and submit_sm, and answers submit_sm
 * with OK or with the statuses a test queues. It can hold submit responses until released and drop
 * every session.
 */
final class TestSmsc implements AutoCloseable {
    /** One bind request as received. */
    record Bind(BindType type, String systemId, String password, String systemType) {
    }

    /** One submit_sm as received. */
    record Submitted(String source, byte sourceTon, byte sourceNpi, String destination, byte destinationTon,
                     byte destinationNpi, byte dataCoding, byte esmClass, byte[] shortMessage) {
        boolean udhi() {
            return (esmClass & 0x40) != 0;
        }
    }

    static final String SYSTEM_ID = "test-smsc";

    private final ServerSocket socket;
    private final SMPPServerSessionListener listener;
    private final String password;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-smsc");
        t.setDaemon(true);
        return t;
    });
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final Queue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch hold;
    private volatile boolean closed;

    /** Every bind request, accepted or not. */
    final List<Bind> binds = new CopyOnWriteArrayList<>();
    /** Every submit_sm, in arrival order. */
    final List<Submitted> submitted = new CopyOnWriteArrayList<>();

    private TestSmsc(String password) throws IOException {
        this.password = password;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.listener = new SMPPServerSessionListener(socket.getLocalPort(), new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int port) {
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int port, int timeout) {
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int port, int timeout, int backlog) {
                return new ServerSocketConnection(socket);
            }
        });
        listener.setMessageReceiverListener(new Receiver());
        threads.execute(this::acceptLoop);
    }

    /**
     * Starts an SMSC that accepts binds with this password.
     *
     * @param password the only password accepted
     * @return the running SMSC
     * @throws IOException when the port cannot be opened
     */
    static TestSmsc start(String password) throws IOException {
        return new TestSmsc(password);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The next submit_sm are answered with these command statuses, in order; then OK again. */
    void answerNextWith(int... statuses) {
        for (int status : statuses) {
            nextStatuses.add(status);
        }
    }

    /** Submit responses wait until {@link #releaseSubmits()}. */
    void holdSubmits() {
        hold = new CountDownLatch(1);
    }

    void releaseSubmits() {
        CountDownLatch latch = hold;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Closes every session's connection abruptly, as a restarting SMSC would. */
    void dropSessions() {
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.add(session);
                threads.execute(() -> bind(session));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("test SMSC accept failed", e);
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            binds.add(new Bind(request.getBindType(), request.getSystemId(), request.getPassword(),
                    request.getSystemType()));
            if (password.equals(request.getPassword())) {
                request.accept(SYSTEM_ID);
            } else {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (Exception e) {
            session.close();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        releaseSubmits();
        listener.close();
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        threads.shutdownNow();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            submitted.add(new Submitted(submitSm.getSourceAddr(), submitSm.getSourceAddrTon(),
                    submitSm.getSourceAddrNpi(), submitSm.getDestAddress(), submitSm.getDestAddrTon(),
                    submitSm.getDestAddrNpi(), submitSm.getDataCoding(), submitSm.getEsmClass(),
                    submitSm.getShortMessage()));
            CountDownLatch latch = hold;
            if (latch != null) {
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer status = nextStatuses.poll();
            if (status != null && status != SMPPConstant.STAT_ESME_ROK) {
                throw new ProcessRequestException("rejected by the test SMSC", status);
            }
            try {
                return new SubmitSmResult(new MessageId("m" + messageIds.incrementAndGet()), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw unsupported();
        }

        private ProcessRequestException unsupported() {
            return new ProcessRequestException("not supported by the test SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
