package dev.supportkit.notify.webhook;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST over a socket connected to exactly the address given: the one the channel resolved and
 * checked, so a name that resolves differently a moment later (DNS rebinding) cannot move the request. The
 * {@code Host} header and, for https, SNI and the certificate's host-name check use the URL's host name. No
 * redirect is followed (the status is returned), the connection is closed after the response, and at most
 * {@code bodyLimit} bytes of an error response's body are read.
 */
final class PinnedPost {
    /** The most bytes of status line and headers read before the response is given up as malformed. */
    static final int MAX_HEAD_BYTES = 16 * 1024;

    private final SSLSocketFactory tls;
    private final int timeoutMs;

    /**
     * @param tls       makes the TLS layer over the connected socket for https
     * @param timeoutMs bounds the connect and every read
     */
    PinnedPost(SSLSocketFactory tls, int timeoutMs) {
        this.tls = tls;
        this.timeoutMs = timeoutMs;
    }

    /**
     * A response: its status, its {@code Retry-After} header, and the start of its body (empty for 2xx).
     *
     * @param status     the HTTP status
     * @param retryAfter the Retry-After header, if any
     * @param body       at most the body limit's bytes of a non-2xx body, as UTF-8
     */
    record Response(int status, Optional<String> retryAfter, String body) {
    }

    /** No connection within the timeout (a read timeout is a plain {@link SocketTimeoutException}). */
    static final class ConnectTimeoutException extends IOException {
        ConnectTimeoutException(String message) {
            super(message);
        }
    }

    /**
     * Posts the body.
     *
     * @param uri       the checked URL: path, query, host name and port come from it
     * @param address   the checked address to connect to
     * @param headers   further headers; names and values without control characters
     * @param body      the body
     * @param bodyLimit how many bytes of a non-2xx body to keep
     * @param open      receives the socket in use, so a caller that stops waiting can close it
     * @return the response
     * @throws IOException when connecting, TLS, writing or reading fails or times out
     */
    Response post(URI uri, InetAddress address, Map<String, String> headers, byte[] body, int bodyLimit,
                  AtomicReference<Socket> open) throws IOException {
        boolean https = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        Socket socket = new Socket();
        open.set(socket);
        try (socket) {
            try {
                socket.connect(new InetSocketAddress(address, port), timeoutMs);
            } catch (SocketTimeoutException e) {
                throw new ConnectTimeoutException("no connection within " + timeoutMs + " ms");
            }
            socket.setSoTimeout(timeoutMs);
            try (Socket channel = https ? tls(socket, uri.getHost(), port) : socket) {
                open.set(channel);
                OutputStream out = new BufferedOutputStream(channel.getOutputStream());
                out.write(head(uri, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return read(new BufferedInputStream(channel.getInputStream()), bodyLimit);
            }
        }
    }

    /** TLS over the connected socket, for the URL's host name: SNI and the certificate checked against it. */
    private Socket tls(Socket socket, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isAddressLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static boolean isAddressLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    /**
     * The request line and headers.
     *
     * @throws IllegalArgumentException when a header name or value holds a control character
     */
    static String head(URI uri, Map<String, String> headers, int length) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder("POST ").append(path)
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getRawAuthority()).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> {
            if (!printable(name) || !printable(value)) {
                throw new IllegalArgumentException("the " + name.replaceAll("\\p{Cntrl}", "?")
                        + " header holds a control character");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        return head.append("\r\n").toString();
    }

    private static boolean printable(String text) {
        return text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** Reads the status and headers (skipping 1xx interim responses), then at most the limit of a non-2xx body. */
    static Response read(InputStream in, int bodyLimit) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        int status;
        Optional<String> retryAfter = Optional.empty();
        long length = -1;
        boolean chunked = false;
        do {
            status = status(line(in, budget));
            for (String header = line(in, budget); !header.isEmpty(); header = line(in, budget)) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("a malformed response header");
                }
                String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).strip();
                switch (name) {
                    case "retry-after" -> retryAfter = Optional.of(value);
                    case "content-length" -> length = contentLength(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    default -> { }
                }
            }
        } while (status / 100 == 1);
        if (status / 100 == 2 || bodyLimit == 0) {
            return new Response(status, retryAfter, "");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (chunked) {
                readChunked(in, body, bodyLimit, budget);
            } else {
                copy(in, body, length < 0 ? bodyLimit : (int) Math.min(length, bodyLimit));
            }
        } catch (IOException | NumberFormatException e) {
            // the status is what matters; keep whatever arrived
        }
        return new Response(status, retryAfter, body.toString(StandardCharsets.UTF_8));
    }

    private static int status(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3) {
            throw new IOException("not an HTTP response");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status");
        }
    }

    private static long contentLength(String value) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("a malformed Content-Length");
        }
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream body, int limit, int[] budget)
            throws IOException {
        while (body.size() < limit) {
            String size = line(in, budget);
            int extension = size.indexOf(';');
            long chunk = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
            if (chunk == 0) {
                return;
            }
            copy(in, body, (int) Math.min(chunk, limit - body.size()));
            if (body.size() < limit) {
                line(in, budget); // the chunk's closing line break
            }
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, int count) throws IOException {
        byte[] buffer = new byte[Math.max(1, Math.min(count, 8192))];
        int left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, Math.min(left, buffer.length));
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** One line without its line break, within the head's byte budget. */
    private static String line(InputStream in, int[] budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed before the response was complete");
            }
            if (--budget[0] < 0) {
                throw new IOException("the response head exceeds " + MAX_HEAD_BYTES + " bytes");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
