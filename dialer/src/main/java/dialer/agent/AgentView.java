package dialer.agent;

import java.time.Instant;
import java.util.Map;

/**
 * An agent as supervisors and the agent's desktop see it: its state since when (and a break's reason),
 * whether its phone's leg is up, the campaigns it takes calls of with its skill level, and the attempt it
 * is on (0 when none).
 */
public record AgentView(long agentId, long userId, String username, String phoneUri, AgentState state,
        String breakReason, Instant stateSince, boolean phoneConnected, Map<Long, Integer> campaigns, long attemptId) {
    public AgentView {
        campaigns = Map.copyOf(campaigns);
    }
}
