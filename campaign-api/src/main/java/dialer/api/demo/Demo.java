package dialer.api.demo;

import dialer.api.Appliance;
import dialer.campaign.CampaignService;
import dialer.demo.SimulatedAgents;
import dialer.user.PasswordHasher;
import dialer.user.UserService;

/** The demo running on an appliance: its simulated agents, logged out when it closes. */
public final class Demo implements AutoCloseable {
    private final SimulatedAgents agents;

    private Demo(SimulatedAgents agents) {
        this.agents = agents;
    }

    /**
     * Sets the demo up on {@code appliance} (once per database) and starts it: {@code agentCount} simulated
     * agents on a predictive campaign of {@code contacts} generated contacts.
     */
    public static Demo start(Appliance appliance, int agentCount, int contacts) throws Exception {
        DemoSetup setup = new DemoSetup(appliance.jdbi(), new CampaignService(appliance.jdbi()),
                new UserService(appliance.jdbi(), new PasswordHasher()), appliance.imports(), appliance.engine());
        return new Demo(setup.run(agentCount, contacts, appliance.dataDir().resolve("uploads")));
    }

    @Override
    public void close() {
        agents.close();
    }
}
