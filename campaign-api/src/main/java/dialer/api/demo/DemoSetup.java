package dialer.api.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dialer.agent.AgentDao;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignInput;
import dialer.campaign.CampaignService;
import dialer.campaign.CampaignState;
import dialer.contact.intake.ContactImportService;
import dialer.contact.intake.ImportStatus;
import dialer.contact.intake.IntakeTarget;
import dialer.contact.intake.StartedImport;
import dialer.demo.SimulatedAgents;
import dialer.engine.CampaignEngine;
import dialer.missed.DidGroupDao;
import dialer.secret.Secrets;
import dialer.user.User;
import dialer.user.UserDao;
import dialer.user.UserService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the demo on a running appliance, once per database: agents as users, a predictive campaign with
 * a generated list, the agents assigned to it and to the default callback campaign (missed calls reported to
 * the demo are called back by its agents); then starts the campaign and logs the agents in as
 * {@link SimulatedAgents}. Run again, it finds what it made and starts it again.
 */
final class DemoSetup {
    static final String CAMPAIGN = "Demo: predictive";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

    private final Jdbi jdbi;
    private final CampaignService campaigns;
    private final UserService users;
    private final ContactImportService imports;
    private final CampaignEngine engine;

    DemoSetup(Jdbi jdbi, CampaignService campaigns, UserService users, ContactImportService imports, CampaignEngine engine) {
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.users = users;
        this.imports = imports;
        this.engine = engine;
    }

    /** Makes what is missing, starts the campaign, and returns the agents, logged in and at work. */
    SimulatedAgents run(int agentCount, int contacts, Path workDir) throws Exception {
        List<User> agents = new ArrayList<>();
        for (int i = 1; i <= agentCount; i++) {
            String username = String.format("demo-agent-%02d", i);
            agents.add(jdbi.withExtension(UserDao.class, dao -> dao.findByUsername(username))
                    .orElseGet(() -> users.create(username, Secrets.generate(18), List.of("agent"))));
        }
        Campaign campaign = campaigns.list().stream().filter(found -> CAMPAIGN.equals(found.name())).findFirst()
                .orElseGet(this::createCampaign);
        if (campaign.state() == CampaignState.DRAFT) {
            importList(campaign, contacts, workDir);
        }
        List<Long> agentIds = jdbi.withExtension(AgentDao.class,
                dao -> dao.ensure(agents.stream().mapToLong(User::id).toArray()));
        long callbacks = jdbi.withExtension(DidGroupDao.class, DidGroupDao::findDefault).orElseThrow().campaignId();
        agentIds.forEach(agentId -> jdbi.useExtension(AgentDao.class, dao -> {
            dao.assign(agentId, campaign.id(), 5);
            dao.assign(agentId, callbacks, 5);
        }));
        if (campaign.state() == CampaignState.DRAFT || campaign.state() == CampaignState.PAUSED) {
            engine.start(campaign.id());
        }
        SimulatedAgents desks = new SimulatedAgents(engine, Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofHours(2),
                System.nanoTime());
        agents.forEach(agent -> desks.logIn(agent.id(), agent.username()));
        LOG.info("Demo: campaign '{}' (id {}) is {} with {} simulated agents; see GET /api/v1/campaigns/{}/stats",
                CAMPAIGN, campaign.id(), campaigns.find(campaign.id()).orElseThrow().state().code(), agents.size(), campaign.id());
        return desks;
    }

    private Campaign createCampaign() {
        return campaigns.create(new CampaignInput(CAMPAIGN, "predictive", null, null, null,
                new CampaignInput.ScheduleInput(List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "08:00", "21:00"),
                "RU", "Europe/Moscow", null, null, null, null, null));
    }

    private void importList(Campaign campaign, int contacts, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path file = Files.createTempFile(workDir, "demo-list", ".csv");
        DemoList.write(file, contacts, 2026);
        StartedImport started = imports.start(new IntakeTarget(campaign.id(), campaign.defaultRegion(),
                ZoneId.of("Europe/Moscow")), file, "demo-list.csv", Map.of(), Optional.empty());
        started.done().get();
        ImportStatus status = imports.find(started.id()).orElseThrow();
        LOG.info("Demo: imported {} contacts into '{}' ({} rejected)", status.accepted(), CAMPAIGN, status.rejected());
    }
}
