package dialer.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dialer.api.Appliance;
import dialer.api.bench.SippProcess;
import dialer.api.config.ConfigLoader;
import dialer.api.config.DialerConfig;
import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import dialer.gateway.sip.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appliance with {@code gateway.driver: sip} in its dialer.yaml: the SIP driver starts with the file's
 * trunks, asks each with OPTIONS, and reports them in /healthz and /metrics. One trunk is a sipp UAS on
 * loopback, the other a port where nothing answers.
 */
class SipTrunksApplianceTest {
    @TempDir
    Path dir;

    @Test
    void theTrunksOfTheFileAreAskedAndReported() throws Exception {
        int trunkPort = LoopbackPorts.freeForUdpAndTcp();
        Path file = Files.writeString(dir.resolve("dialer.yaml"), """
                gateway:
                  driver: sip
                  sip:
                    address: 127.0.0.1
                    port: %d
                    media-port: %d
                    keep-alive-seconds: 1
                    keep-alive-timeout-seconds: 1
                    trunks:
                      - {name: answering, host: 127.0.0.1, port: %d, max-channels: 30, max-calls-per-second: 10}
                      - {name: silent, host: 127.0.0.1, port: %d, max-channels: 60, max-calls-per-second: 10, order: 2}
                """.formatted(LoopbackPorts.freeForUdpAndTcp(), LoopbackPorts.freeForUdpAndTcp(), trunkPort,
                LoopbackPorts.freeForUdpAndTcp()));
        DialerConfig config = new ConfigLoader(Map.of(
                "DIALER_DATA_DIR", dir.resolve("data").toString(),
                "DIALER_HTTP_PORT", "0",
                "DIALER_HTTP_HOST", "127.0.0.1",
                "DIALER_ADMIN_PASSWORD", RunningAppliance.ADMIN_PASSWORD)).load(Optional.of(file), dir);
        try (SippProcess sipp = SippProcess.uas(dir, trunkPort); Appliance appliance = Appliance.start(config)) {
            ApiClient anonymous = ApiClient.anonymous(appliance.httpPort());
            String expected = "answering up, 0 of 30 channels busy; silent down, 0 of 60 channels busy";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            ApiClient.Reply health = anonymous.get("/healthz");
            while (!expected.equals(health.json().at("/checks/trunks/detail").asText()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                health = anonymous.get("/healthz");
            }
            assertThat(health.json().at("/checks/trunks/detail").asText()).isEqualTo(expected);
            assertThat(health.status()).as("one trunk up is enough").isEqualTo(200);
            assertThat(anonymous.asUser("admin", RunningAppliance.ADMIN_PASSWORD).get("/metrics").body())
                    .contains("dialer_trunk_up{trunk=\"answering\"} 1.0", "dialer_trunk_up{trunk=\"silent\"} 0.0",
                            "dialer_trunk_max_channels{trunk=\"silent\"} 60.0");
        }
    }
}
