package dialer.pacing.simulation;

/** How one mode did in one call centre over several seeds: means, and the worst shift's abandonment. */
public record ModeResult(String mode, CallCentre centre, double occupancy, double abandonRate, double worstAbandonRate,
        double connectsPerAgentHour, double dialsPerAgentHour, double idleP95Seconds) {
}
