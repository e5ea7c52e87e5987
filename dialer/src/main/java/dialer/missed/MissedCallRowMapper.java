package dialer.missed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a row of {@link MissedCallDao#SELECT} to a {@link MissedCall}. */
public final class MissedCallRowMapper implements RowMapper<MissedCall> {
    @Override
    public MissedCall map(ResultSet rs, StatementContext ctx) throws SQLException {
        String reason = rs.getString("reason");
        return new MissedCall(rs.getLong("id"), rs.getString("caller_e164"), Optional.ofNullable(rs.getString("called_e164")),
                rs.getLong("group_id"), rs.getLong("campaign_id"), rs.getLong("contact_id"), rs.getString("contact_state"),
                MissedReason.fromCode(reason).orElseThrow(() -> new IllegalStateException("unknown missed call reason " + reason)),
                Optional.ofNullable(rs.getString("ivr_path")), Optional.ofNullable((Integer) rs.getObject("waited_seconds")),
                instant(rs, "first_missed_at").orElseThrow(), instant(rs, "last_missed_at").orElseThrow(),
                rs.getInt("missed_count"), rs.getString("state"), instant(rs, "closed_at"),
                instant(rs, "created_at").orElseThrow(), instant(rs, "updated_at").orElseThrow());
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
