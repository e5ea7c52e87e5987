package dialer.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dialer.gateway.CallHandle;
import dialer.gateway.TrunkHealth;
import org.junit.jupiter.api.Test;

/** Failover between trunks against sipp: a 503, and a trunk that stops answering OPTIONS. */
class SipFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void a503OnTheFirstTrunkSendsTheCallOutOnTheNextUntilTheFirstAnswersOptionsAgain() throws Exception {
        try (Sipp unavailable = Sipp.serve("unavailable.xml", Sipp.freePort());
                Sipp callee = Sipp.serve("answer.xml", Sipp.freePort(), "-d", "100");
                DriverFixture fixture = DriverFixture.keepingAlive(Duration.ofSeconds(2), SipTrunk.of("a", Sipp.HOST, unavailable.port(), 10, 50, 1),
                        SipTrunk.of("b", Sipp.HOST, callee.port(), 10, 50, 2))) {
            CallHandle call = fixture.call("a", "+79161234567");
            fixture.events.await(call.id(), "trying b", WAIT);
            TrunkHealth down = fixture.driver.health().get(0);
            assertThat(down.up()).as("trunk a after its 503, until its next OPTIONS").isFalse();
            assertThat(down.detail()).isEqualTo("answered an INVITE with SIP 503 Service Unavailable");
            fixture.events.await(call.id(), "answered", WAIT);
            fixture.driver.hangup(call);
            fixture.events.await(call.id(), "ended", WAIT);

            assertThat(fixture.events.of(call.id())).containsExactly("trying a", "trying b", "ringing", "answered", "detected UNKNOWN",
                    "ended ANSWERED");
            assertThat(unavailable.messages().stream().filter(message -> message.isRequest("INVITE")).count()).isEqualTo(1);
            assertThat(awaitHealth(fixture, "a", true).detail()).isEqualTo("answers OPTIONS (SIP 200)");
        }
    }

    @Test
    void aTrunkThatDoesNotAnswerOptionsIsSkippedUntilItAnswersAgain() throws Exception {
        int silentPort = Sipp.freePort();
        try (Sipp callee = Sipp.serve("answer.xml", Sipp.freePort(), "-d", "100");
                DriverFixture fixture = DriverFixture.keepingAlive(SipTrunk.of("a", Sipp.HOST, silentPort, 10, 50, 1),
                        SipTrunk.of("b", Sipp.HOST, callee.port(), 10, 50, 2))) {
            TrunkHealth down = awaitHealth(fixture, "a", false);
            assertThat(down.detail()).startsWith("no answer to OPTIONS");

            CallHandle skipping = fixture.call("a", "+79161234567");
            fixture.events.await(skipping.id(), "answered", WAIT);
            fixture.driver.hangup(skipping);
            assertThat(fixture.events.of(skipping.id())).startsWith("trying b");

            try (Sipp back = Sipp.serve("answer.xml", silentPort, "-d", "100")) {
                TrunkHealth up = awaitHealth(fixture, "a", true);
                assertThat(up.detail()).isEqualTo("answers OPTIONS (SIP 200)");

                CallHandle returning = fixture.call("a", "+79161234568");
                fixture.events.await(returning.id(), "answered", WAIT);
                fixture.driver.hangup(returning);
                assertThat(fixture.events.of(returning.id())).startsWith("trying a");
                assertThat(back.messages().stream().filter(message -> message.isRequest("INVITE")).count()).isEqualTo(1);
            }
        }
    }

    private static TrunkHealth awaitHealth(DriverFixture fixture, String trunk, boolean up) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (TrunkHealth health : fixture.driver.health()) {
                if (health.trunk().equals(trunk) && health.up() == up) {
                    return health;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("trunk " + trunk + " not " + (up ? "up" : "down") + " in " + WAIT + ": " + fixture.driver.health());
    }
}
