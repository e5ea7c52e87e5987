package dialer.api.agent;

import dialer.agent.Assignment;

/** An agent assigned to a campaign, as the API shows it. */
public record AssignmentView(long userId, String username, int skillLevel) {
    static AssignmentView of(Assignment assignment) {
        return new AssignmentView(assignment.userId(), assignment.username(), assignment.skillLevel());
    }
}
