package dialer.lease;

import java.time.ZoneOffset;
import java.util.List;

import dialer.contact.ContactPartitions;
import dialer.dnc.DncDao;
import org.jdbi.v3.core.Handle;

/**
 * Leases the contacts a campaign may call now, in one statement: it locks the best {@code READY} contacts
 * of an open time zone ({@code FOR UPDATE SKIP LOCKED}, so that no two nodes take the same contact), due
 * callbacks first, then by priority, then the longest waiting; checks each again against the do-not-call
 * lists, the attempt caps and the 72-hour rule; moves those it may not call out of the way and counts them
 * by {@link SkipReason}; and marks the others {@code DIALING} with an open attempt each, written before any
 * call is placed. A contact that was dialled shows as an attempt row, whatever happens to the node next.
 *
 * <p>It finds the time zones of the campaign's {@code READY} contacts by stepping through the campaign's
 * lease index, which leads with the time zone ({@link ContactPartitions#ensureDialIndexes}), reads the best
 * few contacts of each that is open from that index alone, and locks the best of these: its cost does not
 * grow with the contacts of closed zones, with how many the campaign holds, or with how many zones of the
 * world are open. It looks at twice as many contacts as it leases (rounded up to a power of two), so that
 * a lease running while another node's holds some of its best contacts takes the next ones instead; a lease
 * that finds more of them held than that takes fewer than asked (the next tick takes the rest), and never
 * one that another lease holds.
 *
 * <p>A callback an agent asked to make ({@code callback_owner}) is reserved for that agent: it is leased only
 * when that agent is one of the free agents the lease is given (the agents of the node that dials), and is
 * then returned with {@link LeasedContact#reservedFor()} set, for the call to go to that agent; once its time
 * is {@link LeaseRules#ownedCallbackWait()} past, any agent may take it.
 *
 * <p>The statement names the campaign's own table and how many contacts it looks at, so that PostgreSQL
 * plans it once for each campaign and reach on a connection and then reuses the plan: with the table of
 * contacts and the reach as parameters it planned every lease anew, a third of the lease's time in the database.
 */
public final class ContactLeaser {
    /** {@code %1$s}: the campaign's table; {@code %2$d}: how many contacts to look at; {@code %3$s}: the DNC check. */
    private static final String LEASE = """
            WITH candidates AS (
                SELECT c.id, c.campaign_id, c.phone_e164, c.attempts_total, c.recent_attempts, c.abandoned_at,
                    c.callback_at, c.callback_owner
                FROM %1$s c
                WHERE c.state = 'READY' AND c.id = ANY(ARRAY(
                    WITH RECURSIVE zones (zone) AS (
                        (SELECT z.time_zone FROM %1$s z WHERE z.state = 'READY' AND z.time_zone IS NOT NULL
                         ORDER BY z.time_zone LIMIT 1)
                        UNION ALL
                        SELECT (SELECT z.time_zone FROM %1$s z WHERE z.state = 'READY' AND z.time_zone > zones.zone
                                ORDER BY z.time_zone LIMIT 1)
                        FROM zones WHERE zones.zone IS NOT NULL
                    )
                    SELECT best.id FROM zones CROSS JOIN LATERAL (
                        SELECT z.id, z.callback_at IS NULL AS not_callback, z.priority, z.next_attempt_at FROM %1$s z
                        WHERE z.state = 'READY' AND z.time_zone = zones.zone
                            AND (z.callback_owner IS NULL OR z.callback_owner = ANY(CAST(:freeAgents AS bigint[]))
                                 OR z.callback_at <= :ownerWaitEnded)
                        ORDER BY (z.callback_at IS NULL), z.priority DESC, z.next_attempt_at NULLS FIRST, z.id
                        LIMIT %2$d) best
                    WHERE zones.zone = ANY(CAST(:openZones AS text[]))
                    ORDER BY best.not_callback, best.priority DESC, best.next_attempt_at NULLS FIRST, best.id
                    LIMIT %2$d))
                ORDER BY (c.callback_at IS NULL), c.priority DESC, c.next_attempt_at NULLS FIRST, c.id
                LIMIT :limit
                FOR UPDATE OF c SKIP LOCKED
            ), judged AS (
                SELECT c.*, CASE
                    WHEN EXISTS (%3$s) THEN 'dnc'
                    WHEN c.attempts_total >= :maxTotal THEN 'max_attempts'
                    WHEN cardinality(c.recent_attempts) >= :max30
                        AND c.recent_attempts[cardinality(c.recent_attempts) - :max30 + 1] > :now - interval '30 days'
                        THEN 'max_attempts_30d'
                    WHEN :abandonedGuard AND c.abandoned_at > :now - interval '72 hours' THEN 'abandoned_72h'
                END AS skip
                FROM candidates c
            ), skipped AS (
                UPDATE %1$s c SET
                    state = CASE j.skip WHEN 'dnc' THEN 'DNC' WHEN 'max_attempts' THEN 'FAILED' ELSE 'RETRY' END,
                    next_attempt_at = CASE j.skip
                        WHEN 'max_attempts_30d' THEN j.recent_attempts[cardinality(j.recent_attempts) - :max30 + 1] + interval '30 days'
                        WHEN 'abandoned_72h' THEN j.abandoned_at + interval '72 hours'
                        ELSE c.next_attempt_at END,
                    updated_at = :now
                FROM judged j
                WHERE c.id = j.id AND j.skip IS NOT NULL
                RETURNING j.skip
            ), counted AS (
                INSERT INTO compliance_skips (campaign_id, reason, skipped)
                SELECT :campaignId, skip, count(*) FROM skipped GROUP BY skip
                ON CONFLICT (campaign_id, reason) DO UPDATE SET skipped = compliance_skips.skipped + excluded.skipped
            ), leased AS (
                UPDATE %1$s c SET
                    state = 'DIALING',
                    attempts_total = c.attempts_total + 1,
                    last_attempt_at = :now,
                    recent_attempts = (c.recent_attempts || CAST(:now AS timestamptz))[greatest(1, cardinality(c.recent_attempts) + 2 - :max30):],
                    callback_at = NULL,
                    callback_owner = NULL,
                    updated_at = :now
                FROM judged j
                WHERE c.id = j.id AND j.skip IS NULL
                RETURNING c.id, c.phone_e164, c.attempts_total, c.time_zone, c.first_name, c.last_name, c.external_id,
                    c.custom_fields::text AS custom_fields,
                    CASE WHEN j.callback_at > :ownerWaitEnded THEN j.callback_owner END AS reserved_for
            ), opened AS (
                INSERT INTO attempts (contact_id, campaign_id, phone_e164, state, node_id, lease_until, attempt_no, started_at)
                SELECT l.id, :campaignId, l.phone_e164, 'DIALING', :nodeId, :leaseUntil, l.attempts_total, :now FROM leased l
                RETURNING id, contact_id
            )
            SELECT o.id AS attempt_id, l.* FROM opened o JOIN leased l ON l.id = o.contact_id ORDER BY o.id
            """;

    /**
     * Leases under {@code rules}; returns the contacts to dial, best first. The lease is one statement, so it
     * is whole on its own: callers run it on a handle in autocommit, which commits it in the round trip that
     * sends it (in a transaction of their own, it holds its locks until their commit).
     */
    public List<LeasedContact> lease(Handle handle, LeaseRules rules) {
        // the smallest power of two that is at least twice the limit: few statements to plan for all limits
        int reach = Integer.highestOneBit(2 * rules.limit() - 1) << 1;
        String lease = LEASE.formatted(ContactPartitions.table(rules.campaignId()), reach, DncDao.ENTRY_BLOCKING_CONTACT);
        return handle.createQuery(lease)
                .bind("campaignId", rules.campaignId())
                .bind("openZones", rules.openZones())
                .bind("limit", rules.limit())
                .bind("maxTotal", rules.maxAttemptsTotal())
                .bind("max30", rules.maxAttemptsPer30Days())
                .bind("abandonedGuard", rules.abandonedGuard())
                .bind("now", rules.now().atOffset(ZoneOffset.UTC))
                .bind("nodeId", rules.nodeId())
                .bind("leaseUntil", rules.now().plus(rules.leaseTime()).atOffset(ZoneOffset.UTC))
                .bind("freeAgents", rules.freeAgents())
                .bind("ownerWaitEnded", rules.now().minus(rules.ownedCallbackWait()).atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new LeasedContact(rs.getLong("attempt_id"), rs.getLong("id"), rs.getString("phone_e164"),
                        rs.getInt("attempts_total"), rs.getString("time_zone"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("external_id"), rs.getString("custom_fields"),
                        rs.getObject("reserved_for", Long.class)))
                .list();
    }
}
