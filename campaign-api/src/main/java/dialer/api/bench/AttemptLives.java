package dialer.api.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import dialer.attempt.AttemptLog;
import dialer.attempt.Disposition;
import dialer.attempt.Outcome;
import dialer.attempt.OutcomeRules;
import dialer.campaign.Campaign;
import dialer.lease.LeasedContact;

/**
 * Takes a leased contact's attempt through a call's life as the dial loop records it in {@link AttemptLog},
 * with a typical mix of outcomes: most calls are not answered or busy (closed), some reach a machine or are
 * abandoned (answered, closed), and about a quarter are connected to an agent (answered, bridged, hung up,
 * closed with the agent's disposition). Counts the statements each life costs with {@link CountingDataSource}.
 */
final class AttemptLives {
    /** Dispositions an agent gives here: all but do-not-call, which also adds an entry to the campaign's list. */
    private static final List<Disposition> DISPOSITIONS = Disposition.DEFAULTS.stream()
            .filter(disposition -> disposition.kind() != Disposition.Kind.DNC).toList();

    private final AttemptLog log;
    private final CountingDataSource counter;
    private final Campaign campaign;

    AttemptLives(AttemptLog log, CountingDataSource counter, Campaign campaign) {
        this.log = log;
        this.counter = counter;
        this.campaign = campaign;
    }

    /** One call's life, on this thread; returns whether it was connected and the statements it took. */
    Life live(LeasedContact contact, long agentId, Instant at, Random random) {
        long before = counter.statements();
        long attempt = contact.attemptId();
        int draw = random.nextInt(100);
        boolean connected = draw >= 75;
        if (draw < 55) {
            close(attempt, Outcome.NO_ANSWER, at);
        } else if (draw < 65) {
            close(attempt, Outcome.BUSY, at);
        } else if (draw < 75) {
            log.answered(attempt, at);
            close(attempt, draw < 72 ? Outcome.MACHINE : Outcome.ABANDONED, at);
        } else {
            log.answered(attempt, at);
            log.bridged(attempt, agentId, at);
            log.hungUp(attempt, at.plus(Duration.ofSeconds(90)), "BYE");
            Instant end = at.plus(Duration.ofSeconds(100));
            Disposition disposition = DISPOSITIONS.get(random.nextInt(DISPOSITIONS.size()));
            Instant callbackAt = disposition.kind() == Disposition.Kind.CALLBACK ? end.plus(Duration.ofDays(1)) : null;
            log.close(attempt, Outcome.CONNECTED, null, disposition.code(), "bench",
                    OutcomeRules.afterDisposition(disposition, callbackAt, null, end),
                    campaign.settings().maxAttemptsTotal(), end);
        }
        return new Life(connected, counter.statements() - before);
    }

    private void close(long attempt, Outcome outcome, Instant at) {
        log.close(attempt, outcome, outcome.name(), null, null, OutcomeRules.afterNetwork(campaign, outcome, at),
                campaign.settings().maxAttemptsTotal(), at);
    }

    /** What one life cost: the statements after the lease. */
    record Life(boolean connected, long statements) {
    }
}
