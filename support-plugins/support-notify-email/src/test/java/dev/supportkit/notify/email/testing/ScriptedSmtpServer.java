package dev.supportkit.notify.email.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on loopback that answers from a script, for the replies GreenMail cannot be made to
 * give (550 user unknown, 4xx, 554 after DATA) and for a server that accepts connections but never
 * speaks. It records every command line and counts connections. Connections are served one at a time.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket server;
    private final Map<String, String> replies;
    private final boolean silent;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private ScriptedSmtpServer(Map<String, String> replies, boolean silent) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.replies = Map.copyOf(replies);
        this.silent = silent;
        this.thread = new Thread(this::serve, "scripted-smtp-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A server answering every command with a success reply except those scripted.
     *
     * @param replies by command verb ({@code MAIL}, {@code RCPT}, {@code DATA} for the reply after the
     *                message's final dot, {@code EHLO}), the full reply line(s), e.g. {@code 550 5.1.1 User unknown}
     * @return the running server
     * @throws IOException if it cannot listen
     */
    public static ScriptedSmtpServer replying(Map<String, String> replies) throws IOException {
        return new ScriptedSmtpServer(replies, false);
    }

    /**
     * A server that accepts connections and never sends a greeting.
     *
     * @return the running server
     * @throws IOException if it cannot listen
     */
    public static ScriptedSmtpServer silent() throws IOException {
        return new ScriptedSmtpServer(Map.of(), true);
    }

    /**
     * Returns the port it listens on (on 127.0.0.1).
     *
     * @return the port it listens on (on 127.0.0.1)
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Returns every command line received so far, in order.
     *
     * @return every command line received so far, in order
     */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /**
     * Returns how many connections were accepted.
     *
     * @return how many connections were accepted
     */
    public int connections() {
        return connections.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                open.add(socket);
                connections.incrementAndGet();
                socket.setSoTimeout(30_000);
                if (silent) {
                    // Hold the connection without a word until the client gives up and closes it.
                    while (socket.getInputStream().read() >= 0) {
                        continue;
                    }
                } else {
                    converse(socket.getInputStream(), socket.getOutputStream());
                }
            } catch (SocketException e) {
                // closed by close() or by the client
            } catch (IOException e) {
                commands.add("! " + e);
            }
        }
    }

    private void converse(InputStream in, OutputStream out) throws IOException {
        send(out, "220 scripted.test ESMTP");
        String line;
        while ((line = readLine(in)) != null) {
            commands.add(line);
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> send(out, replies.getOrDefault("EHLO", "250-scripted.test\r\n250 8BITMIME"));
                case "MAIL" -> send(out, replies.getOrDefault("MAIL", "250 2.1.0 Ok"));
                case "RCPT" -> send(out, replies.getOrDefault("RCPT", "250 2.1.5 Ok"));
                case "DATA" -> {
                    send(out, "354 End data with <CR><LF>.<CR><LF>");
                    int lines = 0;
                    String data;
                    while ((data = readLine(in)) != null && !data.equals(".")) {
                        lines++;
                    }
                    commands.add("<message of " + lines + " lines>");
                    send(out, replies.getOrDefault("DATA", "250 2.0.0 Ok: queued as SCRIPTED1"));
                }
                case "QUIT" -> {
                    send(out, "221 2.0.0 Bye");
                    return;
                }
                case "RSET", "NOOP", "HELO" -> send(out, "250 2.0.0 Ok");
                default -> send(out, "502 5.5.2 Command not recognised");
            }
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one CRLF- or LF-terminated line byte by byte (no read-ahead), or null at the end. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
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
