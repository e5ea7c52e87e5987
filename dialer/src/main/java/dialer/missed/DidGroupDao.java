package dialer.missed;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The {@code did_groups} and {@code did_numbers} tables. */
@RegisterRowMapper(DidGroupRowMapper.class)
public interface DidGroupDao {
    String SELECT = "SELECT g.id, g.name, g.mode, g.deadline_minutes, g.campaign_id, g.is_default, g.created_at, "
            + "ARRAY(SELECT d.number_e164 FROM did_numbers d WHERE d.group_id = g.id ORDER BY d.number_e164) AS dids "
            + "FROM did_groups g ";

    /** Inserts a group; returns its id, or empty when another group has the name (compared without case). */
    @SqlQuery("INSERT INTO did_groups (name, mode, deadline_minutes, campaign_id, is_default) "
            + "VALUES (:name, :mode, :deadlineMinutes, :campaignId, :isDefault) ON CONFLICT (lower(name)) DO NOTHING RETURNING id")
    Optional<Long> insert(String name, String mode, int deadlineMinutes, long campaignId, boolean isDefault);

    /** Gives the numbers to the group; returns those that were free (the others belong to a group already). */
    @SqlQuery("INSERT INTO did_numbers (number_e164, group_id) SELECT unnest(:numbers), :groupId "
            + "ON CONFLICT (number_e164) DO NOTHING RETURNING number_e164")
    List<String> addNumbers(long groupId, String[] numbers);

    @SqlQuery(SELECT + "WHERE g.id = :id")
    Optional<DidGroup> find(long id);

    @SqlQuery(SELECT + "ORDER BY g.id")
    List<DidGroup> list();

    @SqlQuery(SELECT + "WHERE g.is_default")
    Optional<DidGroup> findDefault();

    /** The group the number belongs to, if any. */
    @SqlQuery(SELECT + "WHERE g.id = (SELECT group_id FROM did_numbers WHERE number_e164 = :number)")
    Optional<DidGroup> groupOfNumber(String number);
}
