package dialer.contact;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code contacts} table, as the API reads it. */
@RegisterRowMapper(ContactRowMapper.class)
public interface ContactDao {
    String COLUMNS = "id, campaign_id, external_id, phone_e164, alt_phones, time_zone, first_name, last_name, priority, "
            + "state, attempts_total, next_attempt_at, custom_fields::text AS custom_fields, created_at, updated_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM contacts WHERE campaign_id = :campaignId AND id > :after "
            + "AND (CAST(:state AS text) IS NULL OR state = :state) ORDER BY id LIMIT :limit")
    List<Contact> page(long campaignId, String state, long after, int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM contacts WHERE campaign_id = :campaignId AND external_id = :externalId")
    Optional<Contact> findByExternalId(long campaignId, String externalId);

    /** Cancels a contact no call has been made to; returns 0 when there is none such. */
    @SqlUpdate("UPDATE contacts SET state = 'CANCELLED', updated_at = now() "
            + "WHERE campaign_id = :campaignId AND external_id = :externalId AND attempts_total = 0 "
            + "AND state IN ('READY', 'DNC')")
    int cancel(long campaignId, String externalId);
}
