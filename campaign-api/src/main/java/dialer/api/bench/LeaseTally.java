package dialer.api.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What the lease benchmark's leasers measured: each lease's time (its transaction, and its statement
 * alone, without the {@code COMMIT}), the attempts they opened, and the SQL statements each attempt cost
 * (the lease that opened it, counted whole, and its life after).
 */
final class LeaseTally {
    private final long[] nanos;
    private final long[] statementNanos;
    private int leases;
    private long attempts;
    private long connected;
    private long statements;
    private long commits;
    private long maxStatements;
    private long maxConnectedStatements;
    private long maxOtherStatements;
    private long leaseStatements;

    LeaseTally(int capacity) {
        nanos = new long[capacity];
        statementNanos = new long[capacity];
    }

    void lease(long elapsed, long statementElapsed, long statementsTaken, long commitsTaken) {
        statementNanos[leases] = statementElapsed;
        nanos[leases++] = elapsed;
        statements += statementsTaken;
        commits += commitsTaken;
        leaseStatements = statementsTaken;
    }

    /** An attempt the last lease opened, and its life: it cost the lease's statements and its life's. */
    void attempt(AttemptLives.Life life) {
        long cost = leaseStatements + life.statements();
        attempts++;
        statements += life.statements();
        maxStatements = Math.max(maxStatements, cost);
        if (life.connected()) {
            connected++;
            maxConnectedStatements = Math.max(maxConnectedStatements, cost);
        } else {
            maxOtherStatements = Math.max(maxOtherStatements, cost);
        }
    }

    /** The time within which {@code fraction} of the lease transactions ended, in nanoseconds (nearest rank). */
    long percentile(double fraction) {
        return percentile(nanos, fraction);
    }

    /** The same for the lease statements alone. */
    long statementPercentile(double fraction) {
        return percentile(statementNanos, fraction);
    }

    private long percentile(long[] times, double fraction) {
        long[] sorted = Arrays.copyOf(times, leases);
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(fraction * leases) - 1)];
    }

    int leases() {
        return leases;
    }

    long attempts() {
        return attempts;
    }

    long connected() {
        return connected;
    }

    /** The most statements any attempt cost. */
    long maxStatements() {
        return maxStatements;
    }

    long maxConnectedStatements() {
        return maxConnectedStatements;
    }

    long maxOtherStatements() {
        return maxOtherStatements;
    }

    /** Every statement executed (leases and lives) over the attempts: a lease of several attempts counts once. */
    double statementsPerAttemptMean() {
        return (double) statements / attempts;
    }

    /** The {@code COMMIT}s (and {@code ROLLBACK}s) sent per lease, apart from the statements. */
    double commitsPerLease() {
        return (double) commits / leases;
    }
    static LeaseTally merge(List<LeaseTally> tallies) {
        LeaseTally all = new LeaseTally(tallies.stream().mapToInt(t -> t.leases).sum());
        for (LeaseTally tally : tallies) {
            System.arraycopy(tally.nanos, 0, all.nanos, all.leases, tally.leases);
            System.arraycopy(tally.statementNanos, 0, all.statementNanos, all.leases, tally.leases);
            all.leases += tally.leases;
            all.attempts += tally.attempts;
            all.connected += tally.connected;
            all.statements += tally.statements;
            all.commits += tally.commits;
            all.maxStatements = Math.max(all.maxStatements, tally.maxStatements);
            all.maxConnectedStatements = Math.max(all.maxConnectedStatements, tally.maxConnectedStatements);
            all.maxOtherStatements = Math.max(all.maxOtherStatements, tally.maxOtherStatements);
        }
        return all;
    }
}
