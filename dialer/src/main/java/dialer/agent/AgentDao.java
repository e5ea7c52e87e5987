package dialer.agent;

import java.util.List;
import java.util.Map;

import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code agents} and {@code agent_campaigns} tables. */
public interface AgentDao {
    /** The agent row of user {@code userId}, created at its first login; returns its id. */
    @SqlQuery("INSERT INTO agents (user_id, phone_uri, state, node_id, state_since, updated_at) "
            + "VALUES (:userId, :phoneUri, :state, :nodeId, now(), now()) "
            + "ON CONFLICT (user_id) DO UPDATE SET phone_uri = excluded.phone_uri, state = excluded.state, "
            + "node_id = excluded.node_id, state_since = now(), updated_at = now() RETURNING id")
    long upsert(long userId, String phoneUri, String state, String nodeId);

    @SqlUpdate("UPDATE agents SET state = :state, break_reason = :reason, state_since = now(), updated_at = now() "
            + "WHERE id = :agentId")
    void setState(long agentId, String state, String reason);

    /** Agents a node left logged in when it stopped are offline: their legs went with it. */
    @SqlUpdate("UPDATE agents SET state = 'offline', state_since = now(), updated_at = now() "
            + "WHERE node_id = :nodeId AND state <> 'offline'")
    int logOutLeftBy(String nodeId);

    /** The campaigns agent {@code agentId} takes calls of, with its skill level in each. */
    @SqlQuery("SELECT campaign_id, skill_level FROM agent_campaigns WHERE agent_id = :agentId")
    @KeyColumn("campaign_id")
    @ValueColumn("skill_level")
    Map<Long, Integer> campaignsOf(long agentId);

    @SqlUpdate("INSERT INTO agent_campaigns (agent_id, campaign_id, skill_level) VALUES (:agentId, :campaignId, :skillLevel) "
            + "ON CONFLICT (campaign_id, agent_id) DO UPDATE SET skill_level = excluded.skill_level")
    void assign(long agentId, long campaignId, int skillLevel);

    @SqlUpdate("DELETE FROM agent_campaigns WHERE agent_id = :agentId AND campaign_id = :campaignId")
    int unassign(long agentId, long campaignId);

    /** The agent ids of users {@code userIds}, creating offline agents for those that have none. */
    @SqlQuery("INSERT INTO agents (user_id) SELECT unnest(CAST(:userIds AS bigint[])) "
            + "ON CONFLICT (user_id) DO UPDATE SET updated_at = agents.updated_at RETURNING id")
    List<Long> ensure(long[] userIds);

    /** The agents assigned to campaign {@code campaignId}, by user id. */
    @SqlQuery("SELECT a.user_id, u.username, a.id AS agent_id, ac.skill_level FROM agent_campaigns ac "
            + "JOIN agents a ON a.id = ac.agent_id JOIN users u ON u.id = a.user_id "
            + "WHERE ac.campaign_id = :campaignId ORDER BY a.user_id")
    @RegisterConstructorMapper(Assignment.class)
    List<Assignment> assignedTo(long campaignId);
}
