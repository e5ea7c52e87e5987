package dialer.gateway.sip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dialer.gateway.CallHandle;
import dialer.gateway.OriginateRequest;

/** A started SIP driver on loopback for the tests, with quick keep-alives, and the way they place calls. */
final class DriverFixture implements AutoCloseable {
    static final Duration KEEP_ALIVE = Duration.ofMillis(200);
    static final Duration KEEP_ALIVE_TIMEOUT = Duration.ofMillis(600);

    final SipGatewayDriver driver;
    final SipSettings settings;
    final Events events = new Events();
    private int references;

    DriverFixture(Path prompts, List<SipTrunk> trunks) {
        settings = new SipSettings(Sipp.HOST, Sipp.freePort(), Sipp.freePort(), KEEP_ALIVE, KEEP_ALIVE_TIMEOUT, prompts, trunks);
        driver = new SipGatewayDriver(settings);
        driver.start();
    }

    DriverFixture(SipTrunk... trunks) {
        this(Path.of("src/test/resources/prompts"), List.of(trunks));
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
