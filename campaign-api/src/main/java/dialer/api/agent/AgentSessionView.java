package dialer.api.agent;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import dialer.agent.AgentView;

/**
 * A logged-in agent as the API shows it: its state since when ({@code breakReason} on a break), whether
 * its phone's leg is up, its campaigns with its skill level in each (by campaign id), and the attempt it
 * is on or wrapping up, when any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentSessionView(long agentId, long userId, String username, String phoneUri, String state,
        String breakReason, Instant stateSince, boolean phoneConnected, Map<Long, Integer> campaigns, Long attemptId) {

    static AgentSessionView of(AgentView agent) {
        return new AgentSessionView(agent.agentId(), agent.userId(), agent.username(), agent.phoneUri(),
                agent.state().code(), agent.breakReason(), agent.stateSince(), agent.phoneConnected(),
                new TreeMap<>(agent.campaigns()), agent.attemptId() == 0 ? null : agent.attemptId());
    }
}
