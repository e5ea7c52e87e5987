package dialer.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps {@code id, username, roles, created_at} to a {@link User}. */
public final class UserRowMapper implements RowMapper<User> {
    @Override
    public User map(ResultSet rs, StatementContext ctx) throws SQLException {
        String[] roles = (String[]) rs.getArray("roles").getArray();
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                Arrays.stream(roles).map(code -> Role.fromCode(code).orElseThrow(
                        () -> new IllegalStateException("unknown role in the database: " + code)))
                        .collect(Collectors.toSet()),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
