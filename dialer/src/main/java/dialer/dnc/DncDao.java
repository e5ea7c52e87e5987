package dialer.dnc;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code dnc_entries} table, and the {@code state} of the contacts its entries block. A
 * {@code campaignId} of null means a global entry.
 */
@RegisterRowMapper(DncEntryRowMapper.class)
public interface DncDao {
    String COLUMNS = "id, phone_e164, kind, campaign_id, source, created_at";

    /**
     * Whether an entry blocks {@code :number} in campaign {@code :campaignId}; {@code :candidates} are the
     * number's prefixes ({@code +7}, {@code +74}... the number itself), so that one index lookup answers.
     */
    String IS_BLOCKED = "SELECT EXISTS (SELECT 1 FROM dnc_entries WHERE phone_e164 = ANY(:candidates)"
            + " AND (campaign_id IS NULL OR campaign_id = :campaignId) AND (kind = 'prefix' OR phone_e164 = :number))";

    /** The same question for the contact {@code c}, its prefixes built in SQL. */
    String ENTRY_BLOCKING_CONTACT = "SELECT 1 FROM dnc_entries d"
            + " WHERE d.phone_e164 = ANY(ARRAY(SELECT left(c.phone_e164, n) FROM generate_series(2, length(c.phone_e164)) AS n))"
            + " AND (d.campaign_id IS NULL OR d.campaign_id = c.campaign_id)"
            + " AND (d.kind = 'prefix' OR d.phone_e164 = c.phone_e164)";

    /** The contacts an entry of {@code :kind} and {@code :value} in {@code :campaignId} (null: every campaign) matches. */
    String CONTACTS_MATCHED = "(CAST(:campaignId AS bigint) IS NULL OR c.campaign_id = :campaignId)"
            + " AND starts_with(c.phone_e164, :value) AND (:kind = 'prefix' OR c.phone_e164 = :value)";

    @SqlQuery(IS_BLOCKED)
    boolean isBlocked(String[] candidates, Long campaignId, String number);

    /** Keeps other transactions from changing the list until this one ends; readers are not held up. */
    @SqlUpdate("LOCK TABLE dnc_entries IN SHARE ROW EXCLUSIVE MODE")
    void lockAgainstOtherChanges();

    /** The new entry, or empty when the same one exists. */
    @SqlQuery("INSERT INTO dnc_entries (phone_e164, kind, campaign_id, source) VALUES (:value, :kind, :campaignId, :source)"
            + " ON CONFLICT DO NOTHING RETURNING " + COLUMNS)
    Optional<DncEntry> insert(String value, String kind, Long campaignId, String source);

    /** For each value and kind, 1 when inserted, 0 when the same entry exists. */
    @SqlBatch("INSERT INTO dnc_entries (phone_e164, kind, campaign_id, source) VALUES (:value, :kind, :campaignId, :source)"
            + " ON CONFLICT DO NOTHING")
    int[] insertAll(List<String> value, List<String> kind, Long campaignId, String source);

    @SqlQuery("SELECT " + COLUMNS + " FROM dnc_entries"
            + " WHERE phone_e164 = :value AND kind = :kind AND campaign_id IS NOT DISTINCT FROM :campaignId")
    Optional<DncEntry> find(String value, String kind, Long campaignId);

    @SqlQuery("SELECT " + COLUMNS + " FROM dnc_entries WHERE id = :id")
    Optional<DncEntry> findById(long id);

    @SqlQuery("DELETE FROM dnc_entries WHERE id = :id RETURNING " + COLUMNS)
    Optional<DncEntry> delete(long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM dnc_entries WHERE id > :after"
            + " AND (CAST(:campaignId AS bigint) IS NULL OR campaign_id = :campaignId)"
            + " AND (CAST(:kind AS text) IS NULL OR kind = :kind) ORDER BY id LIMIT :limit")
    List<DncEntry> list(Long campaignId, String kind, long after, int limit);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = :id)")
    boolean campaignExists(long id);

    /** Sets the {@code READY} contacts matched that an entry blocks to {@code DNC}; returns how many. */
    @SqlUpdate("UPDATE contacts c SET state = 'DNC' WHERE c.state = 'READY' AND " + CONTACTS_MATCHED
            + " AND EXISTS (" + ENTRY_BLOCKING_CONTACT + ")")
    int markBlockedContacts(Long campaignId, String kind, String value);

    /** Sets the {@code DNC} contacts matched that no entry blocks any more back to {@code READY}; returns how many. */
    @SqlUpdate("UPDATE contacts c SET state = 'READY' WHERE c.state = 'DNC' AND " + CONTACTS_MATCHED
            + " AND NOT EXISTS (" + ENTRY_BLOCKING_CONTACT + ")")
    int releaseUnblockedContacts(Long campaignId, String kind, String value);
}
