package dialer.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import dialer.gateway.CallHandle;
import org.junit.jupiter.api.Test;

/** The call flows of the SIP driver against sipp: the CANCEL at the ring time, BYE from the callee, digest, TCP. */
class SipCallFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aPhoneThatRingsOnIsCancelledWhenTheRingTimeRunsOut() throws Exception {
        try (Sipp phone = Sipp.serve("ring.xml", Sipp.freePort(), "-m", "1");
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, phone.port(), 10, 10, 1))) {
            CallHandle call = fixture.call("t", "+79161234567");
            Events.Event ringing = fixture.events.await(call.id(), "ringing", WAIT);
            Events.Event ended = fixture.events.await(call.id(), "ended", Duration.ofSeconds(30));

            assertThat(ended.what()).isEqualTo("ended NO_ANSWER");
            assertThat(ended.cause()).startsWith("SIP 487");
            assertThat(Duration.ofNanos(ended.nanos() - ringing.nanos())).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(17));
            assertThat(phone.awaitExit(WAIT)).as("sipp got the CANCEL and the ACK of its 487: %s", phone.log("errors.log")).isZero();
        }
    }

    @Test
    void theDiallerHangingUpWhileItRingsCancelsTheCall() throws Exception {
        try (Sipp phone = Sipp.serve("ring.xml", Sipp.freePort(), "-m", "1");
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, phone.port(), 10, 10, 1))) {
            CallHandle call = fixture.call("t", "+79161234567");
            fixture.events.await(call.id(), "ringing", WAIT);
            fixture.driver.hangup(call);

            assertThat(fixture.events.await(call.id(), "ended", WAIT).what()).isEqualTo("ended CANCELLED");
            assertThat(phone.awaitExit(WAIT)).isZero();
        }
    }

    @Test
    void theCalleeHangingUpEndsTheCallAnswered() throws Exception {
        try (Sipp callee = Sipp.serve("hangup.xml", Sipp.freePort(), "-d", "300", "-m", "1");
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, callee.port(), 10, 10, 1))) {
            CallHandle call = fixture.call("t", "+79161234567");
            Events.Event ended = fixture.events.await(call.id(), "ended", WAIT);

            assertThat(ended.what()).isEqualTo("ended ANSWERED");
            assertThat(ended.cause()).isEqualTo("BYE from the callee");
            assertThat(callee.awaitExit(WAIT)).as("sipp's BYE was answered 200").isZero();
            assertThat(fixture.driver.health().get(0).busyChannels()).isZero();
        }
    }

    @Test
    void aDigestChallengeIsAnsweredWithTheTrunksCredentials() throws Exception {
        try (Sipp trunk = Sipp.serve("digest.xml", Sipp.freePort(), "-m", "1");
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, trunk.port(), 10, 10, 1)
                        .withCredentials(new DigestCredentials("dialer", "s3cret")))) {
            CallHandle call = fixture.call("t", "+79161234567");
            fixture.events.await(call.id(), "answered", WAIT);
            fixture.driver.hangup(call);

            assertThat(fixture.events.await(call.id(), "ended", WAIT).what()).isEqualTo("ended ANSWERED");
            assertThat(trunk.awaitExit(WAIT)).as("sipp checked the credentials: %s", trunk.log("errors.log")).isZero();
            List<SippMessage> invites = trunk.messages().stream().filter(message -> message.received() && message.isRequest("INVITE")).toList();
            assertThat(invites).hasSize(2);
            assertThat(invites.get(1).text()).contains("Authorization: Digest").contains("username=\"dialer\"").doesNotContain("s3cret");
        }
    }

    @Test
    void credentialsTheTrunkRefusesEndTheCallAsANetworkFailure() throws Exception {
        try (Sipp trunk = Sipp.serve("digest.xml", Sipp.freePort(), "-m", "1");
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, trunk.port(), 10, 10, 1)
                        .withCredentials(new DigestCredentials("dialer", "wrong")))) {
            CallHandle call = fixture.call("t", "+79161234567");
            Events.Event ended = fixture.events.await(call.id(), "ended", WAIT);

            assertThat(ended.what()).isEqualTo("ended NETWORK_FAILURE");
            assertThat(ended.cause()).startsWith("SIP 401");
        }
    }

    @Test
    void theTrunksCallerIdReplacesTheCallsAndTheNumberIsWrittenAsTheTrunkWants() throws Exception {
        try (Sipp callee = Sipp.serve("answer.xml", Sipp.freePort(), "-d", "0", "-m", "1");
                DriverFixture fixture = new DriverFixture(new SipTrunk("t", Sipp.HOST, callee.port(), SipTransport.UDP, java.util.Optional.empty(),
                        java.util.Optional.of("+74951112233"), new NumberFormat(NumberFormat.Style.NATIONAL, "7", "8", "810", ""), 10, 10, 1))) {
            CallHandle call = fixture.call("t", "+79161234567");
            fixture.events.await(call.id(), "answered", WAIT);
            fixture.driver.hangup(call);
            fixture.events.await(call.id(), "ended", WAIT);

            String invite = callee.messages().get(0).text();
            assertThat(invite).startsWith("INVITE sip:89161234567@").containsPattern("From: <sip:\\+74951112233@");
        }
    }

    @Test
    void closingTheDriverCancelsARingingCall() throws Exception {
        try (Sipp phone = Sipp.serve("ring.xml", Sipp.freePort(), "-m", "1")) {
            DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, phone.port(), 10, 10, 1));
            CallHandle call = fixture.call("t", "+79161234567");
            fixture.events.await(call.id(), "ringing", WAIT);
            fixture.close();

            Events.Event ended = fixture.events.await(call.id(), "ended", WAIT);
            assertThat(ended.what()).isEqualTo("ended CANCELLED");
            assertThat(ended.cause()).isEqualTo("the driver stopped");
            assertThat(phone.awaitExit(WAIT)).as("sipp got the CANCEL: %s", phone.log("errors.log")).isZero();
            assertThatThrownBy(() -> fixture.call("t", "+79161234567")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aMachineTheGatewayDetectsAfterTheAnswerIsToldByInfo() throws Exception {
        try (Sipp gateway = Sipp.serve("answer-then-info.xml", Sipp.freePort(), "-d", "300", "-m", "1");
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, gateway.port(), 10, 10, 1))) {
            CallHandle call = fixture.call("t", "+79161234567");
            fixture.events.await(call.id(), "detected", WAIT);
            fixture.driver.hangup(call);

            assertThat(fixture.events.await(call.id(), "ended", WAIT).what()).isEqualTo("ended MACHINE");
            assertThat(fixture.events.of(call.id())).containsExactly("trying t", "ringing", "answered", "detected MACHINE", "ended MACHINE");
            assertThat(gateway.awaitExit(WAIT)).as("the INFO was answered, the BYE came: %s", gateway.log("errors.log")).isZero();
        }
    }

    @Test
    void anAnswerThatCrossesTheCancelIsAcknowledgedAndHungUp() throws Exception {
        try (Sipp phone = Sipp.serve("answer-crossing-cancel.xml", Sipp.freePort(), "-m", "1");
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, phone.port(), 10, 10, 1))) {
            CallHandle call = fixture.call("t", "+79161234567");
            fixture.events.await(call.id(), "ringing", WAIT);
            fixture.driver.hangup(call);

            Events.Event ended = fixture.events.await(call.id(), "ended", WAIT);
            assertThat(ended.what()).isEqualTo("ended CANCELLED");
            assertThat(ended.cause()).isEqualTo("answered as the appliance cancelled; hung up");
            assertThat(phone.awaitExit(WAIT)).as("sipp got the ACK of its 200 and a BYE: %s", phone.log("errors.log")).isZero();
            assertThat(fixture.driver.health().get(0).busyChannels()).isZero();
        }
    }

    @Test
    void aTcpTrunkCarriesTheCall() throws Exception {
        int port = Sipp.freePort();
        try (Sipp callee = Sipp.start("answer.xml", port, SipTransport.TCP, "-d", "100", "-m", "1");
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, port, 10, 10, 1).withTransport(SipTransport.TCP))) {
            CallHandle call = fixture.call("t", "+79161234567");
            fixture.events.await(call.id(), "answered", WAIT);
            fixture.driver.hangup(call);

            assertThat(fixture.events.await(call.id(), "ended", WAIT).what()).isEqualTo("ended ANSWERED");
            assertThat(callee.awaitExit(WAIT)).isZero();
            assertThat(callee.messages().get(0).text()).contains("Via: SIP/2.0/TCP");
        }
    }
}
