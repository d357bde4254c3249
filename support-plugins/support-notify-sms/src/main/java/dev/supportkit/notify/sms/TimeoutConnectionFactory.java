package dev.supportkit.notify.sms;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/** Plain TCP connections to the SMSC with a connect timeout (jSMPP's default factory has none). */
final class TimeoutConnectionFactory implements ConnectionFactory {
    private final int connectTimeoutMs;

    /**
     * @param connectTimeoutMs how long a connect may take
     */
    TimeoutConnectionFactory(int connectTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            return new SocketConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
