package dialer.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dialer.api.Appliance;
import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An appliance of its own: restarted on the same data directory, then with its database gone. */
class RestartAndFailureTest {
    @TempDir
    Path dataDir;

    @Test
    void keepsUsersAcrossRestartsAndReportsALostDatabase() throws Exception {
        int databasePort = RunningAppliance.freePort();
        try (Appliance appliance = RunningAppliance.start(dataDir, databasePort)) {
            ApiClient.Reply created = admin(appliance).postJson("/api/v1/users",
                    "{\"username\":\"survivor\",\"password\":\"survivor-password\",\"roles\":[\"supervisor\"]}");
            assertThat(created.status()).isEqualTo(201);
        }

        try (Appliance appliance = RunningAppliance.start(dataDir, databasePort)) {
            ApiClient survivor = ApiClient.anonymous(appliance.httpPort()).asUser("survivor", "survivor-password");
            assertThat(survivor.get("/api/v1/users/me").json().get("roles").get(0).asText()).isEqualTo("supervisor");
            ApiClient.Reply healthy = ApiClient.anonymous(appliance.httpPort()).get("/healthz");
            assertThat(healthy.status()).isEqualTo(200);
            assertThat(healthy.json().at("/checks/database/healthy").asBoolean()).isTrue();
            assertThat(healthy.json().at("/checks/trunks/healthy").asBoolean()).isTrue();
            assertThat(healthy.json().at("/checks/trunks/detail").asText()).isEqualTo("simulated up, 0 of 30 channels busy");

            stopPostgresBehindTheAppliancesBack();

            ApiClient.Reply down = ApiClient.anonymous(appliance.httpPort()).get("/healthz");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("down");
            assertThat(down.json().at("/checks/database/healthy").asBoolean()).isFalse();

            ApiClient.Reply failed = admin(appliance).get("/api/v1/users");
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.json().get("detail").asText()).startsWith("Internal error; the appliance log has the details under reference ");
            assertThat(failed.contentType()).startsWith("application/problem+json");
            assertThat(failed.body()).doesNotContain("Exception", "\tat ", "org.postgresql");
        }
    }

    private static ApiClient admin(Appliance appliance) {
        return ApiClient.anonymous(appliance.httpPort()).asUser("admin", RunningAppliance.ADMIN_PASSWORD);
    }

    private void stopPostgresBehindTheAppliancesBack() throws Exception {
        Path pgCtl;
        try (var versions = Files.list(dataDir.resolve("pgsql"))) {
            pgCtl = versions.filter(Files::isDirectory).findFirst().orElseThrow().resolve("bin/pg_ctl");
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "--user", "--"));
        }
        command.addAll(List.of(pgCtl.toString(), "stop", "-w", "-m", "immediate", "-D", dataDir.resolve("postgres").toString()));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).isZero();
    }
}
