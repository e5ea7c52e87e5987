package dialer.pacing;

/** One call in flight for each free agent: never more calls than agents to take them. */
public final class ProgressivePacing implements PacingStrategy {
    @Override
    public String name() {
        return "progressive";
    }

    @Override
    public int callsToLaunch(PacingSnapshot snapshot) {
        return Math.max(0, snapshot.freeAgents() - snapshot.callsInFlight().size());
    }
}
