package dev.supportkit.notify.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Asterisk Manager Interface stub on a free loopback port that speaks the protocol text as Asterisk
 * does: the greeting line {@code Asterisk Call Manager/5.0.1}, then CRLF-separated {@code Key: value}
 * messages ended by an empty line. It answers {@code Challenge} (MD5), {@code Login} (checking the MD5
 * key, or a plain {@code Secret}), sends the {@code FullyBooted} event, answers {@code CoreSettings},
 * {@code Originate} (as the test chooses, echoing the ActionID) and {@code Logoff} (then hangs up).
 * Header names are matched case-insensitively, as Asterisk does. It records every action and the
 * longest line received.
 */
final class AmiServerStub implements AutoCloseable {
    static final String GREETING = "Asterisk Call Manager/5.0.1";

    /** One action as received: its headers in order. */
    record Action(List<Map.Entry<String, String>> headers) {
        String get(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        List<String> all(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
        }

        /** The channel variables as Asterisk reads them from the Variable headers. */
        Map<String, String> variables() {
            Map<String, String> variables = new LinkedHashMap<>();
            for (String header : all("Variable")) {
                for (String item : separateArgs(header.stripLeading())) {
                    int eq = item.indexOf('=');
                    if (eq > 0) {
                        variables.put(item.substring(0, eq), item.substring(eq + 1));
                    }
                }
            }
            return variables;
        }
    }

    private final ServerSocket server;
    private final String username;
    private final String secret;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ami-stub");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile String originateResponse = "Success";
    private volatile String originateMessage = "Originate successfully queued";
    private volatile boolean greet = true;
    private volatile CountDownLatch holdOriginate;
    private volatile boolean hangUpOnOriginate;

    /** Every action received, in order, over all connections. */
    final List<Action> actions = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger longestLine = new AtomicInteger();

    private AmiServerStub(String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    static AmiServerStub start(String username, String secret) throws IOException {
        return new AmiServerStub(username, secret);
    }

    int port() {
        return server.getLocalPort();
    }

    /** How Originate is answered from now on, e.g. ("Error", "Originate failed"). */
    void answerOriginate(String response, String message) {
        originateResponse = response;
        originateMessage = message;
    }

    /** New connections get no greeting: the server accepts and stays silent. */
    void silent() {
        greet = false;
    }

    /** The connection is closed instead of answering Originate, as a crashing Asterisk would. */
    void hangUpOnOriginate() {
        hangUpOnOriginate = true;
    }

    /** Originate responses wait until {@link #close()}. */
    void holdOriginate() {
        holdOriginate = new CountDownLatch(1);
    }

    List<Action> actions(String name) {
        return actions.stream().filter(a -> name.equalsIgnoreCase(a.get("Action"))).toList();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(60_000);
            if (greet) {
                write(out, GREETING + "\r\n");
            }
            String challenge = null;
            while (true) {
                Action action = read(in);
                if (action == null) {
                    return;
                }
                actions.add(action);
                String name = String.valueOf(action.get("Action")).toLowerCase(Locale.ROOT);
                String id = action.get("ActionID");
                String actionId = id == null ? "" : "ActionID: " + id + "\r\n";
                switch (name) {
                    case "challenge" -> {
                        challenge = String.valueOf(100_000_000 + (int) (Math.random() * 800_000_000));
                        write(out, "Response: Success\r\n" + actionId + "Challenge: " + challenge + "\r\n\r\n");
                    }
                    case "login" -> {
                        if (authenticated(action, challenge)) {
                            write(out, "Response: Success\r\n" + actionId + "Message: Authentication accepted\r\n\r\n");
                            write(out, "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 1234\r\nLastReload: 1234\r\n"
                                    + "Status: Fully Booted\r\n\r\n");
                        } else {
                            write(out, "Response: Error\r\n" + actionId + "Message: Authentication failed\r\n\r\n");
                            return; // Asterisk ends the session after a failed login
                        }
                    }
                    case "coresettings" -> write(out, "Response: Success\r\n" + actionId + "AMIversion: 5.0.1\r\n"
                            + "AsteriskVersion: 18.10.0\r\nSystemName: \r\nCoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\n"
                            + "CoreRunUser: asterisk\r\nCoreRunGroup: asterisk\r\nCoreMaxFilehandles: 0\r\n"
                            + "CoreRealTimeEnabled: No\r\nCoreCDRenabled: Yes\r\nCoreHTTPenabled: No\r\n\r\n");
                    case "originate" -> {
                        if (hangUpOnOriginate) {
                            return;
                        }
                        CountDownLatch latch = holdOriginate;
                        if (latch != null) {
                            latch.await(60, TimeUnit.SECONDS);
                        }
                        write(out, "Response: " + originateResponse + "\r\n" + actionId + "Message: " + originateMessage
                                + "\r\n\r\n");
                    }
                    case "logoff" -> {
                        write(out, "Response: Goodbye\r\n" + actionId + "Message: Thanks for all the fish.\r\n\r\n");
                        return;
                    }
                    default -> write(out, "Response: Error\r\n" + actionId + "Message: Invalid/unknown command\r\n\r\n");
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean authenticated(Action login, String challenge) {
        if (!username.equals(login.get("Username"))) {
            return false;
        }
        if ("md5".equalsIgnoreCase(login.get("AuthType"))) {
            return challenge != null && md5(challenge + secret).equals(login.get("Key"));
        }
        return secret.equals(login.get("Secret"));
    }

    /** Reads one message: lines up to an empty line. Null at the end of the stream. */
    private Action read(InputStream in) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (headers.isEmpty()) {
                    continue;
                }
                return new Action(List.copyOf(headers));
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String value = line.substring(colon + 1);
                headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon).strip(),
                        value.startsWith(" ") ? value.substring(1) : value));
            }
        }
    }

    private String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                longestLine.accumulateAndGet(length, Math::max);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Splits a header value the way Asterisk's {@code ast_app_separate_args} does with ',' and character
     * removal: a backslash makes the next character literal, double quotes group and are removed,
     * parentheses and brackets group and are kept.
     */
    static List<String> separateArgs(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int paren = 0;
        int bracket = 0;
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                current.append(value.charAt(++i));
            } else if (c == '"') {
                quote = !quote;
            } else if (c == '(') {
                paren++;
                current.append(c);
            } else if (c == ')') {
                paren = Math.max(0, paren - 1);
                current.append(c);
            } else if (c == '[') {
                bracket++;
                current.append(c);
            } else if (c == ']') {
                bracket = Math.max(0, bracket - 1);
                current.append(c);
            } else if (c == ',' && paren == 0 && bracket == 0 && !quote) {
                items.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        items.add(current.toString());
        return items;
    }

    @Override
    public void close() throws IOException {
        CountDownLatch latch = holdOriginate;
        if (latch != null) {
            latch.countDown();
        }
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
    }
}
