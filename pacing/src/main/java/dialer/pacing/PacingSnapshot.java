package dialer.pacing;

import java.time.Duration;
import java.util.List;

import dialer.pacing.estimate.CallModels;

/**
 * What the dialler sees of one campaign at one moment: seconds since its day started; agents ready now;
 * agents on a call and in wrap-up, each with the time since their call was connected; calls dialled and
 * not answered yet, each with the time since it was dialled; live answers waiting for an agent; what the
 * campaign's calls have shown so far; and the current models of its calls. Immutable.
 */
public record PacingSnapshot(double secondsSinceStart, int readyAgents, List<Duration> onCall,
        List<Duration> inWrapUp, List<Duration> callsInFlight, int answeredWaiting, Observations observed,
        CallModels models) {

    public PacingSnapshot {
        if (readyAgents < 0 || answeredWaiting < 0) {
            throw new IllegalArgumentException("negative count: ready " + readyAgents + ", waiting " + answeredWaiting);
        }
        if (observed == null || models == null) {
            throw new IllegalArgumentException("observations and models are required");
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
