package dialer.trunk;

import java.util.List;
import java.util.stream.Collectors;

import dialer.gateway.GatewayDriver;
import dialer.gateway.TrunkHealth;
import dialer.health.HealthCheck;

/**
 * Healthy while at least one trunk is up. The detail names each trunk, its state and busy channels; it
 * is public (no credentials are needed for /healthz), so it names no host and repeats no SIP error.
 */
public final class TrunkHealthCheck implements HealthCheck {
    private final GatewayDriver gateway;

    public TrunkHealthCheck(GatewayDriver gateway) {
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return "trunks";
    }

    @Override
    public Result check() {
        List<TrunkHealth> trunks = gateway.health();
        String detail = trunks.stream()
                .map(trunk -> trunk.trunk() + " " + (trunk.up() ? "up" : "down") + ", " + trunk.busyChannels() + " of " + trunk.maxChannels()
                        + " channels busy")
                .collect(Collectors.joining("; "));
        return trunks.stream().anyMatch(TrunkHealth::up) ? Result.healthy(detail) : Result.unhealthy(detail);
    }
}
