package dialer.agent;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dialer.campaign.CampaignDao;
import dialer.user.Role;
import dialer.user.User;
import dialer.user.UserDao;
import dialer.validation.FieldErrors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Which agents take a campaign's calls, and at what skill level (1 to 10). A manager sets the whole list
 * at once; agents logged in on this node take the change at once.
 */
public final class CampaignAgents {
    public static final int MIN_SKILL = 1;
    public static final int MAX_SKILL = 10;

    private final Jdbi jdbi;
    private final AgentDesk desk;

    public CampaignAgents(Jdbi jdbi, AgentDesk desk) {
        this.jdbi = jdbi;
        this.desk = desk;
    }

    /** The agents of campaign {@code campaignId}, or empty when there is no such campaign. */
    public Optional<List<Assignment>> list(long campaignId) {
        return jdbi.inTransaction(handle -> handle.attach(CampaignDao.class).findById(campaignId)
                .map(found -> handle.attach(AgentDao.class).assignedTo(campaignId)));
    }

    /**
     * Makes {@code wanted} the campaign's agents: adds those new to it, changes skill levels, removes those
     * not named.
     *
     * @return the campaign's agents now, or empty when there is no such campaign
     * @throws dialer.validation.InvalidInputException naming each entry's bad field ({@code [2].skillLevel})
     */
    public Optional<List<Assignment>> replace(long campaignId, List<AgentSkill> wanted) {
        Set<Long> changed = new HashSet<>();
        Optional<List<Assignment>> result = jdbi.inTransaction(handle -> {
            if (handle.attach(CampaignDao.class).lockForEdit(campaignId).isEmpty()) {
                return Optional.<List<Assignment>>empty();
            }
            validate(handle, wanted);
            AgentDao agents = handle.attach(AgentDao.class);
            Set<Long> kept = new HashSet<>();
            for (AgentSkill skill : wanted) {
                long agentId = agents.ensure(new long[] {skill.userId()}).get(0);
                agents.assign(agentId, campaignId, skill.skillLevel());
                kept.add(agentId);
                changed.add(agentId);
            }
            for (Assignment current : agents.assignedTo(campaignId)) {
                if (!kept.contains(current.agentId())) {
                    agents.unassign(current.agentId(), campaignId);
                    changed.add(current.agentId());
                }
            }
            return Optional.of(agents.assignedTo(campaignId));
        });
        changed.forEach(desk::reloadAssignments);
        return result;
    }

    private static void validate(Handle handle, List<AgentSkill> wanted) {
        UserDao users = handle.attach(UserDao.class);
        FieldErrors errors = new FieldErrors();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            AgentSkill skill = wanted.get(i);
            String at = "[" + i + "]";
            errors.check(skill != null, at, "must be an object with userId and skillLevel");
            if (skill == null) {
                continue;
            }
            Optional<User> user = Optional.ofNullable(skill.userId()).flatMap(users::findById);
            errors.check(skill.userId() != null, at + ".userId", "is required")
                    .check(skill.userId() == null || user.isPresent(), at + ".userId", "no user with id " + skill.userId())
                    .check(user.isEmpty() || user.get().hasRole(Role.AGENT), at + ".userId",
                            "user " + skill.userId() + " is not an agent")
                    .check(skill.userId() == null || seen.add(skill.userId()), at + ".userId",
                            "user " + skill.userId() + " is named twice")
                    .check(skill.skillLevel() != null && skill.skillLevel() >= MIN_SKILL && skill.skillLevel() <= MAX_SKILL,
                            at + ".skillLevel", "must be " + MIN_SKILL + " to " + MAX_SKILL);
        }
        errors.throwIfAny();
    }
}
