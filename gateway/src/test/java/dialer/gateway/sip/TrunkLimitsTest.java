package dialer.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dialer.gateway.AgentLeg;
import dialer.gateway.AnswerKind;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;
import dialer.gateway.OriginateRequest;
import org.junit.jupiter.api.Test;

/** A trunk's channels and calls per second, as the sipp at its end sees them. */
class TrunkLimitsTest {
    @Test
    void aBurstAboveTheCallsPerSecondIsSpreadOutNotRefused() throws Exception {
        int callsPerSecond = 10;
        int burst = 25;
        try (Sipp callee = Sipp.serve("answer.xml", Sipp.freePort(), "-d", "0", "-m", Integer.toString(burst));
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, callee.port(), 100, callsPerSecond, 1))) {
            List<CallHandle> calls = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                calls.add(fixture.call("t", "+7916123" + (4000 + i)));
            }
            for (CallHandle call : calls) {
                fixture.events.await(call.id(), "answered", Duration.ofSeconds(10));
                fixture.driver.hangup(call);
            }
            for (CallHandle call : calls) {
                assertThat(fixture.events.await(call.id(), "ended", Duration.ofSeconds(10)).what()).isEqualTo("ended ANSWERED");
            }
            assertThat(callee.awaitExit(Duration.ofSeconds(10))).as("every call passed at sipp: %s", callee.log("errors.log")).isZero();
            List<LocalTime> invites = callee.messages().stream().filter(message -> message.received() && message.isRequest("INVITE"))
                    .map(SippMessage::at).toList();
            assertThat(invites).hasSize(burst);
            for (int i = 1; i < invites.size(); i++) {
                assertThat(Duration.between(invites.get(i - 1), invites.get(i))).as("gap before INVITE %d", i)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(1000 / callsPerSecond - 15));
            }
            for (int i = callsPerSecond; i < invites.size(); i++) {
                assertThat(Duration.between(invites.get(i - callsPerSecond), invites.get(i))).as("%d INVITEs within a second", callsPerSecond + 1)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            }
        }
    }

    @Test
    void underLoadTheCallsInProgressNeverExceedTheTrunksChannels() throws Exception {
        int channels = 8;
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        try (Sipp callee = Sipp.serve("answer.xml", Sipp.freePort(), "-d", "0");
                DriverFixture fixture = new DriverFixture(SipTrunk.of("t", Sipp.HOST, callee.port(), channels, 500, 1))) {
            Map<CallOutcome, Integer> outcomes = new TreeMap<>();
            CallListener hangUpSoon = new CallListener() {
                @Override
                public void trying(CallHandle call, String trunk) {
                }

                @Override
                public void ringing(CallHandle call) {
                }

                @Override
                public void answered(CallHandle call) {
                    load.schedule(() -> fixture.driver.hangup(call), 60, TimeUnit.MILLISECONDS);
                }

                @Override
                public void detected(CallHandle call, AnswerKind kind) {
                }

                @Override
                public void bridged(CallHandle call, AgentLeg agent) {
                }

                @Override
                public void bridgeFailed(CallHandle call, AgentLeg agent, String rawCause) {
                }

                @Override
                public void ended(CallHandle call, CallOutcome outcome, String rawCause) {
                    synchronized (outcomes) {
                        outcomes.merge(outcome, 1, Integer::sum);
                    }
                }
            };
            int offered = 600;
            for (int i = 0; i < offered; i++) {
                String reference = "load-" + i;
                load.schedule(() -> fixture.driver.originate(new OriginateRequest("t", "+79160000001", "+74950000000",
                        OriginateRequest.MIN_RING_TIMEOUT, reference), hangUpSoon), i * 5L, TimeUnit.MILLISECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (total(outcomes) < offered && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(total(outcomes)).as("every offered call ended: %s", outcomes).isEqualTo(offered);
            assertThat(outcomes.keySet()).containsOnly(CallOutcome.ANSWERED, CallOutcome.CONGESTION);
            assertThat(outcomes.get(CallOutcome.CONGESTION)).as("the load was above the channels").isPositive();

            int inProgress = 0;
            int most = 0;
            Map<String, Boolean> open = new HashMap<>();
            int answered = outcomes.get(CallOutcome.ANSWERED);
            List<SippMessage> messages = callee.awaitMessages(logged -> logged.stream()
                    .filter(message -> message.received() && message.isRequest("BYE")).count() >= answered, Duration.ofSeconds(10));
            for (SippMessage message : messages) {
                if (!message.received()) {
                    continue;
                }
                String callId = message.text().lines().filter(line -> line.startsWith("Call-ID:")).findFirst().orElseThrow();
                if (message.isRequest("INVITE") && open.put(callId, true) == null) {
                    most = Math.max(most, ++inProgress);
                } else if (message.isRequest("BYE") && open.remove(callId) != null) {
                    inProgress--;
                }
            }
            assertThat(most).as("calls in progress at the trunk, at most").isEqualTo(channels);
            assertThat(answered).isEqualTo((int) messages.stream()
                    .filter(message -> message.received() && message.isRequest("INVITE")).count());
        } finally {
            load.shutdownNow();
        }
    }

    private static int total(Map<CallOutcome, Integer> outcomes) {
        synchronized (outcomes) {
            return outcomes.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
