package dialer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dialer.persistence.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real, migrated PostgreSQL database of its own, on an embedded server shared by every test of the
 * JVM (the server starts once; each user of this extension gets a fresh database).
 *
 * <p>Registered on a static field, one database serves the whole test class; on an instance field,
 * each test gets its own.
 * <pre>{@code @RegisterExtension static final TestDatabase DB = new TestDatabase();}</pre>
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    private final MigrationVersion target;
    private PGSimpleDataSource dataSource;
    private Jdbi jdbi;

    private boolean perTest;

    /** A database with every migration applied. */
    public TestDatabase() {
        this(MigrationVersion.LATEST);
    }

    private TestDatabase(MigrationVersion target) {
        this.target = target;
    }

    /** A database with the migrations up to {@code version} only, to test those that follow; see {@link #migrate()}. */
    public static TestDatabase migratedTo(String version) {
        return new TestDatabase(MigrationVersion.fromVersion(version));
    }

    /** Applies the migrations not applied yet. */
    public void migrate() {
        flyway(MigrationVersion.LATEST).migrate();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        create(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (jdbi == null) {
            perTest = true;
            create(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            drop(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perTest) {
            drop(context);
        }
    }

    private void create(ExtensionContext context) {
        EmbeddedPostgres server = sharedServer(context);
        execute(server, "CREATE DATABASE " + name);
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl(name));
        dataSource.setUser(server.user());
        dataSource.setPassword(server.password());
        flyway(target).migrate();
        jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    private Flyway flyway(MigrationVersion version) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load();
    }

    private void drop(ExtensionContext context) {
        execute(sharedServer(context), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    private static EmbeddedPostgres sharedServer(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedServer.class, key -> new SharedServer(), SharedServer.class)
                .server;
    }

    private static void execute(EmbeddedPostgres server, String sql) {
        try (Connection connection = DriverManager.getConnection(
                server.jdbcUrl("postgres"), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The JVM's one embedded server, stopped when JUnit closes the root store. */
    private static final class SharedServer implements AutoCloseable {
        private final EmbeddedPostgres server;

        SharedServer() {
            try {
                Path dataDir = Files.createTempDirectory(Path.of("target"), "test-postgres-");
                server = EmbeddedPostgres.start(dataDir, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
