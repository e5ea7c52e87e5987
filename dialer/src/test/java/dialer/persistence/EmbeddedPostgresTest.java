package dialer.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {
    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, 0)) {
            execute(server, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, 0);
             Connection connection = connect(server);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT value FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void requiresThePasswordAndKeepsItPrivate() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, 0)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.user(), "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dataDir.resolve("postgres-password")))).isEqualTo("rw-------");
            assertThat(server.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
        }
    }

    @Test
    void refusesASecondServerOnTheSameDataDirectory() {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedPostgres.start(dataDir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running dialer");
        }
    }

    @Test
    void sizesItsBufferCacheToAQuarterOfTheMachinesMemory() throws Exception {
        long gib = 1024L * 1024 * 1024;
        assertThat(EmbeddedPostgres.sharedBuffers(24 * gib)).isEqualTo(6144);
        assertThat(EmbeddedPostgres.sharedBuffers(gib / 4)).isEqualTo(128);
        assertThat(EmbeddedPostgres.sharedBuffers(256 * gib)).isEqualTo(8192);
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, 0);
             Connection connection = connect(server);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(EmbeddedPostgres.sharedBuffers(memory));
        }
    }

    private static Connection connect(EmbeddedPostgres server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }

    private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
