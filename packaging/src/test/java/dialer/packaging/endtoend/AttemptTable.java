package dialer.packaging.endtoend;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The appliance's own record of its calls: the rows of its {@code attempts} table, read from its database. */
public final class AttemptTable {
    private static final String ATTEMPTS = """
            SELECT id, phone_e164, outcome, sip_status, bridged_at IS NOT NULL AS bridged, disposition
            FROM attempts WHERE campaign_id = ? ORDER BY id""";

    private AttemptTable() {
    }

    /** One attempt: the number dialled, its outcome, the SIP status that ended it, whether it reached an agent, its disposition. */
    public record Attempt(long id, String phone, String outcome, Integer sipStatus, boolean bridged, String disposition) {
    }

    /** The campaign's attempts, in the order they were made, from the embedded database of the appliance {@code config} runs. */
    public static List<Attempt> read(SipApplianceConfig config, long campaignId) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), "dialer", config.databasePassword());
                PreparedStatement query = connection.prepareStatement(ATTEMPTS)) {
            query.setLong(1, campaignId);
            List<Attempt> attempts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    attempts.add(new Attempt(rows.getLong("id"), rows.getString("phone_e164"), rows.getString("outcome"),
                            rows.getObject("sip_status", Integer.class), rows.getBoolean("bridged"), rows.getString("disposition")));
                }
            }
            return attempts;
        }
    }
}
