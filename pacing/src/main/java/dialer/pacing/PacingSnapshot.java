package dialer.pacing;

import java.time.Duration;
import java.util.List;

/**
 * What the dialler sees of one campaign at one moment: agents ready now, agents on a call and in wrap-up
 * with how long they have been so, calls dialled and not answered yet with how long ago they were dialled,
 * and live answers waiting for an agent. Immutable.
 */
public record PacingSnapshot(int readyAgents, List<Duration> onCall, List<Duration> inWrapUp,
        List<Duration> callsInFlight, int answeredWaiting) {

    public PacingSnapshot {
        if (readyAgents < 0 || answeredWaiting < 0) {
            throw new IllegalArgumentException("negative count: ready " + readyAgents + ", waiting " + answeredWaiting);
        }
        onCall = List.copyOf(onCall);
        inWrapUp = List.copyOf(inWrapUp);
        callsInFlight = List.copyOf(callsInFlight);
    }

    /** Agents logged in and not on a break: ready, on a call or in wrap-up. */
    public int workingAgents() {
        return readyAgents + onCall.size() + inWrapUp.size();
    }

    /** Agents free now for a call: ready ones less the answered calls already waiting for them. */
    public int freeAgents() {
        return Math.max(0, readyAgents - answeredWaiting);
    }
}
