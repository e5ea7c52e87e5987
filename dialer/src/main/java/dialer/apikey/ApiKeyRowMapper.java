package dialer.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a row of {@code api_keys} to an {@link ApiKey}. */
public final class ApiKeyRowMapper implements RowMapper<ApiKey> {
    @Override
    public ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
        String[] scopes = (String[]) rs.getArray("scopes").getArray();
        long createdBy = rs.getLong("created_by");
        Optional<Long> creator = rs.wasNull() ? Optional.empty() : Optional.of(createdBy);
        return new ApiKey(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("key_prefix"),
                Arrays.stream(scopes).map(Scope::fromCode).flatMap(Optional::stream).collect(Collectors.toSet()),
                creator,
                instant(rs, "created_at").orElseThrow(),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
