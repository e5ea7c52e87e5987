package dialer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

import dialer.agent.AgentDao;
import dialer.agent.AgentDesk;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignInput;
import dialer.campaign.CampaignService;
import dialer.contact.ContactPartitions;
import dialer.contact.intake.ContactImportService;
import dialer.contact.intake.ImportStatus;
import dialer.contact.intake.ImportWorkers;
import dialer.contact.intake.IntakeTarget;
import dialer.contact.intake.RowNormalizer;
import dialer.contact.intake.StartedImport;
import dialer.dnc.DncService;
import dialer.gateway.simulated.SimulatedGatewayDriver;
import dialer.gateway.simulated.SimulatedNetwork;
import dialer.phone.PhoneNumbers;
import dialer.testing.TestDatabase;

/**
 * A campaign engine on a real database with the simulated gateway, for tests: campaigns created through
 * the service, lists imported through the CSV import, agents as users with the agent role.
 */
final class EngineFixture implements AutoCloseable {
    final TestDatabase db;
    final ShiftableClock clock = new ShiftableClock();
    final SimulatedGatewayDriver gateway;
    final CampaignService campaigns;
    final DncService dnc;
    final CampaignEngine engine;
    private final ImportWorkers workers = ImportWorkers.create(2);

    EngineFixture(TestDatabase db, SimulatedNetwork network, String nodeId) {
        this(db, network, nodeId, EngineSettings.defaults(SimulatedGatewayDriver.TRUNK));
    }

    EngineFixture(TestDatabase db, SimulatedNetwork network, String nodeId, EngineSettings settings) {
        this.db = db;
        this.gateway = new SimulatedGatewayDriver(network, 42);
        this.campaigns = new CampaignService(db.jdbi());
        this.dnc = new DncService(db.jdbi(), new PhoneNumbers());
        gateway.start();
        this.engine = new CampaignEngine(db.jdbi(), db.dataSource(), gateway,
                new AgentDesk(db.jdbi(), gateway, clock, nodeId), campaigns,
                (campaignId, number) -> dnc.add(number, Optional.of(campaignId), Optional.empty(), "disposition"),
                clock, nodeId, settings);
    }

    /** A fast network: 40 times real time, with short talks, so that a campaign's retries run in seconds. */
    static SimulatedNetwork fastNetwork() {
        return new SimulatedNetwork(0.3, 0.05, 0.05, 0.02, 8, 30, 30, 60, 40);
    }

    /** Calls every day, 08:00 to 21:00 local time. */
    static CampaignInput.ScheduleInput everyDay() {
        return new CampaignInput.ScheduleInput(List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "08:00", "21:00");
    }

    Campaign campaign(String name, String mode, CampaignInput.ScheduleInput schedule) {
        return campaign(name, mode, schedule, null, null);
    }

    Campaign campaign(String name, String mode, CampaignInput.ScheduleInput schedule,
            CampaignInput.RetryRulesInput retryRules, Integer maxAttemptsTotal) {
        return campaigns.create(new CampaignInput(name, mode, null, null, null, schedule, "RU", "Europe/Moscow",
                retryRules, maxAttemptsTotal, null, null, null));
    }

    /** Imports {@code count} contacts with valid Moscow numbers (and a few invalid rows); returns its status. */
    ImportStatus importContacts(Campaign campaign, int count, long seed) throws Exception {
        Path file = Files.createTempFile("engine-list", ".csv");
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("Фамилия;Имя;Телефон\n");
        for (int i = 0; i < count; i++) {
            csv.append("Иванов").append(';').append("Иван ").append(i).append(';')
                    .append("+7495").append(1_000_000 + random.nextInt(8_999_999)).append('\n');
        }
        Files.writeString(file, csv.toString());
        ContactImportService imports = new ContactImportService(db.jdbi(), new RowNormalizer(new PhoneNumbers()), workers);
        StartedImport started = imports.start(new IntakeTarget(campaign.id(), "RU", ZoneId.of("Europe/Moscow")), file,
                "list.csv", Map.of(), Optional.empty());
        started.done().get();
        return imports.find(started.id()).orElseThrow();
    }

    /** Users with the agent role, assigned to the campaign with skill level 5; returns their user ids. */
    List<Long> agents(Campaign campaign, int count) {
        List<Long> users = db.jdbi().withHandle(h -> h.createQuery("INSERT INTO users (username, password_hash, roles) "
                        + "SELECT 'agent-' || :c || '-' || g, 'x', ARRAY['agent'] FROM generate_series(1, :n) g RETURNING id")
                .bind("c", campaign.id()).bind("n", count).mapTo(Long.class).list());
        List<Long> agentIds = db.jdbi().withExtension(AgentDao.class, dao -> dao.ensure(users.stream().mapToLong(Long::longValue).toArray()));
        agentIds.forEach(agentId -> db.jdbi().useExtension(AgentDao.class, dao -> dao.assign(agentId, campaign.id(), 5)));
        return users;
    }

    /** A contact put straight into the campaign's table, with its time zone; returns its id. */
    long contact(Campaign campaign, String phone, String timeZone) {
        return db.jdbi().inTransaction(h -> {
            ContactPartitions.ensure(h, campaign.id());
            return h.createQuery("INSERT INTO contacts (campaign_id, phone_e164, time_zone) VALUES (?, ?, ?) RETURNING id")
                    .bind(0, campaign.id()).bind(1, phone).bind(2, timeZone).mapTo(Long.class).one();
        });
    }

    /** A network where every call rings out, 40 times faster than real time. */
    static SimulatedNetwork nobodyAnswers() {
        return new SimulatedNetwork(0, 0, 0, 0, 8, 30, 30, 60, 40);
    }

    /** Waits for {@code condition}, checking every 100 ms; fails naming {@code what} after {@code limit}. */
    static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        Instant giveUp = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(giveUp);
            Thread.sleep(100);
        }
    }

    long count(String sql, Object... arguments) {
        return db.jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    @Override
    public void close() {
        engine.close();
        gateway.close();
        workers.close();
    }
}
