package dialer.pacing.simulation;

/**
 * What a simulated shift gave: occupancy (agent time in a call or wrap-up / agent time logged in),
 * abandonment rate (abandoned / live answers), live connects and dials per agent-hour, and the 95th
 * percentile of agents' idle time between calls; with the counts behind them.
 */
public record SimulationReport(String mode, double occupancy, double abandonRate, double connectsPerAgentHour,
        double dialsPerAgentHour, double idleP95Seconds, long dials, long liveAnswers, long abandoned) {
}
