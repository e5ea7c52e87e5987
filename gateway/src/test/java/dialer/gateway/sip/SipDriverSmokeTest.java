package dialer.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dialer.gateway.CallHandle;
import dialer.gateway.OriginateRequest;
import org.junit.jupiter.api.Test;

class SipDriverSmokeTest {
    @Test
    void callsAnswersAndHangsUp() throws Exception {
        int trunkPort = Sipp.freePort();
        try (Sipp callee = Sipp.serve("answer.xml", trunkPort, "-d", "200");
                SipGatewayDriver driver = new SipGatewayDriver(new SipSettings("127.0.0.1", Sipp.freePort(), Sipp.freePort(),
                        Duration.ofSeconds(1), Duration.ofSeconds(1), Path.of("."), List.of(SipTrunk.of("a", "127.0.0.1", trunkPort, 10, 10, 1))))) {
            driver.start();
            Events events = new Events();
            CallHandle call = driver.originate(new OriginateRequest("a", "+79161234567", "+74950000000", Duration.ofSeconds(20), "r1"), events);
            events.await(call.id(), "answered", Duration.ofSeconds(5));
            driver.hangup(call);
            events.await(call.id(), "ended", Duration.ofSeconds(5));
            assertThat(events.of(call.id())).containsExactly("trying a", "ringing", "answered", "detected UNKNOWN", "ended ANSWERED");
            Thread.sleep(300);
            System.out.println(callee.messages());
        }
    }
}
