package dialer.pacing;

/** A fixed number of calls in flight for each free agent ({@code dialRatio}, above 1), whatever happens. */
public final class PowerPacing implements PacingStrategy {
    private final double dialRatio;

    public PowerPacing(double dialRatio) {
        if (!(dialRatio >= 1)) {
            throw new IllegalArgumentException("dial ratio must be at least 1: " + dialRatio);
        }
        this.dialRatio = dialRatio;
    }

    @Override
    public String name() {
        return "power";
    }

    @Override
    public int callsToLaunch(PacingSnapshot snapshot) {
        return Math.max(0, (int) Math.round(dialRatio * snapshot.freeAgents()) - snapshot.callsInFlight().size());
    }
}
