package dialer.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dialer asks {@link DncService#isBlocked} for every contact it leases: that must stay an index lookup. */
class DncLookupPlanTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void isBlockedIsAnIndexLookupOnALargeList() {
        List<String> plan = DB.jdbi().withHandle(h -> {
            long campaign = h.createQuery("INSERT INTO campaigns (name, mode) VALUES ('c', 'predictive') RETURNING id")
                    .mapTo(Long.class).one();
            h.execute("""
                    INSERT INTO dnc_entries (phone_e164, kind, campaign_id)
                    SELECT '+7916' || lpad(i::text, 7, '0'), 'number', CASE WHEN i % 3 = 0 THEN :campaign END
                    FROM generate_series(1, 45000) AS i""".replace(":campaign", Long.toString(campaign)));
            h.execute("""
                    INSERT INTO dnc_entries (phone_e164, kind, campaign_id)
                    SELECT '+7' || (3000 + i)::text, 'prefix', CASE WHEN i % 2 = 0 THEN :campaign END
                    FROM generate_series(1, 5000) AS i""".replace(":campaign", Long.toString(campaign)));
            h.execute("ANALYZE dnc_entries");
            String number = "+79160012345";
            return h.createQuery("EXPLAIN " + DncDao.IS_BLOCKED)
                    .bind("candidates", DncPrefixes.of(number))
                    .bind("campaignId", campaign)
                    .bind("number", number)
                    .mapTo(String.class).list();
        });

        assertThat(String.join("\n", plan)).contains("dnc_entries_lookup").doesNotContain("Seq Scan");
    }
}
