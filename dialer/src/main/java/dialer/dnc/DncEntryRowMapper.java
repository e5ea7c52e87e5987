package dialer.dnc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps {@code id, phone_e164, kind, campaign_id, source, created_at} to a {@link DncEntry}. */
public final class DncEntryRowMapper implements RowMapper<DncEntry> {
    @Override
    public DncEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        String kind = rs.getString("kind");
        long campaignId = rs.getLong("campaign_id");
        Optional<Long> campaign = rs.wasNull() ? Optional.empty() : Optional.of(campaignId);
        return new DncEntry(
                rs.getLong("id"),
                new DncTarget(DncKind.fromCode(kind).orElseThrow(
                        () -> new IllegalStateException("unknown DNC kind in the database: " + kind)),
                        rs.getString("phone_e164")),
                campaign,
                rs.getString("source"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
