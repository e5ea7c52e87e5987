package dialer.agent;

/** An agent assigned to a campaign: the person ({@code userId}, {@code username}), its agent row, its skill level there. */
public record Assignment(long userId, String username, long agentId, int skillLevel) {
}
