package dialer.api.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import dialer.persistence.Database;
import dialer.persistence.DatabaseSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A benchmark's temporary directory, with a fresh embedded PostgreSQL in it when the benchmark needs one:
 * deleted, the server stopped first, when the benchmark ends, and also when the JVM is stopped during the
 * run (Ctrl-C, SIGTERM), which would otherwise leave the server running on a deleted directory.
 */
final class BenchWorkDir implements AutoCloseable {
    private final Path directory;
    private final List<Database> databases = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread onShutdown = new Thread(this::cleanUp, "bench-cleanup");

    private BenchWorkDir(Path directory) {
        this.directory = directory;
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    /** A new directory under the system's temporary one, named {@code prefix...}. */
    static BenchWorkDir create(String prefix) throws IOException {
        return new BenchWorkDir(Files.createTempDirectory(prefix));
    }

    Path path() {
        return directory;
    }

    /** A fresh embedded PostgreSQL under {@code data/}, migrated, with a pool of {@code poolSize} connections. */
    synchronized Database database(int poolSize) {
        Database database = Database.open(new DatabaseSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                poolSize, Duration.ofSeconds(30), directory.resolve("data"), 0), new SimpleMeterRegistry());
        databases.add(database);
        database.migrate();
        return database;
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing is left to do
        }
    }

    private synchronized void cleanUp() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        databases.forEach(Database::close);
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }
}
