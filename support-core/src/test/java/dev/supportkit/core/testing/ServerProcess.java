package dev.supportkit.core.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker server this test starts itself, as a child process on a free loopback port: stopped and started again
 * by its own process handle (never by name), so a restart test disturbs no shared service. The binary must be
 * installed (the machine's NATS and Mosquitto are); a missing one fails the test.
 */
public final class ServerProcess implements AutoCloseable {
    private final List<String> command;
    private final int port;
    private final Path log;
    private Process process;

    /**
     * @param command the command line, the port already in it
     * @param port    the port it listens on
     * @param log     where its output goes
     */
    public ServerProcess(List<String> command, int port, Path log) {
        this.command = List.copyOf(command);
        this.port = port;
        this.log = log;
    }

    /**
     * @return a port nothing listens on now
     * @throws IOException when no port can be had
     */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /**
     * Starts the server and waits until its port takes connections.
     *
     * @throws IOException when it cannot be started
     */
    public void start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + "; see " + log);
            }
            return listening();
        });
    }

    /**
     * Stops the server (SIGTERM, then SIGKILL after 10 s) and waits until it is gone.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
