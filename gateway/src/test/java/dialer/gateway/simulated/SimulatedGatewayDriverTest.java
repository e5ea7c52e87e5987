package dialer.gateway.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dialer.gateway.AgentLeg;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;
import dialer.gateway.OriginateRequest;
import dialer.gateway.Prompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedGatewayDriverTest {
    /** Simulated seconds per wall-clock second: a 25 s ring takes 2.5 ms. */
    private static final double SPEED = 10_000;
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
        for (int i = 0; i < dials; i++) {
            driver.originate(request(i), recorder);
        }
        recorder.awaitAllEnded();

        Map<CallOutcome, Integer> outcomes = recorder.outcomes();
        // answered = live + machine = 0.4 of dials; the sd of a share of 4,000 dials is below 0.008: 4 sd = 0.032
        assertThat(outcomes.get(CallOutcome.ANSWERED) / (double) dials).isCloseTo(0.4, within(0.032));
        assertThat(outcomes.get(CallOutcome.BUSY) / (double) dials).isCloseTo(0.1, within(0.02));
        assertThat(outcomes.get(CallOutcome.INVALID_NUMBER) / (double) dials).isCloseTo(0.05, within(0.015));
        assertThat(recorder.machines / (double) dials).isCloseTo(0.1, within(0.02));
        recorder.events.forEach((call, events) -> {
            assertThat(events.get(0)).as(call).isEqualTo("trying");
            assertThat(events.get(events.size() - 1)).as(call).startsWith("ended");
            assertThat(events.stream().filter(event -> event.startsWith("ended")).count()).as(call).isEqualTo(1);
        });
    }

    @Test
    void aFullTrunkRefusesTheCallsAboveItsChannels() throws Exception {
        driver = start(new SimulatedNetwork(0, 0, 0, 0, 8, 60, 1, 5, 1), 1);
        Recorder recorder = new Recorder(3);
        for (int i = 0; i < 8; i++) {
            driver.originate(request(i), recorder);
        }
        recorder.awaitAllEnded();

        assertThat(recorder.outcomes()).containsEntry(CallOutcome.CONGESTION, 3);
        assertThat(driver.health().get(0).busyChannels()).isEqualTo(5);
    }

    @Test
    void aBridgedCustomerHangsUpAfterTalkingAndTheAgentLegServesTheNextCall() throws Exception {
        driver = start(new SimulatedNetwork(1, 0, 0, 0, 2, 30, 1_000, 10, SPEED), 5);
        AgentLeg agent = driver.connectAgent("sip:agent1@127.0.0.1");
        for (int call = 0; call < 3; call++) {
            Recorder recorder = new Recorder(1);
            CallHandle customer = driver.originate(request(call), recorder);
            recorder.answered.await(5, TimeUnit.SECONDS);
            driver.bridge(customer, agent);
            recorder.awaitAllEnded();
            assertThat(recorder.outcomes()).containsEntry(CallOutcome.ANSWERED, 1);
            assertThat(recorder.causes).containsExactly("BYE from the callee");
        }
        driver.disconnectAgent(agent);
        assertThatThrownBy(() -> driver.bridge(new CallHandle("x", request(9)), agent)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void safeHarbourPlaysThenHangsUpAndAHangupBeforeAnswerEndsTheCallOnce() throws Exception {
        driver = start(new SimulatedNetwork(1, 0, 0, 0, 2, 30, 1_000, 10, SPEED), 7);
        Recorder played = new Recorder(1);
        CallHandle customer = driver.originate(request(1), played);
        played.answered.await(5, TimeUnit.SECONDS);
        driver.playAndHangup(customer, new Prompt("safe-harbour.wav", Duration.ofSeconds(6)));
        played.awaitAllEnded();
        assertThat(played.causes).containsExactly("BYE after safe-harbour.wav");

        SimulatedGatewayDriver slow = start(new SimulatedNetwork(1, 0, 0, 0, 20, 30, 1_000, 10, 1), 8);
        try {
            Recorder cancelled = new Recorder(1);
            CallHandle ringing = slow.originate(request(2), cancelled);
            slow.hangup(ringing);
            slow.hangup(ringing);
            cancelled.awaitAllEnded();
            assertThat(cancelled.outcomes()).containsEntry(CallOutcome.NO_ANSWER, 1);
            assertThat(cancelled.events.get(ringing.id())).doesNotContain("answered");
        } finally {
            slow.close();
        }
    }

    private static SimulatedGatewayDriver start(SimulatedNetwork network, long seed) {
        SimulatedGatewayDriver started = new SimulatedGatewayDriver(network, seed);
        started.start();
        return started;
    }

    private static OriginateRequest request(int i) {
        return new OriginateRequest(SimulatedGatewayDriver.TRUNK, "+7916" + String.format("%07d", i), "+74950000000",
                Duration.ofSeconds(25), "attempt-" + i);
    }

    /** Every event of every call, in order; counts down as calls end. */
    private static final class Recorder implements CallListener {
        private final Map<String, List<String>> events = new ConcurrentHashMap<>();
        private final List<CallOutcome> ended = Collections.synchronizedList(new ArrayList<>());
        private final List<String> causes = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch allEnded;
        private final CountDownLatch answered = new CountDownLatch(1);
        private volatile int machines;

        Recorder(int calls) {
            this.allEnded = new CountDownLatch(calls);
        }

        @Override
        public void trying(CallHandle call) {
            record(call, "trying");
        }

        @Override
        public void ringing(CallHandle call) {
            record(call, "ringing");
        }

        @Override
        public void answered(CallHandle call, boolean machine) {
            record(call, "answered");
            machines += machine ? 1 : 0;
            answered.countDown();
        }

        @Override
        public void ended(CallHandle call, CallOutcome outcome, String rawCause) {
            record(call, "ended " + outcome);
            ended.add(outcome);
            causes.add(rawCause);
            allEnded.countDown();
        }

        void awaitAllEnded() throws InterruptedException {
            assertThat(allEnded.await(20, TimeUnit.SECONDS)).as("every call ended").isTrue();
        }

        Map<CallOutcome, Integer> outcomes() {
            Map<CallOutcome, Integer> counts = new EnumMap<>(CallOutcome.class);
            synchronized (ended) {
                ended.forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
            }
            return counts;
        }

        private void record(CallHandle call, String event) {
            events.computeIfAbsent(call.id(), id -> Collections.synchronizedList(new ArrayList<>())).add(event);
        }
    }
}
