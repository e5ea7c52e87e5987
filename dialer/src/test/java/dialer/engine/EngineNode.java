package dialer.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import dialer.agent.AgentDesk;
import dialer.campaign.CampaignService;
import dialer.demo.SimulatedAgents;
import dialer.dnc.DncService;
import dialer.gateway.simulated.SimulatedGatewayDriver;
import dialer.phone.PhoneNumbers;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A node of the appliance in a process of its own, for the crash test to kill: the engine on the given
 * database with the simulated gateway and simulated agents, dialling one campaign until the process dies.
 * Arguments: JDBC URL, user, password, node id, campaign id, the clock's offset from the system's in
 * milliseconds (so that the calling hours are open whatever the hour the test runs at), then the agents'
 * user ids.
 */
final class EngineNode {
    private EngineNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        String nodeId = args[3];
        long campaignId = Long.parseLong(args[4]);
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        SimulatedGatewayDriver gateway = new SimulatedGatewayDriver(EngineFixture.fastNetwork(), ProcessHandle.current().pid());
        gateway.start();
        DncService dnc = new DncService(jdbi, new PhoneNumbers());
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.parseLong(args[5])));
        CampaignEngine engine = new CampaignEngine(jdbi, dataSource, gateway, new AgentDesk(jdbi, gateway, clock, nodeId),
                new CampaignService(jdbi), (campaign, number) -> dnc.add(number, Optional.of(campaign), Optional.empty(), "node"),
                clock, nodeId, EngineSettings.defaults(SimulatedGatewayDriver.TRUNK));
        engine.start();
        SimulatedAgents agents = new SimulatedAgents(engine, clock, Duration.ofMillis(100), Duration.ofHours(2), 5);
        Arrays.stream(args, 6, args.length).mapToLong(Long::parseLong).forEach(user -> agents.logIn(user, "agent" + user));
        engine.start(campaignId);
        System.out.println("dialling");
        Thread.sleep(Long.MAX_VALUE);
    }
}
