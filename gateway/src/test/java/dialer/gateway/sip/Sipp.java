package dialer.gateway.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real SIP peer for the tests: the {@code sipp} program (Debian package {@code sip-tester}) running one
 * of the scenarios under {@code src/test/resources/sipp}, on loopback, with its messages logged for the
 * test to read. Stopped by its own PID.
 */
final class Sipp implements AutoCloseable {
    static final String HOST = LoopbackPorts.HOST;

    private final Process process;
    private final Path directory;
    private final int port;

    private Sipp(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts {@code scenario} as a server on {@code port}, answering OPTIONS; {@code arguments} go to sipp as
     * they are, before the defaults of the scenarios' keys ({@code amd}, {@code rtp_port}, {@code codecs}), which sipp
     * then ignores.
     */
    static Sipp serve(String scenario, int port, String... arguments) {
        return start(scenario, port, SipTransport.UDP, arguments);
    }

    static Sipp start(String scenario, int port, SipTransport transport, String... arguments) {
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario " + scenario);
            }
            return start(scenario, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1), port, transport, arguments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the scenario {@code xml}, named {@code scenario}, as {@link #start(String, int, SipTransport, String...)} does. */
    static Sipp start(String scenario, String xml, int port, SipTransport transport, String... arguments) {
        try {
            Path directory = Files.createTempDirectory("sipp-" + scenario.replace(".xml", "") + "-");
            Path file = directory.resolve(scenario);
            Files.writeString(file, xml, java.nio.charset.StandardCharsets.ISO_8859_1);
            List<String> command = new ArrayList<>(List.of("sipp", "-sf", file.toString(), "-i", HOST, "-p", Integer.toString(port),
                    "-t", transport == SipTransport.TCP ? "t1" : "u1", "-nostdin", "-aa", "-trace_msg",
                    "-message_file", directory.resolve("messages.log").toString(), "-trace_err",
                    "-error_file", directory.resolve("errors.log").toString()));
            command.addAll(List.of(arguments));
            command.addAll(List.of("-key", "amd", "NOTSURE", "-key", "rtp_port", "6000", "-key", "codecs", "8 0"));
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(directory.resolve("screen.log").toFile()).redirectErrorStream(true).start();
            Sipp sipp = new Sipp(process, directory, port);
            sipp.awaitListening(transport);
            return sipp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sipp (is the sip-tester package installed?)", e);
        }
    }

    private void awaitListening(SipTransport transport) {
        String table = transport == SipTransport.TCP ? "/proc/net/tcp" : "/proc/net/udp";
        String needle = String.format(Locale.ROOT, ":%04X ", port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sipp exited with " + process.exitValue() + ": " + log("screen.log") + log("errors.log"));
            }
            try {
                if (Files.readAllLines(Path.of(table)).stream().anyMatch(line -> line.contains("127.0.0.1".equals(HOST) ? "0100007F" + needle : needle))) {
                    return;
                }
                Thread.sleep(20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("sipp did not listen on " + port + " in 10 s");
    }

    int port() {
        return port;
    }

    /** Waits for sipp to end (it ends by itself when run with {@code -m}): its exit code, 0 when every call passed. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("sipp still runs after " + timeout + ": " + log("errors.log"));
        }
        return process.exitValue();
    }

    /** Every SIP message sipp sent or received so far, in order. */
    List<SippMessage> messages() {
        return SippMessage.parse(log("messages.log"));
    }

    /** Waits until the messages logged so far satisfy {@code complete} (sipp writes its log as it goes); returns them. */
    List<SippMessage> awaitMessages(Predicate<List<SippMessage>> complete, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SippMessage> messages = messages();
        while (!complete.test(messages)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sipp's log is not complete after " + timeout + ": " + messages.size() + " messages");
            }
            Thread.sleep(20);
            messages = messages();
        }
        return messages;
    }

    String log(String name) {
        try {
            Path file = directory.resolve(name);
            return Files.exists(file) ? Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free for both UDP and TCP on loopback right now. */
    static int freePort() {
        return LoopbackPorts.freeForUdpAndTcp();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
