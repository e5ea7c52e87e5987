package dialer.api.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import dialer.attempt.AttemptLog;
import dialer.attempt.OutcomeRules;
import dialer.campaign.CallingWindow;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignInput;
import dialer.campaign.CampaignService;
import dialer.contact.ContactPartitions;
import dialer.lease.ContactLeaser;
import dialer.lease.LeaseRules;
import dialer.lease.LeasedContact;
import dialer.persistence.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Times the dial loop's lease ({@link ContactLeaser}) on a campaign of many contacts: seeds the campaign's
 * table ({@link LeaseBenchContacts}), builds its dial indexes as a start of the campaign does, gathers its
 * statistics, then runs {@code leasers} dial loops at once (the nodes of a cluster), each leasing batches
 * of 1 to {@code batch} contacts, each lease in its own transaction as the dial loop does, and taking each
 * leased contact's attempt through a call's life ({@link AttemptLives}). The loops tick as the dial loop
 * does, at the pace that gives {@code rate} attempts a second over all of them (a late tick runs at once),
 * or lease without pause when {@code rate} is 0. Counts the SQL statements every attempt costs through a
 * counting data source.
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
        long start = System.nanoTime();
        LeaseBenchContacts contacts = new LeaseBenchContacts(settings.seed(), settings.at(), MAX_ATTEMPTS_TOTAL,
                MAX_ATTEMPTS_PER_30_DAYS);
        long loaded = database.jdbi().inTransaction(handle -> contacts.load(handle, campaign.id(), settings.contacts()));
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
        long callable = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM contacts WHERE campaign_id = :c AND state = 'READY' AND time_zone = ANY(:zones)")
                .bind("c", campaign.id()).bind("zones", openZones).mapTo(Long.class).one());

        CountingDataSource counter = new CountingDataSource(database.dataSource());
        Jdbi counted = Jdbi.create(counter.dataSource()).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        List<Leaser> leasers = new ArrayList<>();
        for (int node = 1; node <= settings.leasers(); node++) {
            leasers.add(new Leaser(node, campaign, counted, counter, agent(node), settings));
        }
        runAll(leasers, settings.warmupLeases());
        Instant started = Instant.now();
        List<LeaseTally> tallies = runAll(leasers, settings.leases());
        double measuredSeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        LeaseTally all = LeaseTally.merge(tallies);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", "lease");
        figures.put("contacts", loaded);
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
        figures.put("readyInOpenZones", callable);
        figures.put("skipped", skips(campaign.id()));
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

    private static List<LeaseTally> runAll(List<Leaser> leasers, int leases) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(leasers.size());
        try {
            List<Future<LeaseTally>> running = new ArrayList<>();
            for (int i = 0; i < leasers.size(); i++) {
                int share = leases / leasers.size() + (i < leases % leasers.size() ? 1 : 0);
                Leaser leaser = leasers.get(i);
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

    /** One node's dial loop: leases, then the life of each attempt it opened. */
    private static final class Leaser {
        private final Campaign campaign;
        private final Jdbi jdbi;
        private final CountingDataSource counter;
        private final long agentId;
        private final Settings settings;
        private final String nodeId;
        private final ContactLeaser leaser = new ContactLeaser();
        private final AttemptLives lives;
        private final CallingWindow window;
        private final Random random;
        private final long started = System.nanoTime();

        Leaser(int node, Campaign campaign, Jdbi jdbi, CountingDataSource counter, long agentId, Settings settings) {
            this.campaign = campaign;
            this.jdbi = jdbi;
            this.counter = counter;
            this.agentId = agentId;
            this.settings = settings;
            this.nodeId = "bench-node-" + node;
            this.lives = new AttemptLives(new AttemptLog(jdbi), counter, campaign);
            this.window = new CallingWindow(campaign.settings().schedule());
            this.random = new Random(settings.seed() * 31 + node);
        }

        LeaseTally lease(int leases) {
            LeaseTally tally = new LeaseTally(leases);
            long tick = System.nanoTime();
            for (int i = 0; i < leases; i++) {
                LockSupport.parkNanos(tick - System.nanoTime());
                tick += settings.tickNanos();
                Instant now = settings.at().plus(Duration.ofNanos(System.nanoTime() - started));
                LeaseRules rules = new LeaseRules(campaign.id(), now, 1 + random.nextInt(settings.batch()),
                        window.openZones(now), MAX_ATTEMPTS_TOTAL, MAX_ATTEMPTS_PER_30_DAYS,
                        OutcomeRules.abandonedGuard(campaign), nodeId, Duration.ofMinutes(5));
                long statements = counter.statements();
                long commits = counter.transactionEnds();
                long[] statementEnd = new long[1];
                long begin = System.nanoTime();
                List<LeasedContact> leased = jdbi.inTransaction(handle -> {
                    List<LeasedContact> taken = leaser.lease(handle, rules);
                    statementEnd[0] = System.nanoTime();
                    return taken;
                });
                tally.lease(System.nanoTime() - begin, statementEnd[0] - begin, counter.statements() - statements,
                        counter.transactionEnds() - commits);
                for (LeasedContact contact : leased) {
                    tally.attempt(lives.live(contact, agentId, now, random));
                }
            }
            return tally;
        }
    }
}
