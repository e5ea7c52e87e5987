package dialer.persistence;

import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's PostgreSQL: the embedded server or an external one, behind a HikariCP pool, with
 * Jdbi on top and Flyway migrations from {@code classpath:db/migration}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Optional<EmbeddedPostgres> embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(Optional<EmbeddedPostgres> embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
    }

    /**
     * Connects to the configured database, starting the embedded server first when no URL is set.
     *
     * @param metrics where the pool publishes its gauges and timers
     */
    public static Database open(DatabaseSettings settings, MeterRegistry metrics) {
        Optional<EmbeddedPostgres> embedded = settings.url().isEmpty()
                ? Optional.of(EmbeddedPostgres.start(settings.dataDir(), settings.embeddedPort()))
                : Optional.empty();
        try {
            HikariConfig pool = new HikariConfig();
            pool.setPoolName("dialer");
            pool.setMaximumPoolSize(settings.poolSize());
            pool.setConnectionTimeout(settings.connectTimeout().toMillis());
            pool.setMetricRegistry(metrics);
            if (embedded.isPresent()) {
                pool.setJdbcUrl(embedded.get().jdbcUrl());
                pool.setUsername(embedded.get().user());
                pool.setPassword(embedded.get().password());
            } else {
                pool.setJdbcUrl(settings.url().get());
                settings.user().ifPresent(pool::setUsername);
                settings.password().ifPresent(pool::setPassword);
            }
            return new Database(embedded, new HikariDataSource(pool));
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgres::close);
            throw e;
        }
    }

    /** Brings the schema up to date; returns how many migrations were applied now. */
    public int migrate() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("Database schema at version {} ({} migrations applied now)",
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Where the data lives, for logs and health output; never contains a password. */
    public String describe() {
        return embedded.map(server -> "embedded PostgreSQL " + server.jdbcUrl())
                .orElseGet(() -> "PostgreSQL " + dataSource.getJdbcUrl().replaceAll("password=[^&]*", "password=***"));
    }

    /** Closes the pool, then stops the embedded server if there is one. */
    @Override
    public void close() {
        dataSource.close();
        embedded.ifPresent(EmbeddedPostgres::close);
    }
}
