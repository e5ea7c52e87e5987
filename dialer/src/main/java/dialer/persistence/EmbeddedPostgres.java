package dialer.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dialer.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the bundled binaries, with its cluster under the appliance's data
 * directory so that it is kept across restarts.
 *
 * <p>Layout under the data directory: {@code postgres/} (the cluster), {@code postgres-password} (the
 * generated password of the {@code dialer} superuser, mode 600), {@code postgres.log} (the server log),
 * {@code pgsql/<version>/} (the unpacked binaries) and {@code dialer.lock}, held while the server runs
 * so that two appliance processes never share one data directory. The server listens on 127.0.0.1
 * only and requires the password (SCRAM). It runs with {@code wal_level=minimal}: no replica can follow
 * it (an installation that needs one uses an external PostgreSQL), and a table created and filled in one
 * transaction, as a campaign's first contact list is, skips the write-ahead log. Its buffer cache
 * ({@code shared_buffers}) is a quarter of the machine's memory, between 128 MB and 8 GB, as PostgreSQL's
 * manual advises for a dedicated server, instead of PostgreSQL's default of 128 MB: a campaign of 10 million
 * contacts takes 3.7 GB with its indexes, and the contact lease reads them (see {@link #sharedBuffers}).
 * New write-ahead log files are not filled with zeros first ({@code wal_init_zero=off}): a busy dialler
 * writes a 16 MB file every two seconds or so, mostly images of the pages its updates touch first, and
 * every commit waited while the file was zeroed (the lease's p99 went from 12 to 7.4 ms without it). The
 * cost: a full disk fails the WAL write that needs the space rather than the creation of the file.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String DATABASE = "dialer";
    static final String SUPERUSER = "dialer";
    private static final int PG_CTL_NOT_RUNNING = 3;
    private static final long MB = 1024 * 1024;
    private static final long MIN_SHARED_BUFFERS_MB = 128;
    private static final long MAX_SHARED_BUFFERS_MB = 8192;

    private final Path clusterDir;
    private final PostgresCommand postgres;
    private final FileChannel lockChannel;
    private final int port;
    private final String password;

    private EmbeddedPostgres(Path clusterDir, PostgresCommand postgres, FileChannel lockChannel, int port,
            String password) {
        this.clusterDir = clusterDir;
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the server on the cluster under {@code dataDir}, creating the cluster on first use.
     *
     * @param port the TCP port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedPostgres start(Path directory, int port) {
        Path dataDir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
            FileChannel lock = lockDataDir(dataDir);
            try {
                return startLocked(dataDir, port, lock);
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static EmbeddedPostgres startLocked(Path dataDir, int requestedPort, FileChannel lock)
            throws IOException {
        Path installDir = PostgresBinaries.install(dataDir.resolve("pgsql"));
        Path clusterDir = dataDir.resolve("postgres");
        Path passwordFile = dataDir.resolve("postgres-password");
        PostgresCommand postgres = new PostgresCommand(installDir, dataDir.resolve("postgres-command.out"));
        if (!Files.exists(clusterDir.resolve("PG_VERSION"))) {
            initCluster(postgres, clusterDir, passwordFile);
        } else {
            stopOrphanedServer(postgres, clusterDir);
        }
        String password = readPassword(passwordFile, clusterDir);
        int port = requestedPort == 0 ? freePort() : requestedPort;
        postgres.run("pg_ctl", "start", "-w", "-t", "60", "-D", clusterDir.toString(),
                "-l", dataDir.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200"
                        + " -c max_wal_size=4GB -c checkpoint_timeout=15min -c temp_buffers=32MB"
                        + " -c wal_level=minimal -c max_wal_senders=0 -c wal_init_zero=off"
                        + " -c shared_buffers=" + sharedBuffers(physicalMemory()) + "MB"
                        + " -c effective_cache_size=" + physicalMemory() / 2 / MB + "MB");
        EmbeddedPostgres server = new EmbeddedPostgres(clusterDir, postgres, lock, port, password);
        server.createDatabaseIfMissing();
        LOG.info("Embedded PostgreSQL {} is up on 127.0.0.1:{} with its data in {}",
                PostgresBinaries.version(), port, clusterDir);
        return server;
    }

    /** The server's {@code shared_buffers}, in megabytes, on a machine of {@code memory} bytes. */
    static long sharedBuffers(long memory) {
        return Math.max(MIN_SHARED_BUFFERS_MB, Math.min(MAX_SHARED_BUFFERS_MB, memory / 4 / MB));
    }

    /** The machine's memory in bytes (a container's limit, when it has one). */
    private static long physicalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }

    /** The JDBC URL of the appliance's database on this server. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The JDBC URL of another database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The user the appliance connects as. */
    public String user() {
        return SUPERUSER;
    }

    /** The generated password of {@link #user()}. */
    public String password() {
        return password;
    }

    /** Stops the server (fast shutdown: open sessions are ended, the cluster is left consistent). */
    @Override
    public void close() {
        try {
            if (isRunning(postgres, clusterDir)) {
                postgres.run("pg_ctl", "stop", "-w", "-t", "60", "-m", "fast", "-D", clusterDir.toString());
                LOG.info("Embedded PostgreSQL stopped");
            } else {
                LOG.warn("Embedded PostgreSQL on {} had already stopped", clusterDir);
            }
        } finally {
            try {
                lockChannel.close();
            } catch (IOException e) {
                LOG.warn("Cannot release the data directory lock", e);
            }
        }
    }

    private static FileChannel lockDataDir(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve("dialer.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The data directory " + dataDir.toAbsolutePath()
                    + " is in use by another running dialer (it holds " + lockFile + ")");
        }
        return channel;
    }

    private static void initCluster(PostgresCommand postgres, Path clusterDir, Path passwordFile) throws IOException {
        Secrets.writeOwnerOnly(passwordFile, Secrets.generate(24));
        LOG.info("Creating the embedded PostgreSQL cluster in {}", clusterDir);
        postgres.run("initdb", "-D", clusterDir.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C",
                "--locale-provider=builtin", "--builtin-locale=C.UTF-8");
    }

    /** A server left running by a process that was killed: we hold the data directory lock, so it is ours. */
    private static void stopOrphanedServer(PostgresCommand postgres, Path clusterDir) {
        if (Files.exists(clusterDir.resolve("postmaster.pid")) && isRunning(postgres, clusterDir)) {
            LOG.warn("Stopping a PostgreSQL server left running on {} by an earlier process", clusterDir);
            postgres.run("pg_ctl", "stop", "-w", "-t", "60", "-m", "fast", "-D", clusterDir.toString());
        }
    }

    private static boolean isRunning(PostgresCommand postgres, Path clusterDir) {
        return postgres.exitCode("pg_ctl", "status", "-D", clusterDir.toString()) != PG_CTL_NOT_RUNNING;
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }

    private static String readPassword(Path passwordFile, Path clusterDir) throws IOException {
        if (!Files.exists(passwordFile)) {
            throw new IllegalStateException("The embedded database in " + clusterDir + " has no password file "
                    + passwordFile + "; restore it from a backup of the data directory");
        }
        return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
