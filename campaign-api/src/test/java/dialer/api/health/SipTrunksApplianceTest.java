package dialer.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dialer.api.Appliance;
import dialer.api.config.ConfigLoader;
import dialer.api.config.DialerConfig;
import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
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
        int trunkPort = freePort();
        Process sipp = new ProcessBuilder("sipp", "-sn", "uas", "-i", "127.0.0.1", "-p", Integer.toString(trunkPort), "-aa", "-nostdin")
                .redirectOutput(dir.resolve("sipp.log").toFile()).redirectErrorStream(true).start();
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
                """.formatted(freePort(), freePort(), trunkPort, freePort()));
        DialerConfig config = new ConfigLoader(Map.of(
                "DIALER_DATA_DIR", dir.resolve("data").toString(),
                "DIALER_HTTP_PORT", "0",
                "DIALER_HTTP_HOST", "127.0.0.1",
                "DIALER_ADMIN_PASSWORD", RunningAppliance.ADMIN_PASSWORD)).load(Optional.of(file), dir);
        try (Appliance appliance = Appliance.start(config)) {
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
        } finally {
            sipp.destroy();
            sipp.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A port free for both UDP and TCP on loopback now. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                    ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress("127.0.0.1", udp.getLocalPort()));
                return udp.getLocalPort();
            } catch (BindException e) {
                continue;
            }
        }
        throw new IOException("no free port");
    }
}
