package dialer.engine;

import java.time.Clock;
import java.util.function.BiConsumer;

import dialer.agent.AgentDesk;
import dialer.attempt.AttemptLog;
import dialer.campaign.CampaignService;
import dialer.gateway.GatewayDriver;
import dialer.lease.ContactLeaser;
import dialer.stats.CampaignStats;
import org.jdbi.v3.core.Jdbi;

/**
 * What every campaign runner of a node shares: the database, the gateway, the agents, the clock the rules
 * read, this node's id, and the engine's settings. {@code doNotCall} adds a number to a campaign's
 * do-not-call list (for the {@code DNC} dispositions).
 */
record EngineContext(Jdbi jdbi, GatewayDriver gateway, AgentDesk desk, CampaignService campaigns,
        ContactLeaser leaser, AttemptLog attempts, CampaignStats stats, BiConsumer<Long, String> doNotCall,
        Clock clock, String nodeId, EngineSettings settings) {
}
