package dialer.contact.intake;

import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code imports} table's writes; reads are in {@link ImportQueries}. */
interface ImportDao {
    @SqlUpdate("INSERT INTO imports (campaign_id, file_name, encoding, delimiter, header, created_by) "
            + "VALUES (:campaignId, :fileName, :encoding, :delimiter, CAST(:headerJson AS jsonb), :createdBy)")
    @GetGeneratedKeys("id")
    long insert(long campaignId, String fileName, String encoding, String delimiter, String headerJson, Long createdBy);

    @SqlUpdate("UPDATE imports SET rows_read = :rowsRead WHERE id = :id AND state = 'running'")
    void progress(long id, long rowsRead);

    /** Runs in the import's transaction, so the time is the clock's, not the transaction's start. */
    @SqlUpdate("UPDATE imports SET state = 'done', rows_read = :rowsRead, accepted = :accepted, rejected = :rejected, "
            + "rejects_by_reason = CAST(:rejectsJson AS jsonb), finished_at = clock_timestamp() WHERE id = :id")
    void finish(long id, long rowsRead, long accepted, long rejected, String rejectsJson);

    @SqlUpdate("UPDATE imports SET state = 'failed', rows_read = :rowsRead, accepted = 0, rejected = 0, "
            + "rejects_by_reason = '{}', error = :error, error_line = :errorLine, finished_at = now() WHERE id = :id")
    void fail(long id, long rowsRead, String error, Long errorLine);

    /** Imports a stopped appliance left running never finish: their transaction rolled back with it. */
    @SqlUpdate("UPDATE imports SET state = 'failed', rows_read = 0, error = 'the appliance stopped during the import; "
            + "nothing from it was kept; upload the file again', finished_at = now() WHERE state = 'running'")
    int failRunning();
}
