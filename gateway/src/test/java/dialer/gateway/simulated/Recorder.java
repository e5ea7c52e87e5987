package dialer.gateway.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dialer.gateway.AgentLeg;
import dialer.gateway.AgentLegListener;
import dialer.gateway.AnswerKind;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;

/** Every event of every call and leg, in order; counts down as calls end. */
final class Recorder implements CallListener, AgentLegListener {
    final Map<String, List<String>> events = new ConcurrentHashMap<>();
    final Map<String, CallOutcome> outcomeByReference = new ConcurrentHashMap<>();
    final List<String> causes = Collections.synchronizedList(new ArrayList<>());
    private final List<CallOutcome> ended = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch allEnded;
    final CountDownLatch answered = new CountDownLatch(1);
    final CountDownLatch legConnected = new CountDownLatch(1);
    final CountDownLatch bridgeDecided = new CountDownLatch(1);
    final CountDownLatch tried = new CountDownLatch(1);

    Recorder(int calls) {
        this.allEnded = new CountDownLatch(calls);
    }

    @Override
    public void trying(CallHandle call, String trunk) {
        record(call.id(), "trying " + trunk);
        tried.countDown();
    }

    @Override
    public void ringing(CallHandle call) {
        record(call.id(), "ringing");
    }

    @Override
    public void answered(CallHandle call) {
        record(call.id(), "answered");
        answered.countDown();
    }

    @Override
    public void detected(CallHandle call, AnswerKind kind) {
        record(call.id(), "detected " + kind);
    }

    @Override
    public void bridged(CallHandle call, AgentLeg agent) {
        record(call.id(), "bridged");
        bridgeDecided.countDown();
    }

    @Override
    public void bridgeFailed(CallHandle call, AgentLeg agent, String rawCause) {
        record(call.id(), "bridge failed");
        bridgeDecided.countDown();
    }

    @Override
    public void ended(CallHandle call, CallOutcome outcome, String rawCause) {
        record(call.id(), "ended " + outcome);
        ended.add(outcome);
        causes.add(rawCause);
        outcomeByReference.put(call.request().reference(), outcome);
        allEnded.countDown();
    }

    @Override
    public void connected(AgentLeg leg) {
        record(leg.id(), "connected");
        legConnected.countDown();
    }

    @Override
    public void dropped(AgentLeg leg, String rawCause) {
        record(leg.id(), "dropped");
    }

    void awaitAllEnded() throws InterruptedException {
        assertThat(allEnded.await(20, TimeUnit.SECONDS)).as("every call ended").isTrue();
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertThat(latch.await(20, TimeUnit.SECONDS)).as(what).isTrue();
    }

    Map<CallOutcome, Integer> outcomes() {
        Map<CallOutcome, Integer> counts = new EnumMap<>(CallOutcome.class);
        synchronized (ended) {
            ended.forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
        }
        return counts;
    }

    private void record(String id, String event) {
        events.computeIfAbsent(id, key -> Collections.synchronizedList(new ArrayList<>())).add(event);
    }
}
