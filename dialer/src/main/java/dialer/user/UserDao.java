package dialer.user;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code users} table. */
@RegisterRowMapper(UserRowMapper.class)
public interface UserDao {

    @SqlUpdate("INSERT INTO users (username, password_hash, roles) VALUES (:username, :passwordHash, :roles)")
    @GetGeneratedKeys("id")
    long insert(String username, String passwordHash, String[] roles);

    @SqlQuery("SELECT id, username, roles, created_at FROM users ORDER BY id")
    List<User> list();

    @SqlQuery("SELECT id, username, roles, created_at FROM users WHERE id = :id")
    Optional<User> findById(long id);

    @SqlQuery("SELECT id, username, roles, created_at FROM users WHERE lower(username) = lower(:username)")
    Optional<User> findByUsername(String username);

    @SqlQuery("SELECT password_hash FROM users WHERE id = :id")
    String passwordHash(long id);

    @SqlQuery("SELECT count(*) FROM users")
    long count();
}
