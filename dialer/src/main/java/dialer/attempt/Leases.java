package dialer.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import org.jdbi.v3.core.Jdbi;

/**
 * The open attempts' leases. A node renews its own while it lives; an attempt whose lease ran out, or
 * that a node left open before it restarted, is closed {@link Outcome#INTERRUPTED} and its contact waits
 * the campaign's retry delay for failed calls (or fails, its attempts spent). Nobody knows whether such a
 * call reached its callee, so it counts as an attempt, and the contact is never dialled while it is open.
 */
public final class Leases {
    private static final String INTERRUPT = """
            WITH gone AS (
                UPDATE attempts SET state = 'CLOSED', outcome = 'INTERRUPTED', ended_at = :now,
                    hangup_at = coalesce(hangup_at, :now), raw_cause = coalesce(raw_cause, :why)
                WHERE ended_at IS NULL AND (%s)
                RETURNING contact_id, campaign_id
            )
            UPDATE contacts c SET
                state = CASE WHEN c.attempts_total >= coalesce((k.settings ->> 'maxAttemptsTotal')::int, 1)
                    THEN 'FAILED' ELSE 'RETRY' END,
                next_attempt_at = :now + make_interval(mins => coalesce((k.settings -> 'retryRules' -> 'failed' ->> 'delayMinutes')::int, 30)),
                updated_at = :now
            FROM gone JOIN campaigns k ON k.id = gone.campaign_id
            WHERE c.campaign_id = gone.campaign_id AND c.id = gone.contact_id AND c.state = 'DIALING'
            """;

    private final Jdbi jdbi;

    public Leases(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Extends the leases of the open attempts {@code attemptIds} (those a node's runners hold) to
     * {@code now + leaseTime}; an attempt the node no longer holds is left to expire.
     */
    public int renew(Collection<Long> attemptIds, Instant now, Duration leaseTime) {
        if (attemptIds.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE attempts SET lease_until = :until WHERE id = ANY(:ids) AND ended_at IS NULL")
                .bind("until", AttemptLog.utc(now.plus(leaseTime)))
                .bind("ids", attemptIds.stream().mapToLong(Long::longValue).toArray()).execute());
    }

    /** Closes the attempts whose lease ran out before {@code now}; returns how many. */
    public int interruptExpired(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate(INTERRUPT.formatted("lease_until < :now"))
                .bind("now", AttemptLog.utc(now)).bind("why", "its node stopped renewing its lease").execute());
    }

    /** Closes the attempts {@code nodeId} left open when it stopped: call at start, before dialling. */
    public int interruptLeftBy(String nodeId, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate(INTERRUPT.formatted("node_id = :node"))
                .bind("now", AttemptLog.utc(now)).bind("node", nodeId)
                .bind("why", "its node restarted while it was open").execute());
    }

    /** Makes the waiting contacts of running campaigns whose time came {@code READY}; returns how many. */
    public int recycle(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE contacts SET state = 'READY', updated_at = :now
                        WHERE campaign_id IN (SELECT id FROM campaigns WHERE state = 'running')
                          AND ((state = 'RETRY' AND next_attempt_at <= :now) OR (state = 'CALLBACK' AND callback_at <= :now))""")
                .bind("now", AttemptLog.utc(now)).execute());
    }
}
