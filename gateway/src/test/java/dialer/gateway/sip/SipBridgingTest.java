package dialer.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dialer.gateway.AgentLeg;
import dialer.gateway.CallHandle;
import dialer.gateway.Prompt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party call control against sipp (RFC 3725): an agent's phone, called once at login, is re-INVITEd
 * with each answered customer's session, and back to silence when the customer hangs up; the leg stays up.
 */
class SipBridgingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int FIRST_CUSTOMER_RTP = 41000;
    private static final int SECOND_CUSTOMER_RTP = 42000;
    private static final int AGENT_RTP = 43000;

    @Test
    void customersAreBridgedToTheAgentsPhoneOneAfterTheOtherOverTheSameLeg() throws Exception {
        int agentPort = Sipp.freePort();
        try (Sipp agentPhone = Sipp.serve("agent.xml", agentPort, "-m", "1", "-key", "rtp_port", Integer.toString(AGENT_RTP));
                Sipp first = Sipp.serve("bridged-hangup.xml", Sipp.freePort(), "-d", "500", "-m", "1", "-key", "rtp_port",
                        Integer.toString(FIRST_CUSTOMER_RTP));
                Sipp second = Sipp.serve("bridged-hangup.xml", Sipp.freePort(), "-d", "500", "-m", "1", "-key", "rtp_port",
                        Integer.toString(SECOND_CUSTOMER_RTP));
                DriverFixture fixture = new DriverFixture(SipTrunk.of("first", Sipp.HOST, first.port(), 10, 10, 1),
                        SipTrunk.of("second", Sipp.HOST, second.port(), 10, 10, 2))) {
            AgentLeg leg = fixture.driver.connectAgent("sip:agent@" + Sipp.HOST + ":" + agentPort, fixture.events);
            fixture.events.await(leg.id(), "connected", WAIT);

            CallHandle secondCall = fixture.call("second", "+79161234568");
            fixture.events.await(secondCall.id(), "answered", WAIT);
            talkAndHangUp(fixture, leg, "first");
            fixture.driver.bridge(secondCall, leg);
            fixture.events.await(secondCall.id(), "bridged " + leg.id(), WAIT);
            assertThat(fixture.events.await(secondCall.id(), "ended", WAIT).what()).isEqualTo("ended ANSWERED");
            assertThat(first.awaitExit(WAIT)).as("the first customer's sipp: re-INVITE acknowledged, BYE answered: %s",
                    first.log("errors.log")).isZero();
            assertThat(second.awaitExit(WAIT)).as("the second customer's sipp: %s", second.log("errors.log")).isZero();

            fixture.driver.disconnectAgent(leg);
            fixture.events.await(leg.id(), "dropped", WAIT);
            assertThat(agentPhone.awaitExit(WAIT)).as("the phone took every re-INVITE, then the BYE: %s", agentPhone.log("errors.log"))
                    .isZero();
            List<String> offers = agentPhone.messages().stream()
                    .filter(message -> message.received() && message.isRequest("INVITE")).map(SippMessage::body).toList();
            assertThat(offers).hasSize(5);
            assertThat(offers.get(0)).as("at login: silence").contains("a=inactive").doesNotContain(" " + FIRST_CUSTOMER_RTP + " ");
            assertThat(offers.get(1)).as("the first customer").contains("c=IN IP4 127.0.0.1").contains("m=audio " + FIRST_CUSTOMER_RTP + " ");
            assertThat(offers.get(2)).as("silence again").contains("a=inactive");
            assertThat(offers.get(3)).as("the second customer").contains("c=IN IP4 127.0.0.1").contains("m=audio " + SECOND_CUSTOMER_RTP + " ");
            assertThat(offers.get(4)).contains("a=inactive");
            assertThat(agentPhone.messages().stream().filter(message -> message.received() && message.isRequest("BYE")).count())
                    .as("one BYE, at logout").isEqualTo(1);
            assertThat(customerOffer(first)).as("the first customer was sent the agent phone's session").contains("m=audio " + AGENT_RTP + " ");
            assertThat(customerOffer(second)).contains("m=audio " + AGENT_RTP + " ");
            assertThat(fixture.events.of(leg.id())).containsExactly("connected", "dropped");
        }
    }

    @Test
    void theAgentsPhoneHangingUpDropsTheLegAndHangsUpItsCustomer() throws Exception {
        int agentPort = Sipp.freePort();
        try (Sipp agentPhone = Sipp.serve("agent-hangup.xml", agentPort, "-d", "300", "-m", "1");
                Sipp customer = Sipp.serve("answer.xml", Sipp.freePort(), "-d", "0", "-m", "1");
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, customer.port(), 10, 10, 1))) {
            AgentLeg leg = fixture.driver.connectAgent("sip:agent@" + Sipp.HOST + ":" + agentPort, fixture.events);
            fixture.events.await(leg.id(), "connected", WAIT);
            CallHandle call = fixture.call("t", "+79161234567");
            fixture.events.await(call.id(), "answered", WAIT);
            fixture.driver.bridge(call, leg);
            fixture.events.await(call.id(), "bridged", WAIT);

            Events.Event dropped = fixture.events.await(leg.id(), "dropped", WAIT);
            Events.Event ended = fixture.events.await(call.id(), "ended", WAIT);
            assertThat(dropped.cause()).isEqualTo("BYE from the agent's phone");
            assertThat(ended.what()).isEqualTo("ended ANSWERED");
            assertThat(ended.cause()).isEqualTo("the agent's leg dropped");
            assertThat(customer.awaitExit(WAIT)).as("the customer got a BYE: %s", customer.log("errors.log")).isZero();
            assertThat(agentPhone.awaitExit(WAIT)).as("the phone's BYE was answered").isZero();
            assertThat(fixture.driver.health().get(0).busyChannels()).isZero();
        }
    }

    @Test
    void aPhoneThatDoesNotTakeTheCustomerFailsTheBridgeInTimeForTheSafeHarbourMessage(@TempDir Path prompts) throws Exception {
        int agentPort = Sipp.freePort();
        SafeHarbourTest.writeTone(prompts.resolve("goodbye.wav"));
        try (Sipp agentPhone = Sipp.serve("agent-mute.xml", agentPort);
                Sipp customer = Sipp.serve("answer.xml", Sipp.freePort(), "-d", "0", "-m", "1");
                DriverFixture fixture = new DriverFixture(prompts, false, List.of(SipTrunk.of("t", Sipp.HOST, customer.port(), 10, 10, 1)))) {
            AgentLeg leg = fixture.driver.connectAgent("sip:agent@" + Sipp.HOST + ":" + agentPort, fixture.events);
            fixture.events.await(leg.id(), "connected", WAIT);
            CallHandle call = fixture.call("t", "+79161234567");
            Events.Event answered = fixture.events.await(call.id(), "answered", WAIT);
            fixture.driver.bridge(call, leg);

            Events.Event failed = fixture.events.await(call.id(), "bridge failed", WAIT);
            assertThat(failed.cause()).isEqualTo("the agent's phone did not take the customer in 1500 ms");
            assertThat(Duration.ofNanos(failed.nanos() - answered.nanos())).isLessThan(Duration.ofMillis(2000));
            fixture.driver.playAndHangup(call, new Prompt("goodbye", Duration.ofMillis(1500)));
            Events.Event ended = fixture.events.await(call.id(), "ended", WAIT);
            assertThat(ended.cause()).isEqualTo("BYE from the appliance after the message goodbye");
            assertThat(customer.awaitExit(WAIT)).as("the customer got the BYE: %s", customer.log("errors.log")).isZero();
        }
    }

    /** A call bridged to the leg until its callee hangs up; the next customer is bridged the moment it ends. */
    private static void talkAndHangUp(DriverFixture fixture, AgentLeg leg, String trunk) throws InterruptedException {
        CallHandle call = fixture.call(trunk, "+79161234567");
        fixture.events.await(call.id(), "answered", WAIT);
        fixture.driver.bridge(call, leg);
        fixture.events.await(call.id(), "bridged " + leg.id(), WAIT);
        Events.Event ended = fixture.events.await(call.id(), "ended", WAIT);
        assertThat(ended.what()).isEqualTo("ended ANSWERED");
        assertThat(ended.cause()).isEqualTo("BYE from the callee");
    }

    private static String customerOffer(Sipp customer) {
        return customer.messages().stream().filter(message -> message.received() && message.isRequest("INVITE")).skip(1)
                .findFirst().orElseThrow().body();
    }
}
