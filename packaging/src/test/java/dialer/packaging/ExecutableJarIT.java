package dialer.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar on a machine with no configuration and no PostgreSQL installed. */
class ExecutableJarIT {
    private static final Duration FIRST_START_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path workDir;

    @Test
    void servesHealthWithin20SecondsThenStopsCleanlyOnSigterm() throws Exception {
        int port = ApplianceProcess.freePort();
        try (ApplianceProcess appliance = ApplianceProcess.start(workDir,
                Map.of("DIALER_HTTP_PORT", Integer.toString(port)), "serve")) {
            Duration tookToBeHealthy = appliance.awaitHealthy(FIRST_START_LIMIT);
            System.out.println("first start to healthy /healthz: " + tookToBeHealthy.toMillis() + " ms");

            String adminPassword = Files.readString(workDir.resolve("data/admin-password")).strip();
            assertThat(appliance.get("/api/v1/users", "admin:" + adminPassword)).isEqualTo(200);
            assertThat(appliance.get("/api/v1/users", null)).isEqualTo(401);
            assertThat(appliance.output()).contains("generated password " + adminPassword);

            appliance.terminate();
            assertThat(appliance.awaitExit(Duration.ofSeconds(45))).isEqualTo(143);
            assertThat(appliance.output()).contains("HTTP server stopped", "Embedded PostgreSQL stopped", "Dialer stopped");
            assertThat(workDir.resolve("data/postgres/postmaster.pid")).doesNotExist();
        }
    }

    @Test
    void keepsDataThroughACrashAndARestart() throws Exception {
        int port = ApplianceProcess.freePort();
        Map<String, String> environment = Map.of("DIALER_HTTP_PORT", Integer.toString(port),
                "DIALER_ADMIN_PASSWORD", "admin-password-1");
        try (ApplianceProcess first = ApplianceProcess.start(workDir, environment, "serve")) {
            first.awaitHealthy(FIRST_START_LIMIT);
            assertThat(first.postJson("/api/v1/users", "admin:admin-password-1",
                    "{\"username\":\"kept.manager\",\"password\":\"kept-password\",\"roles\":[\"manager\"]}"))
                    .isEqualTo(201);
            first.kill();
        }
        try (ApplianceProcess second = ApplianceProcess.start(workDir, environment, "serve")) {
            second.awaitHealthy(FIRST_START_LIMIT);
            assertThat(second.get("/api/v1/users/me", "kept.manager:kept-password")).isEqualTo(200);
            assertThat(second.output()).contains("left running on");
        }
    }

    @Test
    void invalidPortFromTheEnvironmentExitsNamingTheKey() throws Exception {
        try (ApplianceProcess appliance = ApplianceProcess.start(workDir, Map.of("DIALER_HTTP_PORT", "abc"), "serve")) {
            assertThat(appliance.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(appliance.output()).contains("http.port", "'abc'", "DIALER_HTTP_PORT");
            assertThat(workDir.resolve("data")).doesNotExist();
        }
    }

    @Test
    void migratesAndReportsItsVersion() throws Exception {
        try (ApplianceProcess migrate = ApplianceProcess.start(workDir, Map.of(), "db", "migrate")) {
            assertThat(migrate.awaitExit(Duration.ofSeconds(60))).as(migrate.output()).isZero();
            assertThat(migrate.output()).containsPattern("Applied [1-9][0-9]* migration\\(s\\) to embedded PostgreSQL");
        }
        try (ApplianceProcess version = ApplianceProcess.start(workDir, Map.of(), "--version")) {
            assertThat(version.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(version.output()).startsWith("dialer ");
        }
    }
}
