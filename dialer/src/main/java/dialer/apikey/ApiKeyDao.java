package dialer.apikey;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code api_keys} table. */
@RegisterRowMapper(ApiKeyRowMapper.class)
public interface ApiKeyDao {
    String COLUMNS = "id, name, key_prefix, scopes, created_by, created_at, last_used_at, revoked_at";

    @SqlUpdate("INSERT INTO api_keys (name, key_prefix, key_hash, scopes, created_by) "
            + "VALUES (:name, :prefix, :hash, :scopes, :createdBy)")
    @GetGeneratedKeys("id")
    long insert(String name, String prefix, String hash, String[] scopes, Long createdBy);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id")
    Optional<ApiKey> findById(long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL")
    Optional<ApiKey> findActiveByHash(String hash);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_keys ORDER BY id")
    List<ApiKey> list();

    /** Records use at most once a minute, so that busy clients do not write on every request. */
    @SqlUpdate("UPDATE api_keys SET last_used_at = now() "
            + "WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
    void touch(long id);

    @SqlUpdate("UPDATE api_keys SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
    int revoke(long id);
}
