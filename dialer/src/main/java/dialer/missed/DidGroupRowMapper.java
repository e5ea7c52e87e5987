package dialer.missed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a row of {@link DidGroupDao#COLUMNS} to a {@link DidGroup}. */
public final class DidGroupRowMapper implements RowMapper<DidGroup> {
    @Override
    public DidGroup map(ResultSet rs, StatementContext ctx) throws SQLException {
        String mode = rs.getString("mode");
        return new DidGroup(rs.getLong("id"), rs.getString("name"),
                Arrays.asList((String[]) rs.getArray("dids").getArray()),
                CallbackMode.fromCode(mode).orElseThrow(() -> new IllegalStateException("unknown DID group mode " + mode)),
                rs.getInt("deadline_minutes"), rs.getLong("campaign_id"), rs.getBoolean("is_default"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
