package dialer.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dialer.api.Appliance;
import dialer.api.config.ConfigLoader;
import dialer.api.config.DialerConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole appliance, started in this JVM on its embedded PostgreSQL and a free HTTP port, shared by
 * every test class that registers this extension (it starts once and stops when the tests end).
 * The first admin's password is {@link #ADMIN_PASSWORD}; its simulated network runs {@link #SIMULATED_SPEED}
 * times faster than real time, so that a test sees a call answered, talked and hung up in seconds.
 */
public final class RunningAppliance implements BeforeAllCallback {
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** How much faster than real time the shared appliance's simulated people ring, answer and talk. */
    public static final String SIMULATED_SPEED = "60";

    private Shared shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Shared.class, key -> new Shared(), Shared.class);
    }

    public ApiClient anonymous() {
        return ApiClient.anonymous(shared.appliance.httpPort());
    }

    public ApiClient admin() {
        return anonymous().asUser("admin", ADMIN_PASSWORD);
    }

    public Path dataDir() {
        return shared.dataDir;
    }

    /** A connection to the appliance's own database, to check what it stored. */
    public Connection database() throws SQLException, IOException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + shared.databasePort + "/dialer",
                "dialer", Files.readString(shared.dataDir.resolve("postgres-password")).strip());
    }

    /** Starts an appliance with the test admin password on {@code dataDir}, its database on {@code databasePort}. */
    public static Appliance start(Path dataDir, int databasePort) {
        return start(dataDir, databasePort, Map.of());
    }

    /** As {@link #start(Path, int)}, with more settings as environment variables. */
    public static Appliance start(Path dataDir, int databasePort, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.putAll(Map.of(
                "DIALER_DATA_DIR", dataDir.toString(),
                "DIALER_DATABASE_EMBEDDED_PORT", Integer.toString(databasePort),
                "DIALER_HTTP_PORT", "0",
                "DIALER_HTTP_HOST", "127.0.0.1",
                "DIALER_HTTP_SHUTDOWN_TIMEOUT_SECONDS", "5",
                "DIALER_ADMIN_PASSWORD", ADMIN_PASSWORD));
        return Appliance.start(new ConfigLoader(environment).load(Optional.empty(), dataDir));
    }

    /** A TCP port free on the loopback interface now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static final class Shared implements AutoCloseable {
        private final Path dataDir;
        private final int databasePort;
        private final Appliance appliance;

        Shared() {
            try {
                dataDir = Files.createTempDirectory(Path.of("target"), "appliance-");
                databasePort = freePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            appliance = start(dataDir, databasePort, Map.of("DIALER_GATEWAY_SIMULATED_SPEED", SIMULATED_SPEED));
        }

        @Override
        public void close() {
            appliance.close();
        }
    }
}
