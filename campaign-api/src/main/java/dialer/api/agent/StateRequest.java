package dialer.api.agent;

import java.util.Optional;

import dialer.agent.AgentDesk;
import dialer.agent.AgentState;
import dialer.agent.AgentView;
import dialer.validation.FieldErrors;

/** The body of {@code PUT .../state}: a state an agent may choose, and a reason code for a break. */
public record StateRequest(String state, String reason) {
    private static final int MAX_REASON = 100;

    /**
     * Sets user {@code userId}'s state as this request says.
     *
     * @return the agent, or empty when it is not logged in here
     * @throws dialer.validation.InvalidInputException naming {@code state} or {@code reason}
     */
    Optional<AgentView> applyTo(AgentDesk desk, long userId) {
        Optional<AgentState> chosen = Optional.ofNullable(state).flatMap(AgentState::fromCode).filter(AgentState::chosen);
        boolean hasReason = reason != null && !reason.isBlank();
        new FieldErrors()
                .check(chosen.isPresent(), "state", "must be one of ready, break, dnd, outbound-only")
                .check(chosen.orElse(null) != AgentState.BREAK || hasReason, "reason", "a break needs a reason code")
                .check(reason == null || reason.length() <= MAX_REASON, "reason", "must be at most " + MAX_REASON + " characters")
                .throwIfAny();
        return desk.setState(userId, chosen.get(), reason);
    }
}
