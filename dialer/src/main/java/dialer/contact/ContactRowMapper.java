package dialer.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a row of {@code contacts} (all columns, {@code custom_fields} as text) to a {@link Contact}. */
public final class ContactRowMapper implements RowMapper<Contact> {
    @Override
    public Contact map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getLong("campaign_id"), Optional.ofNullable(rs.getString("external_id")),
                rs.getString("phone_e164"), Arrays.asList((String[]) rs.getArray("alt_phones").getArray()),
                rs.getString("time_zone"), Optional.ofNullable(rs.getString("first_name")),
                Optional.ofNullable(rs.getString("last_name")), rs.getInt("priority"), rs.getString("state"),
                rs.getInt("attempts_total"), instant(rs, "next_attempt_at"), rs.getString("custom_fields"),
                instant(rs, "created_at").orElseThrow(), instant(rs, "updated_at").orElseThrow());
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
