package dialer.api.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dialer.persistence.DatabaseSettings;

/** The appliance's settings, as read from YAML and the environment by {@link ConfigLoader}. */
public record DialerConfig(Http http, Data data, Database database, Imports imports, Admin admin, GatewayConfig gateway,
        Engine engine) {

    /** The web server. */
    public record Http(String host, int port, int shutdownTimeoutSeconds) {
        public Duration shutdownTimeout() {
            return Duration.ofSeconds(shutdownTimeoutSeconds);
        }
    }

    /** The data directory. */
    public record Data(String dir) {
        public Path path() {
            return Path.of(dir).toAbsolutePath().normalize();
        }
    }

    /** PostgreSQL: external when {@code url} is set, else embedded. */
    public record Database(String url, String user, String password, int poolSize, int connectTimeoutSeconds,
            int embeddedPort) {
    }

    /** CSV list uploads. */
    public record Imports(int maxSizeMb) {
        public long maxBytes() {
            return maxSizeMb * 1024L * 1024L;
        }
    }

    /** The first admin account. */
    public record Admin(String password) {
        public Optional<String> initialPassword() {
            return Optional.ofNullable(password).filter(value -> !value.isBlank());
        }
    }

    /** The campaign engine of this node. */
    public record Engine(String nodeId, int wrapUpSeconds) {
        /** The node's name: as configured, else the host's name. */
        public String node() {
            if (nodeId != null && !nodeId.isBlank()) {
                return nodeId.strip();
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }

    /** What the persistence layer needs to know. */
    public DatabaseSettings databaseSettings() {
        return new DatabaseSettings(
                Optional.ofNullable(database.url()).filter(url -> !url.isBlank()),
                Optional.ofNullable(database.user()).filter(user -> !user.isBlank()),
                Optional.ofNullable(database.password()),
                database.poolSize(),
                Duration.ofSeconds(database.connectTimeoutSeconds()),
                data.path(),
                database.embeddedPort());
    }
}
