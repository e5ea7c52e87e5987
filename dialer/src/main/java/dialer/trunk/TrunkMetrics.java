package dialer.trunk;

import dialer.gateway.GatewayDriver;
import dialer.gateway.TrunkHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Each trunk's state as gauges: {@code dialer_trunk_up} (1 or 0) and {@code dialer_trunk_busy_channels}, tagged by trunk. */
public final class TrunkMetrics {
    private TrunkMetrics() {
    }

    /** Registers the gauges of every trunk {@code gateway} has now. */
    public static void bind(GatewayDriver gateway, MeterRegistry registry) {
        for (TrunkHealth trunk : gateway.health()) {
            String name = trunk.trunk();
            Gauge.builder("dialer.trunk.up", gateway, driver -> of(driver, name).up() ? 1 : 0)
                    .tag("trunk", name).description("1 while the trunk is up, 0 while calls skip it").register(registry);
            Gauge.builder("dialer.trunk.busy.channels", gateway, driver -> of(driver, name).busyChannels())
                    .tag("trunk", name).description("channels of the trunk in use").register(registry);
            Gauge.builder("dialer.trunk.max.channels", gateway, driver -> of(driver, name).maxChannels())
                    .tag("trunk", name).description("channels the trunk has").register(registry);
        }
    }

    private static TrunkHealth of(GatewayDriver gateway, String name) {
        return gateway.health().stream().filter(trunk -> trunk.trunk().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("trunk " + name + " is gone"));
    }
}
