package dialer.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the appliance keeps its data.
 *
 * @param url          JDBC URL of an external PostgreSQL; empty to run the embedded one under {@code dataDir}
 * @param user         user for the external database (may also be given in the URL)
 * @param password     password for the external database (may also be given in the URL)
 * @param poolSize     connections in the pool
 * @param connectTimeout how long a caller waits for a pooled connection before it fails
 * @param dataDir      the appliance's data directory
 * @param embeddedPort TCP port of the embedded PostgreSQL on 127.0.0.1, 0 for any free port
 */
public record DatabaseSettings(Optional<String> url, Optional<String> user, Optional<String> password, int poolSize,
        Duration connectTimeout, Path dataDir, int embeddedPort) {
}
