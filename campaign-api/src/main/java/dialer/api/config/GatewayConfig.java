package dialer.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dialer.gateway.sip.DigestCredentials;
import dialer.gateway.sip.NumberFormat;
import dialer.gateway.sip.SipSettings;
import dialer.gateway.sip.SipTransport;
import dialer.gateway.sip.SipTrunk;

/**
 * The way to the telephone network: the simulated trunk (no network: a modelled list of people, for a
 * demonstration) or SIP trunks.
 *
 * @param driver {@code simulated} or {@code sip}
 */
public record GatewayConfig(String driver, Simulated simulated, Sip sip) {
    /** The driver with no network. */
    public static final String SIMULATED = "simulated";
    /** The SIP driver. */
    public static final String SIP = "sip";
    private static final int DEFAULT_SIP_PORT = 5060;

    /**
     * The simulated driver's own settings: its people ring, answer, talk and hang up {@code speed} times
     * faster than the wall clock (the engine's own timers keep real time).
     */
    public record Simulated(double speed) {
    }

    /** The SIP driver's own settings. */
    public record Sip(String address, int port, int mediaPort, int keepAliveSeconds, int keepAliveTimeoutSeconds, String promptsDir,
            List<Trunk> trunks) {
    }

    /** One SIP trunk, as configured: {@code port} is 5060 and {@code order} 0 when not given; the limits are required. */
    public record Trunk(String name, String host, Integer port, String transport, String username, String password, String callerId,
            String numberFormat, String countryCode, String nationalPrefix, String internationalPrefix, String techPrefix,
            Integer maxChannels, Integer maxCallsPerSecond, Integer order) {
        @Override
        public String toString() {
            return "Trunk[" + name + " at " + host + ":" + port + "]";
        }
    }

    /**
     * The SIP driver's settings, relative paths under {@code dataDir}.
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public SipSettings sipSettings(Path dataDir) {
        List<SipTrunk> trunks = new ArrayList<>();
        List<Trunk> configured = sip.trunks() == null ? List.of() : sip.trunks();
        for (int i = 0; i < configured.size(); i++) {
            try {
                trunks.add(trunk(configured.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("gateway.sip.trunks[" + i + "]: " + e.getMessage(), e);
            }
        }
        if (trunks.isEmpty()) {
            throw new IllegalArgumentException("gateway.sip.trunks: the SIP driver needs at least one trunk");
        }
        try {
            return new SipSettings(sip.address(), sip.port(), sip.mediaPort(), Duration.ofSeconds(sip.keepAliveSeconds()),
                    Duration.ofSeconds(sip.keepAliveTimeoutSeconds()), dataDir.resolve(sip.promptsDir() == null ? "prompts" : sip.promptsDir()),
                    trunks);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gateway.sip: " + e.getMessage(), e);
        }
    }

    private static SipTrunk trunk(Trunk trunk) {
        Optional<DigestCredentials> credentials = blank(trunk.username()) ? Optional.empty()
                : Optional.of(new DigestCredentials(trunk.username(), trunk.password() == null ? "" : trunk.password()));
        NumberFormat format = new NumberFormat(style(trunk.numberFormat()), trunk.countryCode(), trunk.nationalPrefix(),
                trunk.internationalPrefix(), trunk.techPrefix());
        if (trunk.maxChannels() == null || trunk.maxCallsPerSecond() == null) {
            throw new IllegalArgumentException("max-channels and max-calls-per-second are required");
        }
        return new SipTrunk(trunk.name(), trunk.host(), trunk.port() == null ? DEFAULT_SIP_PORT : trunk.port(), transport(trunk.transport()),
                credentials, Optional.ofNullable(trunk.callerId()).filter(id -> !id.isBlank()), format, trunk.maxChannels(),
                trunk.maxCallsPerSecond(), trunk.order() == null ? 0 : trunk.order());
    }

    private static SipTransport transport(String value) {
        try {
            return SipTransport.valueOf((value == null ? "udp" : value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transport: '" + value + "' is not udp or tcp", e);
        }
    }

    private static NumberFormat.Style style(String value) {
        try {
            return NumberFormat.Style.valueOf((value == null ? "e164" : value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("number-format: '" + value + "' is not e164, digits or national", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
