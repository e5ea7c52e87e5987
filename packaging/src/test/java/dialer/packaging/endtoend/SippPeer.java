package dialer.packaging.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dialer.gateway.sip.LoopbackPorts;

/**
 * A {@code sipp} process (Debian package {@code sip-tester}) on loopback playing one of the scenarios under
 * {@code src/test/resources/endtoend}, as a server: it counts every message of its scenario ({@code -trace_counts},
 * written every second) and writes the lines its scenario logs ({@code -trace_logs}). Stopped by its own PID.
 */
public final class SippPeer implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(10);

    private final String scenario;
    private final Process process;
    private final Path directory;
    private final int port;

    private SippPeer(String scenario, Process process, Path directory, int port) {
        this.scenario = scenario;
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts the scenario {@code scenario}.xml on UDP {@code port} in a directory of its own under {@code workDir};
     * {@code keys} are sipp's {@code -key} pairs (name, value, name, value...).
     */
    public static SippPeer start(String scenario, Path workDir, int port, String... keys) throws IOException, InterruptedException {
        Path directory = Files.createDirectories(workDir.resolve(scenario));
        Path file = directory.resolve(scenario + ".xml");
        try (InputStream xml = SippPeer.class.getResourceAsStream("/endtoend/" + scenario + ".xml")) {
            if (xml == null) {
                throw new IllegalArgumentException("no scenario endtoend/" + scenario + ".xml");
            }
            Files.copy(xml, file);
        }
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", file.toString(), "-i", LoopbackPorts.HOST,
                "-p", Integer.toString(port), "-nostdin", "-aa", "-trace_counts", "-fd", "1", "-trace_logs",
                "-log_file", directory.resolve("scenario.log").toString(), "-trace_err",
                "-error_file", directory.resolve("errors.log").toString()));
        for (int i = 0; i + 1 < keys.length; i += 2) {
            command.addAll(List.of("-key", keys[i], keys[i + 1]));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("screen.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot start sipp (install the Debian package sip-tester): " + e.getMessage(), e);
        }
        SippPeer peer = new SippPeer(scenario, process, directory, port);
        peer.awaitListening();
        return peer;
    }

    /** The UDP port sipp listens on. */
    public int port() {
        return port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        String socket = String.format(Locale.ROOT, "0100007F:%04X ", port);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (Files.readAllLines(Path.of("/proc/net/udp")).stream().noneMatch(line -> line.contains(socket))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("sipp " + scenario + " does not listen on " + port + ": " + file("screen.log") + file("errors.log"));
            }
            Thread.sleep(20);
        }
    }

    /** sipp's latest counts, or empty before its first dump. */
    public Optional<SippCounts> counts() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            Optional<Path> csv = files.filter(path -> path.getFileName().toString().endsWith("_counts.csv")).findFirst();
            return csv.isEmpty() ? Optional.empty() : SippCounts.parse(Files.readAllLines(csv.get(), StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Waits until sipp has nothing more to count: two dumps at least {@code quiet} apart show the same counts;
     * returns them.
     */
    public SippCounts awaitQuiet(Duration quiet, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Optional<SippCounts> before = counts();
        while (System.nanoTime() < deadline) {
            Thread.sleep(quiet.toMillis());
            Optional<SippCounts> now = counts();
            if (now.isPresent() && now.equals(before)) {
                return now.get();
            }
            before = now;
        }
        throw new IllegalStateException("sipp " + scenario + " still counts messages after " + limit + ": " + before);
    }

    /** The lines the scenario's {@code <log>} actions wrote so far. */
    public List<String> loggedLines() throws IOException {
        Path log = directory.resolve("scenario.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream().filter(line -> !line.isBlank()).toList()
                : List.of();
    }

    private String file(String name) throws IOException {
        Path file = directory.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
