package dialer.missed;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code missed_calls} table, each row read with its contact's state. */
@RegisterRowMapper(MissedCallRowMapper.class)
public interface MissedCallDao {
    String SELECT = "SELECT m.*, c.state AS contact_state FROM missed_calls m "
            + "LEFT JOIN contacts c ON c.campaign_id = m.campaign_id AND c.id = m.contact_id ";

    @SqlQuery(SELECT + "WHERE m.id = :id")
    Optional<MissedCall> find(long id);

    /** The caller's open callback, locked until the transaction ends. */
    @SqlQuery("SELECT id FROM missed_calls WHERE caller_e164 = :caller AND state = 'open' FOR UPDATE")
    Optional<Long> openOf(String caller);

    @SqlQuery("INSERT INTO missed_calls (caller_e164, called_e164, group_id, campaign_id, contact_id, reason, ivr_path, "
            + "waited_seconds, first_missed_at, last_missed_at) VALUES (:caller, :called, :groupId, :campaignId, :contactId, "
            + ":reason, :ivrPath, :waitedSeconds, :startedAt, :startedAt) RETURNING id")
    long insert(String caller, String called, long groupId, long campaignId, long contactId, String reason, String ivrPath,
            Integer waitedSeconds, OffsetDateTime startedAt);

    /** One more missed call on an open callback: counted, and its time kept when it is the latest (or earliest). */
    @SqlUpdate("UPDATE missed_calls SET missed_count = missed_count + 1, updated_at = now(), "
            + "last_missed_at = greatest(last_missed_at, :startedAt), first_missed_at = least(first_missed_at, :startedAt) "
            + "WHERE id = :id")
    void countAgain(long id, OffsetDateTime startedAt);

    /** Closes an open callback as resolved by the customer at {@code at}. */
    @SqlUpdate("UPDATE missed_calls SET state = 'resolved-by-customer', closed_at = :at, updated_at = now() "
            + "WHERE id = :id AND state = 'open'")
    void resolveByCustomer(long id, OffsetDateTime at);

    @SqlQuery(SELECT + "WHERE m.id > :after AND (CAST(:state AS text) IS NULL OR m.state = :state) ORDER BY m.id LIMIT :limit")
    List<MissedCall> page(String state, long after, int limit);
}
