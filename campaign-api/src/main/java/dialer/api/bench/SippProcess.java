package dialer.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dialer.gateway.sip.LoopbackPorts;

/**
 * The {@code sipp} program (Debian package {@code sip-tester}) as the benchmark's SIP peer: a UAS that
 * answers every call and waits for its BYE, or a UAC that places calls at a rate, on loopback. Stopped by
 * its own PID.
 */
public final class SippProcess implements AutoCloseable {
    static final String HOST = LoopbackPorts.HOST;

    private final Process process;
    private final Path directory;

    private SippProcess(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
    }

    /** sipp's built-in UAS on {@code port}: 180, 200, then waits for the BYE; answers OPTIONS. */
    public static SippProcess uas(Path workDir, int port) throws IOException, InterruptedException {
        SippProcess uas = start(workDir, "uas", List.of("-sn", "uas", "-p", Integer.toString(port), "-aa"));
        uas.awaitListening(port);
        return uas;
    }

    /**
     * sipp's built-in UAC against {@code target}: {@code calls} calls at {@code cps} a second, each held
     * {@code holdMillis}; its statistics every second in a file.
     */
    static SippProcess uac(Path workDir, String target, int localPort, int cps, int calls, long holdMillis) throws IOException {
        return start(workDir, "uac", List.of("-sn", "uac", target, "-p", Integer.toString(localPort), "-r", Integer.toString(cps), "-m", Integer.toString(calls),
                "-d", Long.toString(holdMillis), "-trace_stat", "-fd", "1", "-stf", workDir.resolve("uac-stats.csv").toString()));
    }

    private static SippProcess start(Path workDir, String name, List<String> arguments) throws IOException {
        Path directory = Files.createDirectories(workDir.resolve(name));
        List<String> command = new ArrayList<>(List.of("sipp", "-i", HOST, "-nostdin", "-trace_err", "-error_file",
                directory.resolve("errors.log").toString()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(directory.resolve("screen.log").toFile()).redirectErrorStream(true).start();
            return new SippProcess(process, directory);
        } catch (IOException e) {
            throw new IOException("cannot start sipp (install the Debian package sip-tester): " + e.getMessage(), e);
        }
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        String local = String.format(Locale.ROOT, "0100007F:%04X ", port);
        for (int attempt = 0; attempt < 500; attempt++) {
            if (!process.isAlive()) {
                throw new IOException("sipp exited with " + process.exitValue() + ": " + Files.readString(directory.resolve("screen.log")));
            }
            if (Files.readAllLines(Path.of("/proc/net/udp")).stream().anyMatch(line -> line.contains(local))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IOException("sipp did not listen on port " + port + " in 10 s");
    }

    /** Waits for sipp to end by itself; its exit code (0: every call succeeded). */
    int await(long timeoutSeconds) throws InterruptedException, IOException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IOException("sipp still runs after " + timeoutSeconds + " s");
        }
        return process.exitValue();
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
