package dialer.attempt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dialer.dnc.DncDao;
import org.jdbi.v3.core.Jdbi;

/**
 * The attempts table as calls go: each change of an attempt is one statement, and closing one also moves
 * its contact on ({@link NextStep}) in the same statement, so that a dial costs few round trips and a
 * contact is never left {@code DIALING} by a closed attempt. Changes to an attempt that is closed already
 * (its lease expired and another node closed it) change nothing.
 */
public final class AttemptLog {
    private static final String CLOSE = """
            WITH closed AS (
                UPDATE attempts SET state = 'CLOSED', outcome = :outcome, raw_cause = coalesce(:rawCause, raw_cause),
                    hangup_at = coalesce(hangup_at, :now), ended_at = :now, disposition = :disposition, notes = :notes
                WHERE id = :attemptId AND ended_at IS NULL
                RETURNING contact_id, campaign_id
            ), prior AS (
                SELECT count(*) AS n FROM attempts a JOIN closed ON a.contact_id = closed.contact_id
                WHERE a.outcome = :outcome AND a.id <> :attemptId
            )
            UPDATE contacts c SET
                state = CASE WHEN :state <> 'RETRY' THEN :state
                    WHEN (SELECT n FROM prior) >= :maxRetries OR c.attempts_total >= :maxTotal THEN 'FAILED'
                    ELSE 'RETRY' END,
                next_attempt_at = :nextAttemptAt,
                callback_at = :callbackAt,
                callback_owner = :callbackOwner,
                abandoned_at = CASE WHEN :abandoned THEN :now ELSE c.abandoned_at END,
                updated_at = :now
            FROM closed
            WHERE c.campaign_id = closed.campaign_id AND c.id = closed.contact_id
            RETURNING c.state
            """;

    private final Jdbi jdbi;

    public AttemptLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Somebody picked up. */
    public void answered(long attemptId, Instant at) {
        update("UPDATE attempts SET state = 'ANSWERED', answered_at = :at WHERE id = :id AND ended_at IS NULL", attemptId, at);
    }

    /** The call now talks to agent {@code agentId}. */
    public void bridged(long attemptId, long agentId, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE attempts SET state = 'BRIDGED', agent_id = :agent, "
                        + "bridged_at = :at WHERE id = :id AND ended_at IS NULL")
                .bind("agent", agentId).bind("at", utc(at)).bind("id", attemptId).execute());
    }

    /** The connected call is over; the attempt stays open until the agent's disposition. */
    public void hungUp(long attemptId, Instant at, String rawCause) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE attempts SET state = 'WRAP_UP', hangup_at = :at, "
                        + "raw_cause = :raw WHERE id = :id AND ended_at IS NULL")
                .bind("at", utc(at)).bind("raw", rawCause).bind("id", attemptId).execute());
    }

    /**
     * Closes the attempt with {@code outcome} (and the agent's {@code disposition} and notes, for a connected
     * call) and moves its contact on as {@code next} says, in one statement.
     *
     * @return the contact's new state; empty when the attempt was closed already
     */
    public Optional<String> close(long attemptId, Outcome outcome, String rawCause, String disposition, String notes,
            NextStep next, int maxAttemptsTotal, Instant at) {
        return jdbi.withHandle(handle -> handle.createQuery(CLOSE)
                .bind("attemptId", attemptId)
                .bind("outcome", outcome.name())
                .bind("rawCause", rawCause)
                .bind("disposition", disposition)
                .bind("notes", notes)
                .bind("state", next.state())
                .bind("maxRetries", next.maxRetries())
                .bind("maxTotal", maxAttemptsTotal)
                .bind("nextAttemptAt", utc(next.nextAttemptAt()))
                .bind("callbackAt", utc(next.callbackAt()))
                .bind("callbackOwner", next.callbackOwner())
                .bind("abandoned", next.abandoned())
                .bind("now", utc(at))
                .mapTo(String.class).findOne());
    }

    /**
     * Takes back an attempt whose call was never placed (a preview nobody accepted): the row goes, and its
     * contact is {@code READY} again with the attempt uncounted. Does nothing to an attempt already dialled.
     */
    public void withdraw(long attemptId, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        WITH gone AS (
                            DELETE FROM attempts WHERE id = :id AND ended_at IS NULL AND answered_at IS NULL
                            RETURNING contact_id, campaign_id
                        )
                        UPDATE contacts c SET state = 'READY', attempts_total = c.attempts_total - 1,
                            recent_attempts = c.recent_attempts[1 : cardinality(c.recent_attempts) - 1], updated_at = :at
                        FROM gone WHERE c.campaign_id = gone.campaign_id AND c.id = gone.contact_id""")
                .bind("id", attemptId).bind("at", utc(at)).execute());
    }

    /** Whether a do-not-call entry blocks contact {@code contactId} of campaign {@code campaignId} now. */
    public boolean isBlocked(long contactId, long campaignId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT EXISTS (" + DncDao.ENTRY_BLOCKING_CONTACT
                        + ") FROM contacts c WHERE c.campaign_id = :campaignId AND c.id = :contactId")
                .bind("campaignId", campaignId).bind("contactId", contactId).mapTo(Boolean.class).findOne().orElse(false));
    }

    private void update(String sql, long attemptId, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(sql).bind("at", utc(at)).bind("id", attemptId).execute());
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
