package dialer.engine;

import java.time.Duration;

import dialer.gateway.Prompt;

/**
 * How the engine dials, the same for every campaign: the dial loop's tick, the most calls one tick may
 * place, how long a lease lasts unrenewed, how long a call may ring, how long an answered call may wait
 * for an agent before the safe-harbour message, how long wrap-up may last, and the trunk used when a
 * campaign names none, and how long a callback an agent asked to make waits for that agent before any
 * agent may make it.
 */
public record EngineSettings(Duration tick, int maxCallsPerTick, Duration leaseTime, Duration ringTimeout,
        Duration agentDeadline, Duration wrapUpLimit, Prompt safeHarbour, String defaultTrunk, String defaultCallerId,
        Duration ownedCallbackWait) {

    /**
     * Ticks of 200 ms, leases of 60 s, rings of 30 s, 2 s to reach an agent, 60 s of wrap-up, 30 minutes
     * for an agent's own callback.
     */
    public static EngineSettings defaults(String defaultTrunk) {
        return new EngineSettings(Duration.ofMillis(200), 50, Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofSeconds(60), new Prompt("safe-harbour", Duration.ofSeconds(6)),
                defaultTrunk, "dialer", Duration.ofMinutes(30));
    }

    public EngineSettings withWrapUpLimit(Duration limit) {
        return new EngineSettings(tick, maxCallsPerTick, leaseTime, ringTimeout, agentDeadline, limit, safeHarbour,
                defaultTrunk, defaultCallerId, ownedCallbackWait);
    }
}
