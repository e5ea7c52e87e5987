package dialer.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import dialer.health.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Healthy when a pooled connection answers within a second. */
public final class DatabaseHealthCheck implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealthCheck.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 1;

    private final Database database;

    public DatabaseHealthCheck(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "database";
    }

    /** The detail is public (no credentials are needed for /healthz): it names no host, user or SQL error. */
    @Override
    public Result check() {
        try (Connection connection = database.dataSource().getConnection()) {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return Result.healthy("PostgreSQL answers");
            }
            LOG.warn("Health check: {} does not answer", database.describe());
            return Result.unhealthy("PostgreSQL does not answer");
        } catch (SQLException e) {
            LOG.warn("Health check: {} cannot be reached: {}", database.describe(), e.getMessage());
            return Result.unhealthy("PostgreSQL cannot be reached");
        }
    }
}
