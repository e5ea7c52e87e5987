package dialer.api.metrics;

import dialer.api.auth.Allow;
import dialer.apikey.Scope;
import dialer.user.Role;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /metrics}: Prometheus text, for admins and for API keys with {@code metrics:read}. */
@Path("/metrics")
@Allow(roles = {Role.ADMIN, Role.SUPERVISOR}, scopes = Scope.METRICS_READ)
public final class MetricsResource {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        return registry.scrape();
    }
}
