package dialer.agent;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dialer.gateway.AgentLeg;

/** A logged-in agent on this node; guarded by its {@link AgentDesk}'s lock. */
final class AgentSession {
    final long agentId;
    final long userId;
    final String username;
    final String phoneUri;
    final List<Consumer<AgentEvent>> listeners = new CopyOnWriteArrayList<>();
    Map<Long, Integer> campaigns = new HashMap<>();
    AgentLeg leg;
    boolean phoneConnected;
    AgentState state;
    /** The state to go back to after a call: what the agent chose last. */
    AgentState chosen;
    String breakReason;
    Instant stateSince;
    Instant idleSince;
    long attemptId;
    long campaignId;

    AgentSession(long agentId, long userId, String username, String phoneUri, Instant now) {
        this.agentId = agentId;
        this.userId = userId;
        this.username = username;
        this.phoneUri = phoneUri;
        this.state = AgentState.READY;
        this.chosen = AgentState.READY;
        this.stateSince = now;
        this.idleSince = now;
    }

    /** Carries over what {@code previous} (the same agent, logged in again) was doing: its listeners, state and call. */
    void takeOver(AgentSession previous) {
        listeners.addAll(previous.listeners);
        state = previous.state;
        chosen = previous.chosen;
        breakReason = previous.breakReason;
        stateSince = previous.stateSince;
        idleSince = previous.idleSince;
        attemptId = previous.attemptId;
        campaignId = previous.campaignId;
    }

    AgentView view() {
        return new AgentView(agentId, userId, username, phoneUri, state, breakReason, stateSince, phoneConnected,
                campaigns, attemptId);
    }
}
