package dialer.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks the ranges and forms that YAML types alone do not. */
final class ConfigValidator {
    private ConfigValidator() {
    }

    static void validate(DialerConfig config, Map<String, String> sources) {
        List<String> errors = new ArrayList<>();
        Checks checks = new Checks(errors, sources);
        checks.range("http.port", config.http().port(), 0, 65535);
        checks.that("http.host", config.http().host() != null && !config.http().host().isBlank(), "is required");
        checks.range("http.shutdown-timeout-seconds", config.http().shutdownTimeoutSeconds(), 0, 600);
        checks.that("data.dir", config.data().dir() != null && !config.data().dir().isBlank(), "is required");
        String url = config.database().url();
        checks.that("database.url", url == null || url.isBlank() || url.startsWith("jdbc:postgresql://"),
                "must be a PostgreSQL JDBC URL like jdbc:postgresql://host:5432/dialer, or empty for the embedded database");
        checks.range("database.pool-size", config.database().poolSize(), 1, 1000);
        checks.range("database.connect-timeout-seconds", config.database().connectTimeoutSeconds(), 1, 600);
        checks.range("database.embedded-port", config.database().embeddedPort(), 0, 65535);
        checks.range("imports.max-size-mb", config.imports().maxSizeMb(), 1, 1024 * 100);
        checks.range("engine.wrap-up-seconds", config.engine().wrapUpSeconds(), 5, 3600);
        String nodeId = config.engine().nodeId();
        checks.that("engine.node-id", nodeId == null || nodeId.isBlank() || nodeId.strip().matches("[A-Za-z0-9._-]{1,100}"),
                "must be letters, digits, '.', '_' or '-' (at most 100)");
        String driver = config.gateway().driver();
        checks.that("gateway.driver", GatewayConfig.SIMULATED.equals(driver) || GatewayConfig.SIP.equals(driver),
                "'" + driver + "' is not " + GatewayConfig.SIMULATED + " or " + GatewayConfig.SIP);
        double speed = config.gateway().simulated().speed();
        checks.that("gateway.simulated.speed", speed >= 0.1 && speed <= 1000, speed + " is not between 0.1 and 1000");
        if (GatewayConfig.SIP.equals(driver)) {
            try {
                config.gateway().sipSettings(config.data().path());
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage() + " (" + sources.getOrDefault("gateway.sip.trunks", "default") + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException("Invalid configuration: " + String.join("; ", errors));
        }
    }

    private record Checks(List<String> errors, Map<String, String> sources) {
        void range(String key, int value, int min, int max) {
            that(key, value >= min && value <= max, value + " is not between " + min + " and " + max);
        }

        void that(String key, boolean valid, String message) {
            if (!valid) {
                errors.add(key + ": " + message + " (" + sources.getOrDefault(key, "default") + ")");
            }
        }
    }
}
