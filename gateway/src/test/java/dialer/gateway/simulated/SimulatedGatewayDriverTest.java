package dialer.gateway.simulated;

import static dialer.gateway.simulated.Recorder.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;

import dialer.gateway.AgentLeg;
import dialer.gateway.CallHandle;
import dialer.gateway.CallOutcome;
import dialer.gateway.OriginateRequest;
import dialer.gateway.Prompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedGatewayDriverTest {
    /** Simulated seconds per wall-clock second: a 25 s ring takes 2.5 ms. */
    private static final double SPEED = 10_000;
    /** Long enough (10 s of wall clock at {@link #SPEED}) for a test to act on an answered call. */
    private static final double PATIENT = 100_000;
    private SimulatedGatewayDriver driver;

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void outcomesComeInTheSharesOfTheModelAndEachCallEndsOnceAfterItsOtherEvents() throws Exception {
        driver = start(new SimulatedNetwork(0.3, 0.1, 0.1, 0.05, 8, 60, 1, 10_000, SPEED), 3);
        int dials = 4_000;
        Recorder recorder = new Recorder(dials);
        dial(driver, dials, recorder);
        recorder.awaitAllEnded();

        Map<CallOutcome, Integer> outcomes = recorder.outcomes();
        // the sd of a share of 4,000 dials is at most 0.008: tolerances are about 4 sd
        assertThat(outcomes.get(CallOutcome.ANSWERED) / (double) dials).isCloseTo(0.3, within(0.03));
        assertThat(outcomes.get(CallOutcome.MACHINE) / (double) dials).isCloseTo(0.1, within(0.02));
        assertThat(outcomes.get(CallOutcome.BUSY) / (double) dials).isCloseTo(0.1, within(0.02));
        assertThat(outcomes.get(CallOutcome.INVALID_NUMBER) / (double) dials).isCloseTo(0.05, within(0.015));
        recorder.events.forEach((call, events) -> {
            assertThat(events.get(0)).as(call).isEqualTo("trying simulated");
            assertThat(events.get(events.size() - 1)).as(call).startsWith("ended");
            assertThat(events.stream().filter(event -> event.startsWith("ended")).count()).as(call).isEqualTo(1);
        });
        assertThat(driver.health().get(0).busyChannels()).as("every channel freed").isZero();
    }

    @Test
    void theSameSeedGivesEveryCallTheSameFateWhateverTheTiming() throws Exception {
        driver = start(new SimulatedNetwork(0.3, 0.1, 0.1, 0.05, 8, 60, 1, 10_000, SPEED), 11);
        SimulatedGatewayDriver twin = start(new SimulatedNetwork(0.3, 0.1, 0.1, 0.05, 8, 60, 1, 10_000, SPEED / 10), 11);
        try {
            Recorder first = new Recorder(300);
            Recorder second = new Recorder(300);
            for (int i = 0; i < 300; i++) {
                driver.originate(request(i), first);
                twin.originate(request(i), second);
            }
            first.awaitAllEnded();
            second.awaitAllEnded();
            assertThat(second.outcomeByReference).isEqualTo(first.outcomeByReference);
        } finally {
            twin.close();
        }
    }

    @Test
    void aFullTrunkDoesNotSendTheCallsAboveItsChannels() throws Exception {
        driver = start(new SimulatedNetwork(0, 0, 0, 0, 8, 60, 1, 5, 1), 1);
        Recorder recorder = new Recorder(3);
        dial(driver, 8, recorder);
        recorder.awaitAllEnded();

        assertThat(recorder.outcomes()).containsExactlyEntriesOf(Map.of(CallOutcome.CONGESTION, 3));
        assertThat(driver.health().get(0).busyChannels()).isEqualTo(5);
    }

    @Test
    void aBridgedCustomerHangsUpAfterTalkingAndTheFreedAgentLegTakesTheNextCall() throws Exception {
        driver = start(new SimulatedNetwork(1, 0, 0, 0, 2, 30, PATIENT, 10, SPEED), 5);
        Recorder agentEvents = new Recorder(0);
        AgentLeg agent = driver.connectAgent("sip:agent1@127.0.0.1", agentEvents);
        await(agentEvents.legConnected, "the agent's phone answered");
        for (int call = 0; call < 3; call++) {
            Recorder recorder = new Recorder(1);
            CallHandle customer = driver.originate(request(call), recorder);
            await(recorder.answered, "the customer answered");
            driver.bridge(customer, agent);
            recorder.awaitAllEnded();
            assertThat(recorder.events.get(customer.id())).contains("bridged");
            assertThat(recorder.causes).containsExactly("BYE from the callee");
        }

        Recorder first = new Recorder(1);
        Recorder second = new Recorder(1);
        CallHandle talking = driver.originate(request(10), first);
        CallHandle waiting = driver.originate(request(11), second);
        await(first.answered, "the first answered");
        await(second.answered, "the second answered");
        driver.bridge(talking, agent);
        await(first.bridgeDecided, "the first bridge");
        driver.bridge(waiting, agent);
        await(second.bridgeDecided, "the second bridge");
        assertThat(second.events.get(waiting.id())).as("a leg takes one customer at a time").contains("bridge failed");
    }

    @Test
    void safeHarbourPlaysThenHangsUpAndHangupsEndACallOnceWithTheRightOutcome() throws Exception {
        driver = start(new SimulatedNetwork(1, 0, 0, 0, 2, 30, PATIENT, 10, SPEED), 7);
        Recorder played = new Recorder(1);
        CallHandle customer = driver.originate(request(1), played);
        await(played.answered, "the customer answered");
        driver.playAndHangup(customer, new Prompt("safe-harbour.wav", Duration.ofSeconds(600)));
        driver.hangup(customer);
        played.awaitAllEnded();
        assertThat(played.outcomes()).containsExactlyEntriesOf(Map.of(CallOutcome.ANSWERED, 1));

        SimulatedGatewayDriver slow = start(new SimulatedNetwork(1, 0, 0, 0, 20, 30, PATIENT, 10, 1), 8);
        try {
            Recorder cancelled = new Recorder(1);
            CallHandle ringing = slow.originate(request(2), cancelled);
            slow.hangup(ringing);
            slow.hangup(ringing);
            Recorder probe = new Recorder(1);
            slow.originate(request(3), probe);
            await(probe.tried, "the driver got past both hangups");
            cancelled.awaitAllEnded();
            assertThat(cancelled.events.get(ringing.id())).containsExactly("trying simulated", "ended CANCELLED");
        } finally {
            slow.close();
        }
    }

    @Test
    void closingEndsEveryCallAndRefusesNewOnes() throws Exception {
        driver = start(new SimulatedNetwork(0, 0, 0, 0, 8, 60, 1, 10, 1), 9);
        Recorder recorder = new Recorder(3);
        dial(driver, 3, recorder);
        driver.close();

        recorder.awaitAllEnded();
        assertThat(recorder.outcomes()).containsExactlyEntriesOf(Map.of(CallOutcome.NETWORK_FAILURE, 3));
        assertThatThrownBy(() -> driver.originate(request(4), recorder)).isInstanceOf(IllegalStateException.class);
    }

    private static SimulatedGatewayDriver start(SimulatedNetwork network, long seed) {
        SimulatedGatewayDriver started = new SimulatedGatewayDriver(network, seed);
        started.start();
        return started;
    }

    /** Places {@code count} calls, numbered from 0. */
    private static void dial(SimulatedGatewayDriver through, int count, Recorder recorder) {
        for (int i = 0; i < count; i++) {
            through.originate(request(i), recorder);
        }
    }

    private static OriginateRequest request(int i) {
        return new OriginateRequest(SimulatedGatewayDriver.TRUNK, "+7916" + String.format("%07d", i), "+74950000000",
                Duration.ofSeconds(25), "attempt-" + i);
    }
}
