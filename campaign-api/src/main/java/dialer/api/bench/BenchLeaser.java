package dialer.api.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

import dialer.attempt.AttemptLog;
import dialer.attempt.OutcomeRules;
import dialer.campaign.CallingWindow;
import dialer.campaign.Campaign;
import dialer.lease.ContactLeaser;
import dialer.lease.LeaseRules;
import dialer.lease.LeasedContact;
import org.jdbi.v3.core.Jdbi;

/**
 * One node's dial loop in the lease benchmark: at each tick it leases 1 to {@code batch} contacts in a
 * transaction of its own, as the dial loop does, then takes each attempt through a call's life
 * ({@link AttemptLives}); it times each lease and counts the statements of each attempt.
 */
final class BenchLeaser {
    private final Campaign campaign;
    private final Jdbi jdbi;
    private final CountingDataSource counter;
    private final long agentId;
    private final LeaseBenchmark.Settings settings;
    private final String nodeId;
    private final ContactLeaser leaser = new ContactLeaser();
    private final AttemptLives lives;
    private final CallingWindow window;
    private final Random random;
    private final long started = System.nanoTime();

    BenchLeaser(int node, Campaign campaign, Jdbi jdbi, CountingDataSource counter, long agentId,
            LeaseBenchmark.Settings settings) {
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

    /** Runs {@code leases} ticks on this thread; the campaign's clock is {@code --at} plus the time since the start. */
    LeaseTally lease(int leases) {
        LeaseTally tally = new LeaseTally(leases);
        long tick = System.nanoTime();
        for (int i = 0; i < leases; i++) {
            LockSupport.parkNanos(tick - System.nanoTime());
            tick += settings.tickNanos();
            Instant now = settings.at().plus(Duration.ofNanos(System.nanoTime() - started));
            LeaseRules rules = new LeaseRules(campaign.id(), now, 1 + random.nextInt(settings.batch()),
                    window.openZones(now), campaign.settings().maxAttemptsTotal(),
                    campaign.settings().maxAttemptsPer30Days(), OutcomeRules.abandonedGuard(campaign), nodeId,
                    Duration.ofMinutes(5), new long[0], Duration.ofMinutes(30));
            long statements = counter.statements();
            long commits = counter.transactionEnds();
            long[] statementEnd = new long[1];
            long begin = System.nanoTime();
            List<LeasedContact> leased = jdbi.withHandle(handle -> {
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
