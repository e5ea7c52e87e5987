package dialer.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import dialer.health.HealthCheck;

/** Healthy when a pooled connection answers within a second. */
public final class DatabaseHealthCheck implements HealthCheck {
    private static final int VALIDATION_TIMEOUT_SECONDS = 1;

    private final Database database;

    public DatabaseHealthCheck(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result check() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS)
                    ? Result.healthy(database.describe())
                    : Result.unhealthy(database.describe() + " does not answer");
        } catch (SQLException e) {
            return Result.unhealthy(database.describe() + ": " + e.getMessage());
        }
    }
}
