package dialer.api.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dialer.campaign.CallingWindow;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignInput;
import dialer.campaign.CampaignService;
import dialer.contact.ContactPartitions;
import dialer.persistence.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Times the dial loop's lease ({@link dialer.lease.ContactLeaser}) on a campaign of many contacts: seeds
 * the campaign's table ({@link LeaseBenchContacts}), builds its dial indexes as a start of the campaign
 * does, gathers its statistics, then runs {@code leasers} dial loops at once (the nodes of a cluster,
 * {@link BenchLeaser}), each leasing batches of 1 to {@code batch} contacts, each lease in its own
 * transaction as the dial loop does, and taking each leased contact's attempt through a call's life. The
 * loops tick at the pace that gives {@code rate} attempts a second over all of them (a late tick runs at
 * once), or lease without pause when {@code rate} is 0. Counts the SQL statements every attempt costs
 * through a counting data source.
 */
final class LeaseBenchmark {
    private static final int MAX_ATTEMPTS_TOTAL = 12;
    private static final int MAX_ATTEMPTS_PER_30_DAYS = 6;

    private final Database database;

    LeaseBenchmark(Database database) {
        this.database = database;
    }

    /** What to run: see {@code dialer bench lease --help}. */
    record Settings(int contacts, int leases, int warmupLeases, int batch, int leasers, int rate, long seed, Instant at) {
        /** How often each leaser leases, in nanoseconds, for {@code rate} attempts a second over all; 0 for no pause. */
        long tickNanos() {
            return rate == 0 ? 0 : Math.round(1e9 * leasers * (batch + 1) / 2.0 / rate);
        }
    }

    Map<String, Object> run(Settings settings) throws Exception {
        Campaign campaign = new CampaignService(database.jdbi()).create(new CampaignInput("bench lease " + Instant.now(),
                "predictive", null, null, null, null, "RU", "Europe/Moscow", null, MAX_ATTEMPTS_TOTAL,
                MAX_ATTEMPTS_PER_30_DAYS, null, null));
        Map<String, Object> setUp = setUp(campaign, settings);
        CountingDataSource counter = new CountingDataSource(database.dataSource());
        Jdbi counted = Jdbi.create(counter.dataSource()).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        List<BenchLeaser> leasers = new ArrayList<>();
        for (int node = 1; node <= settings.leasers(); node++) {
            leasers.add(new BenchLeaser(node, campaign, counted, counter, agent(node), settings));
        }
        runAll(leasers, settings.warmupLeases());
        long started = System.nanoTime();
        LeaseTally all = LeaseTally.merge(runAll(leasers, settings.leases()));
        double measuredSeconds = seconds(started);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", "lease");
        figures.put("contacts", setUp.remove("contacts"));
        figures.put("leaseP50Ms", millis(all.percentile(0.50)));
        figures.put("leaseP99Ms", millis(all.percentile(0.99)));
        figures.put("statementsPerAttempt", all.maxStatements());
        figures.put("leaseMaxMs", millis(all.percentile(1.0)));
        figures.put("statementP50Ms", millis(all.statementPercentile(0.50)));
        figures.put("statementP99Ms", millis(all.statementPercentile(0.99)));
        figures.put("leases", all.leases());
        figures.put("attempts", all.attempts());
        figures.put("connected", all.connected());
        figures.put("statementsPerConnectedAttempt", all.maxConnectedStatements());
        figures.put("statementsPerUnconnectedAttempt", all.maxOtherStatements());
        figures.put("statementsPerAttemptMean", Math.round(all.statementsPerAttemptMean() * 1000) / 1000.0);
        figures.put("commitsPerLease", Math.round(all.commitsPerLease() * 1000) / 1000.0);
        figures.put("leasesPerSecond", Math.round(all.leases() / measuredSeconds));
        figures.put("attemptsPerSecond", Math.round(all.attempts() / measuredSeconds));
        figures.put("rate", settings.rate());
        figures.put("leasers", settings.leasers());
        figures.put("batch", settings.batch());
        figures.put("warmupLeases", settings.warmupLeases());
        figures.put("at", settings.at().toString());
        figures.putAll(setUp);
        figures.put("skipped", skips(campaign.id()));
        return figures;
    }

    /**
     * Seeds the campaign, builds its dial indexes as its start does and gathers its statistics; returns the
     * contacts loaded, the do-not-call entries, the {@code READY} contacts in zones open at {@code --at}, and
     * how long the seeding and the indexing took.
     */
    private Map<String, Object> setUp(Campaign campaign, Settings settings) {
        Map<String, Object> figures = new LinkedHashMap<>();
        long start = System.nanoTime();
        LeaseBenchContacts contacts = new LeaseBenchContacts(settings.seed(), settings.at(), MAX_ATTEMPTS_TOTAL,
                MAX_ATTEMPTS_PER_30_DAYS);
        figures.put("contacts", database.jdbi().inTransaction(handle -> contacts.load(handle, campaign.id(), settings.contacts())));
        long dncEntries = database.jdbi().inTransaction(handle -> contacts.listDoNotCall(handle, campaign.id()));
        double seedSeconds = seconds(start);
        start = System.nanoTime();
        database.jdbi().useTransaction(handle -> {
            ContactPartitions.lockIntake(handle, campaign.id());
            ContactPartitions.ensureDialIndexes(handle, campaign.id());
        });
        database.jdbi().useHandle(handle -> handle.execute("ANALYZE contacts"));
        double indexSeconds = seconds(start);
        String[] openZones = new CallingWindow(campaign.settings().schedule()).openZones(settings.at());
        figures.put("readyInOpenZones", database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM contacts WHERE campaign_id = :c AND state = 'READY' AND time_zone = ANY(:zones)")
                .bind("c", campaign.id()).bind("zones", openZones).mapTo(Long.class).one()));
        figures.put("dncEntries", dncEntries);
        figures.put("seedSeconds", Math.round(seedSeconds * 10) / 10.0);
        figures.put("indexSeconds", Math.round(indexSeconds * 10) / 10.0);
        return figures;
    }

    private long agent(int node) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        WITH u AS (INSERT INTO users (username, password_hash, roles)
                                   VALUES ('bench-agent-' || :node || '-' || clock_timestamp(), '-', ARRAY['agent']) RETURNING id)
                        INSERT INTO agents (user_id) SELECT id FROM u RETURNING id""")
                .bind("node", node).mapTo(Long.class).one());
    }

    private Map<String, Long> skips(long campaignId) {
        Map<String, Long> skips = new TreeMap<>();
        database.jdbi().useHandle(handle -> handle.createQuery("SELECT reason, skipped FROM compliance_skips WHERE campaign_id = :c")
                .bind("c", campaignId).map((rs, ctx) -> Map.entry(rs.getString("reason"), rs.getLong("skipped")))
                .forEach(entry -> skips.put(entry.getKey(), entry.getValue())));
        return skips;
    }

    private static List<LeaseTally> runAll(List<BenchLeaser> leasers, int leases) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(leasers.size());
        try {
            List<Future<LeaseTally>> running = new ArrayList<>();
            for (int i = 0; i < leasers.size(); i++) {
                int share = leases / leasers.size() + (i < leases % leasers.size() ? 1 : 0);
                BenchLeaser leaser = leasers.get(i);
                running.add(threads.submit((Callable<LeaseTally>) () -> leaser.lease(share)));
            }
            List<LeaseTally> tallies = new ArrayList<>();
            for (Future<LeaseTally> future : running) {
                tallies.add(future.get());
            }
            return tallies;
        } finally {
            threads.shutdown();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1000.0) / 1000.0;
    }
}
