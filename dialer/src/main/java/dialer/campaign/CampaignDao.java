package dialer.campaign;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code campaigns} table. */
@RegisterConstructorMapper(CampaignRow.class)
public interface CampaignDao {
    String COLUMNS = "id, name, mode, state, settings::text AS settings, created_at, updated_at";

    @SqlUpdate("INSERT INTO campaigns (name, mode, settings) VALUES (:name, :mode, CAST(:settings AS jsonb))")
    @GetGeneratedKeys("id")
    long insert(String name, String mode, String settings);

    @SqlQuery("SELECT " + COLUMNS + " FROM campaigns WHERE id = :id")
    Optional<CampaignRow> findById(long id);

    /** The row, locked until the transaction ends, so that a read-modify-write loses no other change. */
    @SqlQuery("SELECT " + COLUMNS + " FROM campaigns WHERE id = :id FOR UPDATE")
    Optional<CampaignRow> lockById(long id);

    /**
     * The row, locked against other changes until the transaction ends but not against an import, which
     * only needs the campaign to stay (FOR KEY SHARE): an edit of its name or settings does not wait for one.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM campaigns WHERE id = :id FOR NO KEY UPDATE")
    Optional<CampaignRow> lockForEdit(long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM campaigns ORDER BY id")
    List<CampaignRow> list();

    @SqlUpdate("UPDATE campaigns SET name = :name, mode = :mode, settings = CAST(:settings AS jsonb), "
            + "updated_at = now() WHERE id = :id")
    int update(long id, String name, String mode, String settings);

    /**
     * Moves the campaign to {@code to} when it is in one of {@code from}; returns whether it did. The first
     * start sets {@code started_at}.
     */
    @SqlUpdate("UPDATE campaigns SET state = :to, updated_at = now(), "
            + "started_at = CASE WHEN :to = 'running' THEN coalesce(started_at, now()) ELSE started_at END "
            + "WHERE id = :id AND state = ANY(:from)")
    boolean transition(long id, String[] from, String to);

    /** The ids of the campaigns in {@code state}. */
    @SqlQuery("SELECT id FROM campaigns WHERE state = :state ORDER BY id")
    List<Long> idsIn(String state);

    /** Deletes the campaign, with whatever refers to it (imports, do-not-call entries). */
    @SqlUpdate("DELETE FROM campaigns WHERE id = :id")
    int delete(long id);
}
