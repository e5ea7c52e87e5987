package dialer.gateway.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dialer.gateway.AgentLeg;
import dialer.gateway.AgentLegListener;
import dialer.gateway.AnswerKind;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;

/** Every event the driver told, in order, with the time it came; tests wait for the ones they expect. */
final class Events implements CallListener, AgentLegListener {
    /** One event: of which call or leg, what ("answered", "ended BUSY"...), the raw cause if any, when. */
    record Event(String id, String what, String cause, long nanos) {
    }

    private final List<Event> events = new ArrayList<>();

    @Override
    public void trying(CallHandle call, String trunk) {
        add(call.id(), "trying " + trunk, "");
    }

    @Override
    public void ringing(CallHandle call) {
        add(call.id(), "ringing", "");
    }

    @Override
    public void answered(CallHandle call) {
        add(call.id(), "answered", "");
    }

    @Override
    public void detected(CallHandle call, AnswerKind kind) {
        add(call.id(), "detected " + kind, "");
    }

    @Override
    public void bridged(CallHandle call, AgentLeg agent) {
        add(call.id(), "bridged " + agent.id(), "");
    }

    @Override
    public void bridgeFailed(CallHandle call, AgentLeg agent, String rawCause) {
        add(call.id(), "bridge failed", rawCause);
    }

    @Override
    public void ended(CallHandle call, CallOutcome outcome, String rawCause) {
        add(call.id(), "ended " + outcome, rawCause);
    }

    @Override
    public void connected(AgentLeg leg) {
        add(leg.id(), "connected", "");
    }

    @Override
    public void dropped(AgentLeg leg, String rawCause) {
        add(leg.id(), "dropped", rawCause);
    }

    private synchronized void add(String id, String what, String cause) {
        events.add(new Event(id, what, cause, System.nanoTime()));
        notifyAll();
    }

    /** Waits for the first event of {@code id} that starts with {@code prefix}. */
    Event await(String id, String prefix, Duration timeout) throws InterruptedException {
        return await(event -> event.id().equals(id) && event.what().startsWith(prefix), id + " " + prefix, timeout);
    }

    synchronized Event await(Predicate<Event> wanted, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Event event : events) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " in " + timeout + "; events: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The events of {@code id} so far, as words. */
    synchronized List<String> of(String id) {
        return events.stream().filter(event -> event.id().equals(id)).map(Event::what).toList();
    }

    synchronized List<Event> all() {
        return List.copyOf(events);
    }
}
