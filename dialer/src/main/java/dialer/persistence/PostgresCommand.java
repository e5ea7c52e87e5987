package dialer.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the bundled PostgreSQL programs and reports its output when it fails.
 *
 * <p>PostgreSQL refuses to run as root. When the appliance runs as root (a developer's machine, CI),
 * the program runs in a new user namespace ({@code unshare --user}), where it sees itself as an
 * unprivileged user while files keep their real owner.
 */
final class PostgresCommand {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path binDir;
    private final Path outputFile;

    PostgresCommand(Path installDir, Path outputFile) {
        this.binDir = installDir.resolve("bin");
        this.outputFile = outputFile;
    }

    /** Runs the program and returns its exit code; throws when it cannot be run or does not finish. */
    int exitCode(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("unshare", "--user", "--"));
        }
        command.add(binDir.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program, e);
        }
    }

    /** Runs the program and throws, with what it printed, unless it exits with 0. */
    void run(String program, String... args) {
        int exitCode = exitCode(program, args);
        if (exitCode != 0) {
            throw new IllegalStateException(program + " failed with exit code " + exitCode + ": " + lastOutput());
        }
    }

    String lastOutput() {
        try {
            return Files.readString(outputFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
