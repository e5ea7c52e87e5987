package dialer.agent;

/**
 * One agent a manager wants on a campaign, as the request says it: the person's user id and a skill
 * level from 1 to 10. Either may be missing; {@link CampaignAgents} says which.
 */
public record AgentSkill(Long userId, Integer skillLevel) {
}
