package dialer.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dialer.agent.AgentState;
import dialer.agent.AgentView;

/**
 * A campaign on this node now. {@code callsInFlight}: its calls with their line up (ringing, waiting for
 * an agent, talking, or hearing the safe-harbour message); {@code callsWaitingForAgent}: those answered and
 * not yet talking to an agent; {@code agentsByState}: its assigned agents logged in here, by state (every
 * state but offline, zeros included); {@code occupancy}: the share of those agents not on a break who are
 * on a call or in wrap-up, null when there is none; {@code pacingRatio}: the dial level, lines up per agent
 * ready or on a call (as VICIdial counts it: an agent in wrap-up is not dialled for), null when there is none.
 */
public record LiveFigures(int callsInFlight, int callsWaitingForAgent, Map<AgentState, Integer> agentsByState,
        Double occupancy, Double pacingRatio) {

    public LiveFigures {
        agentsByState = Map.copyOf(agentsByState);
    }

    static LiveFigures of(LiveCalls calls, List<AgentView> agents) {
        Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            if (state != AgentState.OFFLINE) {
                byState.put(state, 0);
            }
        }
        agents.forEach(agent -> byState.merge(agent.state(), 1, Integer::sum));
        int busy = byState.get(AgentState.ON_CALL) + byState.get(AgentState.WRAP_UP);
        int working = agents.size() - byState.get(AgentState.BREAK);
        int dialledFor = byState.get(AgentState.READY) + byState.get(AgentState.OUTBOUND_ONLY)
                + byState.get(AgentState.ON_CALL);
        return new LiveFigures(calls.up(), calls.waitingForAgent(), byState,
                working == 0 ? null : (double) busy / working,
                dialledFor == 0 ? null : (double) calls.up() / dialledFor);
    }
}
