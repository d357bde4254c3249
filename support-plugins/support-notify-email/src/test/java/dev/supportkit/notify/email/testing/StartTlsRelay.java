package dev.supportkit.notify.email.testing;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * STARTTLS in front of GreenMail's plain SMTP server, which has no STARTTLS of its own. It greets,
 * offers only STARTTLS, refuses mail before it, upgrades the connection with GreenMail's self-signed test
 * certificate, and then relays the TLS-protected dialogue (EHLO, AUTH, MAIL, ...) to GreenMail byte for
 * byte, swallowing GreenMail's own greeting. Records the TLS protocol of every upgraded connection.
 */
public final class StartTlsRelay implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final SSLContext tls;
    private final List<String> negotiated = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /**
     * Starts the relay.
     *
     * @param upstreamPort GreenMail's plain SMTP port on 127.0.0.1
     * @throws IOException              if it cannot listen
     * @throws GeneralSecurityException if GreenMail's key cannot be loaded
     */
    public StartTlsRelay(int upstreamPort) throws IOException, GeneralSecurityException {
        this.upstreamPort = upstreamPort;
        KeyStore keys = new DummySSLServerSocketFactory().getKeyStore();
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        this.tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "starttls-relay-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Returns the port clients connect to (on 127.0.0.1).
     *
     * @return the port clients connect to (on 127.0.0.1)
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Returns the TLS protocol (e.g. {@code TLSv1.3}) of every connection upgraded so far.
     *
     * @return the TLS protocol of every connection upgraded so far
     */
    public List<String> negotiated() {
        return List.copyOf(negotiated);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket plain = server.accept()) {
                open.add(plain);
                plain.setSoTimeout(30_000);
                Socket upgraded = startTls(plain);
                if (upgraded != null) {
                    open.add(upgraded);
                    relay(upgraded);
                }
            } catch (SocketException e) {
                // closed
            } catch (IOException e) {
                negotiated.add("! " + e);
            }
        }
    }

    /** The plain part of the dialogue; returns the TLS socket once STARTTLS succeeded, or null. */
    private Socket startTls(Socket plain) throws IOException {
        InputStream in = plain.getInputStream();
        OutputStream out = plain.getOutputStream();
        write(out, "220 relay.test ESMTP (STARTTLS front of GreenMail)");
        String line;
        while ((line = ScriptedSmtpServer.readLine(in)) != null) {
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> write(out, "250-relay.test\r\n250 STARTTLS");
                case "STARTTLS" -> {
                    write(out, "220 2.0.0 Ready to start TLS");
                    SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                            plain.getInetAddress().getHostAddress(), plain.getPort(), true);
                    socket.setUseClientMode(false);
                    socket.startHandshake();
                    negotiated.add(socket.getSession().getProtocol());
                    return socket;
                }
                case "QUIT" -> {
                    write(out, "221 2.0.0 Bye");
                    return null;
                }
                default -> write(out, "530 5.7.0 Must issue a STARTTLS command first");
            }
        }
        return null;
    }

    private void relay(Socket client) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            upstream.setSoTimeout(30_000);
            ScriptedSmtpServer.readLine(upstream.getInputStream()); // GreenMail's greeting: the client had ours
            Thread back = new Thread(() -> pump(upstream, client), "starttls-relay-back");
            back.setDaemon(true);
            back.start();
            pump(client, upstream);
            try {
                back.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
