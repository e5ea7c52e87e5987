package dialer.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetricsTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();

    @Test
    void servesPrometheusTextWithJvmPoolAndRouteTimers() {
        ApiClient admin = APPLIANCE.admin();
        assertThat(admin.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/users/424242").status()).isEqualTo(404);

        ApiClient.Reply reply = admin.get("/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        assertThat(reply.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("hikaricp_connections_active{pool=\"dialer\"}")
                .contains("dialer_trunk_up{trunk=\"simulated\"} 1.0")
                .contains("dialer_trunk_max_channels{trunk=\"simulated\"} 30.0")
                .containsPattern("dialer_trunk_busy_channels\\{trunk=\"simulated\"} 0\\.0")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\""
                        + "[^}]*uri=\"/api/v1/users\"[^}]*} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*"
                        + "uri=\"/api/v1/users/\\{id: \\[0-9\\]\\+}\"");
    }
}
