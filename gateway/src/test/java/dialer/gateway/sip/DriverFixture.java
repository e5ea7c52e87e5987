package dialer.gateway.sip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dialer.gateway.CallHandle;
import dialer.gateway.OriginateRequest;

/**
 * A started SIP driver on loopback for the tests, and the way they place calls. Its keep-alives are quick
 * when a test is about them, and otherwise once an hour: sipp counts an OPTIONS as one of its calls.
 */
final class DriverFixture implements AutoCloseable {
    static final Duration QUICK_KEEP_ALIVE = Duration.ofMillis(200);
    static final Duration QUICK_KEEP_ALIVE_TIMEOUT = Duration.ofMillis(600);
    private static final Duration HOURLY = Duration.ofHours(1);

    final SipGatewayDriver driver;
    final SipSettings settings;
    final Events events = new Events();
    private int references;

    DriverFixture(Path prompts, boolean quickKeepAlive, List<SipTrunk> trunks) {
        this(prompts, quickKeepAlive ? QUICK_KEEP_ALIVE : HOURLY, trunks);
    }

    private DriverFixture(Path prompts, Duration keepAlive, List<SipTrunk> trunks) {
        settings = new SipSettings(Sipp.HOST, Sipp.freePort(), Sipp.freePort(), keepAlive, QUICK_KEEP_ALIVE_TIMEOUT, prompts, trunks);
        driver = new SipGatewayDriver(settings);
        driver.start();
    }

    DriverFixture(SipTrunk... trunks) {
        this(Path.of("."), false, List.of(trunks));
    }

    /** A driver that asks its trunks with OPTIONS every {@link #QUICK_KEEP_ALIVE}. */
    static DriverFixture keepingAlive(SipTrunk... trunks) {
        return new DriverFixture(Path.of("."), true, List.of(trunks));
    }

    /** A driver that asks its trunks with OPTIONS every {@code keepAlive}. */
    static DriverFixture keepingAlive(Duration keepAlive, SipTrunk... trunks) {
        return new DriverFixture(Path.of("."), keepAlive, List.of(trunks));
    }

    /** Calls {@code number} through {@code trunk}, ringing at most the shortest time the rules allow. */
    CallHandle call(String trunk, String number) {
        return driver.originate(new OriginateRequest(trunk, number, "+74950000000", OriginateRequest.MIN_RING_TIMEOUT,
                "test-" + ++references), events);
    }

    boolean up(String trunk) {
        return driver.health().stream().anyMatch(health -> health.trunk().equals(trunk) && health.up());
    }

    @Override
    public void close() {
        driver.close();
    }
}
